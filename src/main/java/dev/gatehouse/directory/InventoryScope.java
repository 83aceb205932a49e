package dev.gatehouse.directory;

import java.util.HashSet;
import java.util.Set;

/**
 * Which part of the access inventory to read. Each set narrows by one dimension and is empty for "any";
 * the dimensions combine with AND, the ids within one with OR.
 *
 * @param ouIds     OUs (or the root) whose accounts count, nested OUs included
 * @param userIds   people, by Identity Store user id
 * @param groupIds  access held through these groups only
 */
public record InventoryScope(Set<String> ouIds, Set<String> accountIds, Set<String> permissionSetArns,
                             Set<String> userIds, Set<String> groupIds) {

    /** Everyone's access on every account. */
    public static final InventoryScope ORGANIZATION = new InventoryScope(Set.of(), Set.of(), Set.of(), Set.of(),
            Set.of());

    public InventoryScope {
        ouIds = Set.copyOf(ouIds);
        accountIds = Set.copyOf(accountIds);
        permissionSetArns = Set.copyOf(permissionSetArns);
        userIds = Set.copyOf(userIds);
        groupIds = Set.copyOf(groupIds);
    }

    public InventoryScope inOu(String ouId) {
        return new InventoryScope(plus(ouIds, ouId), accountIds, permissionSetArns, userIds, groupIds);
    }

    public InventoryScope onAccount(String accountId) {
        return new InventoryScope(ouIds, plus(accountIds, accountId), permissionSetArns, userIds, groupIds);
    }

    public InventoryScope ofPermissionSet(String permissionSetArn) {
        return new InventoryScope(ouIds, accountIds, plus(permissionSetArns, permissionSetArn), userIds, groupIds);
    }

    public InventoryScope ofPerson(String userId) {
        return new InventoryScope(ouIds, accountIds, permissionSetArns, plus(userIds, userId), groupIds);
    }

    public InventoryScope throughGroup(String groupId) {
        return new InventoryScope(ouIds, accountIds, permissionSetArns, userIds, plus(groupIds, groupId));
    }

    private static Set<String> plus(Set<String> ids, String id) {
        Set<String> more = new HashSet<>(ids);
        more.add(id);
        return more;
    }
}
