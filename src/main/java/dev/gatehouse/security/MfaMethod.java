package dev.gatehouse.security;

/** The ways a person proves a second factor. */
public enum MfaMethod {
    TOTP("Authenticator app"),
    WEBAUTHN("Security key or passkey"),
    RECOVERY_CODE("Recovery code"),
    IDENTITY_PROVIDER("Identity provider sign-in");

    private final String label;

    MfaMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
