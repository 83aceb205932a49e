package dev.gatehouse.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of a sandbox organization and its Identity Center instance. Insertion order is the order
 * the List operations return, as AWS returns a stable order.
 */
public final class SandboxOrganization {

    public record OrganizationalUnit(String id, String parentId, String name) {
    }

    public record Account(String id, String parentId, String name, String email, String status) {
    }

    public record User(String id, String userName, String givenName, String familyName, String email,
                       String managerId, boolean enabled) {

        public String displayName() {
            return givenName + " " + familyName;
        }
    }

    /**
     * A group; externalIssuer is the identity provider a SCIM sync created it from (AWS's ExternalIds),
     * null for one made in the Identity Store itself.
     */
    public record Group(String id, String displayName, String description, String externalIssuer) {

        public Group(String id, String displayName, String description) {
            this(id, displayName, description, null);
        }
    }

    public record Membership(String id, String groupId, String userId) {
    }

    public record ManagedPolicy(String name, String arn) {
    }

    public record CustomerManagedPolicy(String name, String path) {
    }

    public record PermissionSet(String arn, String name, String description, String sessionDuration,
                                String relayState, List<ManagedPolicy> managedPolicies,
                                List<CustomerManagedPolicy> customerManagedPolicies, String inlinePolicy,
                                String boundaryPolicyArn, Map<String, String> tags) {
    }

    /** One account assignment; principalType is USER or GROUP. */
    public record Assignment(String accountId, String permissionSetArn, String principalType, String principalId) {
    }

    public static final String INSTANCE_ARN = "arn:aws:sso:::instance/ssoins-sandbox0000000001";
    public static final String IDENTITY_STORE_ID = "d-sandbox0001";
    public static final String ROOT_ID = "r-sbx0";

    final Map<String, OrganizationalUnit> units = new LinkedHashMap<>();
    final Map<String, Account> accounts = new LinkedHashMap<>();
    /** Tags by account id, as Organizations keeps them: beside the account, read with ListTagsForResource. */
    final Map<String, Map<String, String>> accountTags = new LinkedHashMap<>();
    final Map<String, User> users = new LinkedHashMap<>();
    final Map<String, Group> groups = new LinkedHashMap<>();
    final Map<String, List<Membership>> membershipsByGroup = new LinkedHashMap<>();
    final Map<String, PermissionSet> permissionSets = new LinkedHashMap<>();
    final Map<String, Set<String>> provisionedByAccount = new LinkedHashMap<>();
    final Map<String, List<Assignment>> assignmentsByAccountAndSet = new LinkedHashMap<>();

    public synchronized void add(OrganizationalUnit unit) {
        units.put(unit.id(), unit);
    }

    public synchronized void add(Account account) {
        accounts.put(account.id(), account);
    }

    /** Replaces the account's tags. */
    public synchronized void tag(String accountId, Map<String, String> tags) {
        accountTags.put(accountId, Map.copyOf(tags));
    }

    public synchronized Map<String, String> tagsOf(String accountId) {
        return accountTags.getOrDefault(accountId, Map.of());
    }

    public synchronized void add(User user) {
        users.put(user.id(), user);
    }

    public synchronized void add(Group group) {
        groups.put(group.id(), group);
        membershipsByGroup.putIfAbsent(group.id(), new ArrayList<>());
    }

    public synchronized void add(Membership membership) {
        membershipsByGroup.computeIfAbsent(membership.groupId(), g -> new ArrayList<>()).add(membership);
    }

    /** Deletes the membership with this id, as DeleteGroupMembership does; false when there is none. */
    public synchronized boolean removeMembership(String membershipId) {
        return membershipsByGroup.values().stream().anyMatch(list -> list.removeIf(m -> m.id().equals(membershipId)));
    }

    public synchronized void add(PermissionSet permissionSet) {
        permissionSets.put(permissionSet.arn(), permissionSet);
    }

    /** Adds the assignment (once) and provisions its permission set to the account, as AWS does. */
    public synchronized boolean add(Assignment assignment) {
        provisionedByAccount.computeIfAbsent(assignment.accountId(), a -> new LinkedHashSet<>())
                .add(assignment.permissionSetArn());
        List<Assignment> existing = assignmentsByAccountAndSet.computeIfAbsent(
                key(assignment.accountId(), assignment.permissionSetArn()), k -> new ArrayList<>());
        if (existing.contains(assignment)) {
            return false;
        }
        existing.add(assignment);
        return true;
    }

    public synchronized boolean remove(Assignment assignment) {
        List<Assignment> existing = assignmentsByAccountAndSet.get(key(assignment.accountId(),
                assignment.permissionSetArn()));
        return existing != null && existing.remove(assignment);
    }

    public synchronized void removeUser(String userId) {
        users.remove(userId);
        membershipsByGroup.values().forEach(list -> list.removeIf(m -> m.userId().equals(userId)));
        assignmentsByAccountAndSet.values().forEach(list -> list.removeIf(a -> a.principalId().equals(userId)));
    }

    public synchronized int accountCount() {
        return accounts.size();
    }

    public synchronized int userCount() {
        return users.size();
    }

    public synchronized int assignmentCount() {
        return assignmentsByAccountAndSet.values().stream().mapToInt(List::size).sum();
    }

    public synchronized List<Assignment> assignments() {
        return assignmentsByAccountAndSet.values().stream().flatMap(List::stream).toList();
    }

    public synchronized List<OrganizationalUnit> units() {
        return List.copyOf(units.values());
    }

    public synchronized List<Account> accounts() {
        return List.copyOf(accounts.values());
    }

    public synchronized List<User> users() {
        return List.copyOf(users.values());
    }

    public synchronized List<Group> groups() {
        return List.copyOf(groups.values());
    }

    public synchronized List<Membership> memberships() {
        return membershipsByGroup.values().stream().flatMap(List::stream).toList();
    }

    public synchronized List<PermissionSet> permissionSets() {
        return List.copyOf(permissionSets.values());
    }

    static String key(String accountId, String permissionSetArn) {
        return accountId + "|" + permissionSetArn;
    }
}
