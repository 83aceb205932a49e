package dev.gatehouse.permissionset;

/** Where a session-duration change stands: the permission set is updated, then provisioned to its accounts. */
public enum SessionChangeStatus {
    UPDATING("Updating the permission set"),
    PROVISIONING("Provisioning to its accounts"),
    SUCCEEDED("Applied"),
    FAILED("Failed");

    private final String label;

    SessionChangeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
