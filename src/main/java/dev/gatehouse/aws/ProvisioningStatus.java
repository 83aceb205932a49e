package dev.gatehouse.aws;

/**
 * One ProvisionPermissionSet request as AWS describes it.
 *
 * @param accountId     the account it was for, or empty for all provisioned accounts
 * @param failureReason AWS's reason when FAILED, else empty
 */
public record ProvisioningStatus(String requestId, String permissionSetArn, String accountId, ProvisioningState state,
                                 String failureReason) {
}
