package dev.gatehouse.directory;

/**
 * Someone's standing access to a permission set on an account.
 *
 * @param viaGroup the group the assignment is made to, or empty when made to the person directly
 */
public record AccessRow(String accountId, String accountName, String permissionSetName, String userId,
                        String userName, String displayName, String viaGroup) {
}
