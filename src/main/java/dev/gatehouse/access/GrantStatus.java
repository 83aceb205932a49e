package dev.gatehouse.access;

/** A grant's life (docs/architecture.md, Access): SCHEDULED → ACTIVATING → ACTIVE → ENDING → ENDED, or REVOKED early, or FAILED. */
public enum GrantStatus {
    SCHEDULED("Scheduled"),
    ACTIVATING("Activating"),
    ACTIVE("Active"),
    ENDING("Ending"),
    ENDED("Ended"),
    REVOKED("Revoked"),
    FAILED("Failed");

    private final String label;

    GrantStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the grant may still hold the assignment in Identity Center. */
    public boolean holdsAccess() {
        return this == ACTIVATING || this == ACTIVE || this == ENDING;
    }

    public boolean finished() {
        return this == ENDED || this == REVOKED || this == FAILED;
    }
}
