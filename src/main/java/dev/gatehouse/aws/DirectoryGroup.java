package dev.gatehouse.aws;

/**
 * An Identity Store group.
 *
 * @param externalIssuer the identity provider a SCIM sync created it from (the first of AWS's ExternalIds),
 *                       "" for a group made in the Identity Store itself
 */
public record DirectoryGroup(String id, String displayName, String description, String externalIssuer) {

    /** Whether the group comes from an identity provider, whose next push would undo a change made here. */
    public boolean provisionedFromIdp() {
        return !externalIssuer.isEmpty();
    }
}
