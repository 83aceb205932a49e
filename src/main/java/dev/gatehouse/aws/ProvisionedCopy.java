package dev.gatehouse.aws;

/** Whether an account holds a permission set's latest definition, or one from before a later change. */
public enum ProvisionedCopy {
    LATEST("LATEST_PERMISSION_SET_PROVISIONED"),
    NOT_LATEST("LATEST_PERMISSION_SET_NOT_PROVISIONED");

    final String awsName;

    ProvisionedCopy(String awsName) {
        this.awsName = awsName;
    }
}
