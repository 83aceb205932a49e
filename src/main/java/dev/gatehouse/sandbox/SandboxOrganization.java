package dev.gatehouse.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

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

    /**
     * A permission set's definition and tags. The permissions boundary is either an AWS managed policy
     * ({@code boundaryPolicyArn}) or a customer managed one ({@code boundaryReference}), or neither.
     */
    public record PermissionSet(String arn, String name, String description, String sessionDuration,
                                String relayState, List<ManagedPolicy> managedPolicies,
                                List<CustomerManagedPolicy> customerManagedPolicies, String inlinePolicy,
                                String boundaryPolicyArn, CustomerManagedPolicy boundaryReference,
                                Map<String, String> tags) {

        public PermissionSet {
            managedPolicies = List.copyOf(managedPolicies);
            customerManagedPolicies = List.copyOf(customerManagedPolicies);
            tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        }

        /** A permission set whose boundary, if any, is an AWS managed policy. */
        public PermissionSet(String arn, String name, String description, String sessionDuration, String relayState,
                             List<ManagedPolicy> managedPolicies, List<CustomerManagedPolicy> customerManagedPolicies,
                             String inlinePolicy, String boundaryPolicyArn, Map<String, String> tags) {
            this(arn, name, description, sessionDuration, relayState, managedPolicies, customerManagedPolicies,
                    inlinePolicy, boundaryPolicyArn, null, tags);
        }

        public PermissionSet withDescription(String description, String sessionDuration, String relayState) {
            return new PermissionSet(arn, name, description, sessionDuration, relayState, managedPolicies,
                    customerManagedPolicies, inlinePolicy, boundaryPolicyArn, boundaryReference, tags);
        }

        public PermissionSet withManagedPolicies(List<ManagedPolicy> policies) {
            return new PermissionSet(arn, name, description, sessionDuration, relayState, policies,
                    customerManagedPolicies, inlinePolicy, boundaryPolicyArn, boundaryReference, tags);
        }

        public PermissionSet withCustomerManagedPolicies(List<CustomerManagedPolicy> policies) {
            return new PermissionSet(arn, name, description, sessionDuration, relayState, managedPolicies, policies,
                    inlinePolicy, boundaryPolicyArn, boundaryReference, tags);
        }

        /** @param policy JSON, or null for none */
        public PermissionSet withInlinePolicy(String policy) {
            return new PermissionSet(arn, name, description, sessionDuration, relayState, managedPolicies,
                    customerManagedPolicies, policy, boundaryPolicyArn, boundaryReference, tags);
        }

        /** At most one of the two; both null removes the boundary. */
        public PermissionSet withBoundary(String managedPolicyArn, CustomerManagedPolicy reference) {
            return new PermissionSet(arn, name, description, sessionDuration, relayState, managedPolicies,
                    customerManagedPolicies, inlinePolicy, managedPolicyArn, reference, tags);
        }

        public PermissionSet withTags(Map<String, String> tags) {
            return new PermissionSet(arn, name, description, sessionDuration, relayState, managedPolicies,
                    customerManagedPolicies, inlinePolicy, boundaryPolicyArn, boundaryReference, tags);
        }

        /** Managed and customer managed policies together, which IAM counts against one quota per role. */
        public int attachedPolicyCount() {
            return managedPolicies.size() + customerManagedPolicies.size();
        }
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
    /** Each permission set's definition version: it grows with every change that provisioning must carry. */
    private final Map<String, Long> definitionVersions = new HashMap<>();
    /** The definition version each account holds, by {@link #key}; latest when it equals the set's version. */
    private final Map<String, Long> provisionedVersions = new HashMap<>();
    private final Map<String, Instant> lastModified = new HashMap<>();
    private final Map<String, Instant> created = new HashMap<>();
    /** Accounts where provisioning fails, with AWS's FailureReason. */
    private final Map<String, String> provisioningFailures = new HashMap<>();
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
        Instant now = Instant.now();
        created.putIfAbsent(permissionSet.arn(), now);
        lastModified.put(permissionSet.arn(), now);
        definitionVersions.merge(permissionSet.arn(), 1L, Long::sum);
    }

    /**
     * Changes a permission set as an administrator would in the AWS console, past Gatehouse: the change is
     * made at once, its last-modified time moves, and every account it is provisioned to holds an old copy
     * until it is provisioned again. Tests use it to make drift.
     */
    public void changeInConsole(String permissionSetArn, UnaryOperator<PermissionSet> change) {
        change(permissionSetArn, change, true);
    }

    /**
     * Replaces the permission set; a change to what provisioning carries (everything but tags) leaves its
     * provisioned accounts with an old copy.
     */
    synchronized PermissionSet change(String permissionSetArn, UnaryOperator<PermissionSet> change,
                                      boolean definition) {
        PermissionSet set = permissionSets.get(permissionSetArn);
        if (set == null) {
            throw new IllegalArgumentException("No permission set " + permissionSetArn);
        }
        PermissionSet changed = change.apply(set);
        permissionSets.put(permissionSetArn, changed);
        lastModified.put(permissionSetArn, Instant.now());
        if (definition) {
            definitionVersions.merge(permissionSetArn, 1L, Long::sum);
        }
        return changed;
    }

    synchronized void removePermissionSet(String permissionSetArn) {
        permissionSets.remove(permissionSetArn);
        definitionVersions.remove(permissionSetArn);
        lastModified.remove(permissionSetArn);
        created.remove(permissionSetArn);
    }

    /** When the permission set was last written, through the API or the console. */
    public synchronized Instant lastModified(String permissionSetArn) {
        return lastModified.get(permissionSetArn);
    }

    synchronized Instant created(String permissionSetArn) {
        return created.getOrDefault(permissionSetArn, Instant.EPOCH);
    }

    synchronized long definitionVersion(String permissionSetArn) {
        return definitionVersions.getOrDefault(permissionSetArn, 0L);
    }

    /** The accounts the permission set is provisioned to, in order, with whether each holds the latest definition. */
    public synchronized Map<String, Boolean> provisionedAccounts(String permissionSetArn) {
        Map<String, Boolean> accounts = new LinkedHashMap<>();
        provisionedByAccount.forEach((account, sets) -> {
            if (sets.contains(permissionSetArn)) {
                accounts.put(account, isLatest(account, permissionSetArn));
            }
        });
        return accounts;
    }

    synchronized boolean isLatest(String accountId, String permissionSetArn) {
        return provisionedVersions.getOrDefault(key(accountId, permissionSetArn), -1L)
                == definitionVersion(permissionSetArn);
    }

    /** Records that the account now holds this version of the permission set. */
    synchronized void provisioned(String accountId, String permissionSetArn, long version) {
        if (!permissionSets.containsKey(permissionSetArn)) {
            return;
        }
        provisionedByAccount.computeIfAbsent(accountId, a -> new LinkedHashSet<>()).add(permissionSetArn);
        provisionedVersions.put(key(accountId, permissionSetArn), version);
    }

    /**
     * Makes every provisioning to the account end FAILED with this FailureReason, as when a customer managed
     * policy the permission set names is missing there; see {@link #missingPolicyReason}.
     */
    public synchronized void failProvisioning(String accountId, String failureReason) {
        provisioningFailures.put(accountId, failureReason);
    }

    public synchronized void stopFailingProvisioning(String accountId) {
        provisioningFailures.remove(accountId);
    }

    synchronized String provisioningFailure(String accountId) {
        return provisioningFailures.get(accountId);
    }

    /** AWS's FailureReason when a customer managed policy a permission set names does not exist in the account. */
    public static String missingPolicyReason(String policyName, String accountId) {
        return "Received a 404 status error: Policy name '" + policyName + "' does not exist in account '"
                + accountId + "'";
    }

    /**
     * Adds the assignment (once) and provisions its permission set to the account, as AWS does; an account
     * that already holds the set keeps the copy it has, latest or not.
     */
    public synchronized boolean add(Assignment assignment) {
        if (provisionedByAccount.computeIfAbsent(assignment.accountId(), a -> new LinkedHashSet<>())
                .add(assignment.permissionSetArn())) {
            provisionedVersions.put(key(assignment.accountId(), assignment.permissionSetArn()),
                    definitionVersion(assignment.permissionSetArn()));
        }
        List<Assignment> existing = assignmentsByAccountAndSet.computeIfAbsent(
                key(assignment.accountId(), assignment.permissionSetArn()), k -> new ArrayList<>());
        if (existing.contains(assignment)) {
            return false;
        }
        existing.add(assignment);
        return true;
    }

    /**
     * Removes the assignment; the account's last assignment of a permission set deprovisions the set from
     * the account, as AWS deletes the role with it.
     */
    public synchronized boolean remove(Assignment assignment) {
        String key = key(assignment.accountId(), assignment.permissionSetArn());
        List<Assignment> existing = assignmentsByAccountAndSet.get(key);
        boolean removed = existing != null && existing.remove(assignment);
        if (removed && existing.isEmpty()) {
            assignmentsByAccountAndSet.remove(key);
            Set<String> provisioned = provisionedByAccount.get(assignment.accountId());
            if (provisioned != null) {
                provisioned.remove(assignment.permissionSetArn());
            }
            provisionedVersions.remove(key);
        }
        return removed;
    }

    /** Whether any account holds the permission set or any assignment names it. */
    synchronized boolean inUse(String permissionSetArn) {
        return provisionedByAccount.values().stream().anyMatch(sets -> sets.contains(permissionSetArn))
                || assignmentsByAccountAndSet.values().stream().flatMap(List::stream)
                .anyMatch(a -> a.permissionSetArn().equals(permissionSetArn));
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
