package dev.gatehouse.directory;

/** What can have an owner. */
public enum OwnedKind {
    ACCOUNT("account"),
    PERMISSION_SET("permission set");

    private final String label;

    OwnedKind(String label) {
        this.label = label;
    }

    /** "account", "permission set": as a sentence names it. */
    public String label() {
        return label;
    }
}
