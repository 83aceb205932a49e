package dev.gatehouse.access;

import java.util.Objects;

import dev.gatehouse.directory.AccountId;
import dev.gatehouse.directory.PermissionSetArn;
import dev.gatehouse.directory.PrincipalType;

/**
 * One Identity Center account assignment, by stable ids: at most one exists per key. The ledger
 * serialises every write on the same key across nodes.
 */
public record AssignmentKey(AccountId accountId, PermissionSetArn permissionSetArn, PrincipalType principalType,
                            String principalId) {

    public AssignmentKey {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(permissionSetArn, "permissionSetArn");
        Objects.requireNonNull(principalType, "principalType");
        Objects.requireNonNull(principalId, "principalId");
    }

    /** @throws IllegalArgumentException when the account id or the ARN is no such id */
    public static AssignmentKey of(String accountId, String permissionSetArn, PrincipalType principalType,
                                   String principalId) {
        return new AssignmentKey(new AccountId(accountId), new PermissionSetArn(permissionSetArn), principalType,
                principalId);
    }

    public static AssignmentKey user(String accountId, String permissionSetArn, String userId) {
        return of(accountId, permissionSetArn, PrincipalType.USER, userId);
    }

    public static AssignmentKey group(String accountId, String permissionSetArn, String groupId) {
        return of(accountId, permissionSetArn, PrincipalType.GROUP, groupId);
    }
}
