package dev.gatehouse.access;

import java.util.Objects;

/**
 * One Identity Center account assignment, by stable ids: at most one exists per key. The ledger
 * serialises every write on the same key across nodes.
 */
public record AssignmentKey(String accountId, String permissionSetArn, PrincipalType principalType,
                            String principalId) {

    public AssignmentKey {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(permissionSetArn, "permissionSetArn");
        Objects.requireNonNull(principalType, "principalType");
        Objects.requireNonNull(principalId, "principalId");
    }

    public static AssignmentKey user(String accountId, String permissionSetArn, String userId) {
        return new AssignmentKey(accountId, permissionSetArn, PrincipalType.USER, userId);
    }

    public static AssignmentKey group(String accountId, String permissionSetArn, String groupId) {
        return new AssignmentKey(accountId, permissionSetArn, PrincipalType.GROUP, groupId);
    }
}
