package dev.gatehouse.notification;

/** Where one message on one channel stands: waiting (first try or a retry), sent, or given up on. */
public enum DeliveryStatus {
    PENDING("Waiting"),
    SENT("Sent"),
    FAILED("Failed");

    private final String label;

    DeliveryStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
