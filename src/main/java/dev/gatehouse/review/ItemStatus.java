package dev.gatehouse.review;

/** Where one review item is: waiting for a decision, decided, and for a revoke, how applying it goes. */
public enum ItemStatus {
    /** Waiting for the current stage's reviewer. */
    PENDING,
    /** Kept at the last stage (or revoked, until applying starts). */
    DECIDED,
    /**
     * A revoke on its way: through the access ledger (or waiting there for a live grant to end), or removing
     * the person from an Identity Store group.
     */
    APPLYING,
    /** Identity Center deleted the assignment, or the person is out of the group. */
    REMOVED,
    /** AWS refused the removal; it is tried again, and the detail says why. */
    FAILED,
    /** Held through a group an IdP provisions: someone must remove the person from the group there. */
    WAITING_FOR_IDP,
    /**
     * A revoke only an admin can carry out, such as changing an access rule that covers the person through a
     * group or as everyone; the detail says what to do.
     */
    WAITING_FOR_ADMIN,
    /** A later sync saw that the access is gone. */
    CONFIRMED;

    /** Whether a reviewer may still decide, or change their decision: nothing has been done in AWS yet. */
    public boolean open() {
        return this == PENDING || this == DECIDED || this == WAITING_FOR_IDP || this == WAITING_FOR_ADMIN;
    }
}
