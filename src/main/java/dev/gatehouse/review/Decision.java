package dev.gatehouse.review;

/** What a reviewer decides about one item. */
public enum Decision {
    KEEP,
    REVOKE,
    /** Remove the standing assignment, as a revoke does, and make sure an access rule lets the person request it. */
    CONVERT_TO_JIT;

    /** Whether the decision takes the standing access away: final at whichever stage it is made. */
    public boolean removes() {
        return this != KEEP;
    }
}
