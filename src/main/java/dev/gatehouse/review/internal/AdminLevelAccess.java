package dev.gatehouse.review.internal;

import java.util.Set;

import org.jooq.Condition;
import org.jooq.Field;

/**
 * Which access counts as admin-level for the due-date policy's last-admin guard: AdministratorAccess, or a
 * permission set named BreakGlass. The one place the rule lives, so the permission-set editor can widen it.
 */
public final class AdminLevelAccess {

    static final Set<String> PERMISSION_SETS = Set.of("AdministratorAccess", "BreakGlass");

    private AdminLevelAccess() {
    }

    public static boolean is(String permissionSetName) {
        return PERMISSION_SETS.contains(permissionSetName);
    }

    static Condition condition(Field<String> permissionSetName) {
        return permissionSetName.in(PERMISSION_SETS);
    }
}
