package dev.gatehouse.aws;

/** How removing a person from an Identity Store group went. */
public enum MembershipRemoval {
    /** DeleteGroupMembership deleted it. */
    REMOVED,
    /** The person was not (or no longer) in the group, or the group is gone: nothing left to remove. */
    ALREADY_GONE
}
