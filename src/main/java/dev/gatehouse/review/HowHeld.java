package dev.gatehouse.review;

/** How the person holds the reviewed access: assigned to them, or through a group. */
public enum HowHeld {
    DIRECT,
    GROUP
}
