package dev.gatehouse.access;

/** Where an access request stands; only PENDING moves on. */
public enum RequestStatus {
    PENDING("Waiting for approval"),
    APPROVED("Approved"),
    DENIED("Denied"),
    CANCELLED("Cancelled"),
    EXPIRED("Expired without a decision");

    private final String label;

    RequestStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
