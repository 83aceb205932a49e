package dev.gatehouse.review;

/** What the due-date policy left on an item nobody decided in time. */
public enum ItemFlag {
    /** Kept by the policy KEEP_AND_FLAG; the evidence lists it as undecided. */
    UNDECIDED_AT_DUE_DATE,
    /** The policy REVOKE would remove the last admin-level access of its account: it waits for an admin. */
    NEEDS_CONFIRMATION
}
