package dev.gatehouse.review;

/**
 * How the person holds the reviewed access: assigned to them, or through a group; for an access rule's
 * eligibility, named in the rule, through a group it names, or as everyone.
 */
public enum HowHeld {
    DIRECT,
    GROUP,
    /** An access rule for everyone (eligibility items only). */
    EVERYONE
}
