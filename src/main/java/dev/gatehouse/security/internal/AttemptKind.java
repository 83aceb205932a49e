package dev.gatehouse.security.internal;

/** What was refused, counted apart: many failed step-ups do not block signing in, nor the other way round. */
public enum AttemptKind {
    SIGN_IN,
    STEP_UP
}
