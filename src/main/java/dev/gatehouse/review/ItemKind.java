package dev.gatehouse.review;

/**
 * What a review item is about: standing access (always reviewed), and what a campaign may add: who may
 * request what under an access rule, group memberships that carry assignments, and break-glass
 * activations nobody has followed up yet.
 */
public enum ItemKind {
    /** An account assignment held now: to the person, or through a group (one item per person and group). */
    STANDING("Standing access"),
    /** An access rule that lets the person request a permission set (named, through a group, or everyone). */
    ELIGIBILITY("Access rule eligibility"),
    /** The person's membership of a group that holds assignments in scope. */
    MEMBERSHIP("Group membership"),
    /** A break-glass activation awaiting follow-up. */
    BREAK_GLASS("Break-glass activation");

    private final String label;

    ItemKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** What keep and revoke do for an item of this kind, as a reviewer is told before deciding. */
    public String decisions() {
        return switch (this) {
            case STANDING -> "Keep the assignment, revoke it (a group's access: remove the person from the group), "
                    + "or convert a direct assignment to just in time.";
            case ELIGIBILITY -> "Keep the rule, or revoke: a rule for this person alone is deleted; for a rule through "
                    + "a group or for everyone, an admin must change the rule so it no longer covers the person.";
            case MEMBERSHIP -> "Keep the membership, or revoke: the person is removed from the group (for a group "
                    + "from an identity provider, an admin removes them there).";
            case BREAK_GLASS -> "Keep: the activation is followed up with your comment. Revoke: the grant ends now if "
                    + "it is still active, and the activation is followed up.";
        };
    }
}
