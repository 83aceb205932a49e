package dev.gatehouse.audit;

/** What an audit entry records. */
public enum AuditAction {
    SIGNED_IN("Signed in"),
    SIGNED_OUT("Signed out"),
    SIGN_IN_REFUSED("Sign-in refused"),
    DIRECTORY_SYNCED("Directory synced"),
    DIRECTORY_SYNC_FAILED("Directory sync failed");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
