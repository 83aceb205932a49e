package dev.gatehouse.security;

/** What happened to a person's second factors, for the audit trail. */
public enum MfaAction {
    ENROLLED,
    REMOVED,
    RECOVERY_CODES_RENEWED,
    VERIFIED,
    FAILED,
    LOCKED_OUT,
    RESET
}
