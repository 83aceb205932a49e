package dev.gatehouse.aws;

/** Where a ProvisionPermissionSet request stands. */
public enum ProvisioningState {
    IN_PROGRESS,
    SUCCEEDED,
    FAILED
}
