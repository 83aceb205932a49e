package dev.gatehouse.directory;

import java.util.Optional;

/**
 * Who owns an account or a permission set, and from where; or why nobody does. An owner set in Gatehouse
 * wins over the AWS tag while they are in the directory (and enabled, for a person); then the tag counts
 * again.
 *
 * @param tagKey   the owner tag's key (gatehouse.directory.owner-tag-key)
 * @param tagValue the owner tag's value as the last sync read it; empty when there is none
 * @param missing  why there is no owner, said for an admin to act on; empty when there is one
 */
public record Ownership(OwnedKind kind, String resourceId, String resourceName, Optional<Owner> owner,
                        String tagKey, String tagValue, String missing) {

    /** For screens: "Avery Patel (person), from the AWS tag owner=avery.patel@example.com", or the gap. */
    public String text() {
        return owner.map(o -> o.label() + ", " + o.source(tagKey, tagValue)).orElse("No owner: " + missing);
    }
}
