package dev.gatehouse.review;

/** What happens to items nobody decided by the due date. */
public enum DueDatePolicy {
    KEEP,
    /** Kept, and listed as undecided in the evidence. */
    KEEP_AND_FLAG,
    REVOKE
}
