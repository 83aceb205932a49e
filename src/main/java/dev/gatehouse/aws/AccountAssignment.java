package dev.gatehouse.aws;

/** Who holds a permission set on an account; principalType is USER or GROUP. */
public record AccountAssignment(String accountId, String permissionSetArn, String principalType, String principalId) {
}
