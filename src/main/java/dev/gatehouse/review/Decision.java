package dev.gatehouse.review;

/** What a reviewer decides about one item. */
public enum Decision {
    KEEP,
    REVOKE
}
