package dev.gatehouse.directory;

import java.time.Instant;

/**
 * An admin set who owns an account or a permission set, or went back to its AWS tag.
 *
 * @param before the owner as {@link Ownership#text()} said it before the change
 * @param after  the same, after it
 */
public record OwnerChanged(OwnedKind kind, String resourceId, String resourceName, String before, String after,
                           String actor, Instant at) {
}
