package dev.gatehouse.review.internal;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import dev.gatehouse.directory.PermissionSetRow;
import dev.gatehouse.permissionset.AdminLevelPolicies;

/**
 * Which access counts as admin-level, in one place. By name: AdministratorAccess, or a permission set named
 * BreakGlass. By what the directory mirror knows of its policies (added to the names by the reviewers' risk
 * flag and the due-date policy's last-admin guard), as {@link AdminLevelPolicies} judges them for the
 * permission-set editor too.
 */
public final class AdminLevelAccess {

    static final Set<String> PERMISSION_SETS = Set.of("AdministratorAccess", "BreakGlass");

    private AdminLevelAccess() {
    }

    public static boolean is(String permissionSetName) {
        return PERMISSION_SETS.contains(permissionSetName);
    }

    /** Admin-level by name, or by policies as {@link #arns} found them. */
    static Condition condition(Field<String> permissionSetName, Field<String> permissionSetArn, Set<String> arns) {
        return permissionSetName.in(PERMISSION_SETS).or(arns.isEmpty() ? DSL.noCondition() : permissionSetArn.in(arns));
    }

    /** The ARNs of the permission sets whose policies make them admin-level (names alone aside). */
    public static Set<String> arns(Collection<PermissionSetRow> sets) {
        return sets.stream().filter(set -> byPolicies(set).isPresent()).map(PermissionSetRow::arn)
                .collect(Collectors.toSet());
    }

    /**
     * Why access to the permission set is admin-level ("AWS managed AdministratorAccess", "inline policy
     * allows * on *", "inline policy allows IAM writes (iam:PutRolePolicy)"), or empty when it is not, as far
     * as its name and the mirror's copy of its policies tell.
     */
    public static Optional<String> reason(String permissionSetName, Optional<PermissionSetRow> set) {
        Optional<String> policies = set.flatMap(AdminLevelAccess::byPolicies);
        return policies.isPresent() || !is(permissionSetName) ? policies : Optional.of("named " + permissionSetName);
    }

    private static Optional<String> byPolicies(PermissionSetRow set) {
        return AdminLevelPolicies.reason(set.managedPolicies(), set.inlinePolicy());
    }
}
