package dev.gatehouse.aws;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.User;

import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.InstanceMetadata;
import software.amazon.awssdk.services.ssoadmin.model.ResourceNotFoundException;

import dev.gatehouse.aws.internal.AwsCalls;
import dev.gatehouse.aws.internal.AwsService;
import dev.gatehouse.aws.internal.Pacer;

/**
 * Reads the organization and the Identity Center instance page by page, handing each item to a
 * consumer so that callers stream instead of holding everything. Every call is paced, retried and
 * counted by {@link AwsCalls}.
 */
public final class IdentityCenter implements AutoCloseable {

    static final String ENTERPRISE_EXTENSION = "aws:identitystore:enterprise";
    /** AWS allows 15 assignment writes in progress per instance; one is left for other nodes and the console. */
    static final int MAX_OUTSTANDING_WRITES = 14;

    private final OrganizationsClient organizations;
    private final IdentitystoreClient identityStore;
    private final SsoAdminClient ssoAdmin;
    private final AwsCalls calls;
    private final AwsConnection connection;
    private final Map<String, ReentrantLock> writeLocks = new ConcurrentHashMap<>();
    private final Semaphore outstanding = new Semaphore(MAX_OUTSTANDING_WRITES, true);
    private volatile InstanceMetadata instance;

    private IdentityCenter(AwsConnection connection, MeterRegistry meters) {
        this.organizations = configure(OrganizationsClient.builder(), connection).build();
        this.identityStore = configure(IdentitystoreClient.builder(), connection).build();
        this.ssoAdmin = configure(SsoAdminClient.builder(), connection).build();
        this.calls = new AwsCalls(new Pacer(connection.paceFactor()), meters, connection.maxAttempts(),
                connection.baseDelay(), connection.maxDelay());
        this.connection = connection;
    }

    /** Makes no call yet: the instance is looked up on first use, so bad credentials fail a sync, not start-up. */
    public static IdentityCenter connect(AwsConnection connection, MeterRegistry meters) {
        return new IdentityCenter(connection, meters);
    }

    public String instanceArn() {
        return instance().instanceArn();
    }

    public String identityStoreId() {
        return instance().identityStoreId();
    }

    private InstanceMetadata instance() {
        InstanceMetadata found = instance;
        if (found == null) {
            synchronized (this) {
                if (instance == null) {
                    instance = findInstance();
                }
                found = instance;
            }
        }
        return found;
    }

    /** Walks the OU tree from the root, breadth first: each OU before its children, with its accounts. */
    public void walkOrganization(Consumer<OrganizationalUnit> units, Consumer<AwsAccount> accounts) {
        Deque<String> parents = new ArrayDeque<>();
        pages(AwsService.ORGANIZATIONS, "ListRoots",
                token -> organizations.listRoots(r -> r.nextToken(token)),
                response -> response.roots().stream().map(root -> root.id()).toList(),
                response -> response.nextToken(), parents::add);
        while (!parents.isEmpty()) {
            String parent = parents.poll();
            pages(AwsService.ORGANIZATIONS, "ListOrganizationalUnitsForParent",
                    token -> organizations.listOrganizationalUnitsForParent(
                            r -> r.parentId(parent).maxResults(20).nextToken(token)),
                    response -> response.organizationalUnits(), response -> response.nextToken(),
                    unit -> {
                        units.accept(new OrganizationalUnit(unit.id(), parent, unit.name()));
                        parents.add(unit.id());
                    });
            pages(AwsService.ORGANIZATIONS, "ListAccountsForParent",
                    token -> organizations.listAccountsForParent(r -> r.parentId(parent).maxResults(20).nextToken(token)),
                    response -> response.accounts(), response -> response.nextToken(),
                    account -> accounts.accept(new AwsAccount(account.id(), parent, account.name(), account.email(),
                            account.statusAsString())));
        }
    }

    public void users(Consumer<DirectoryUser> consumer) {
        pages(AwsService.IDENTITY_STORE, "ListUsers",
                token -> identityStore.listUsers(r -> r.identityStoreId(identityStoreId()).maxResults(100)
                        .extensions(ENTERPRISE_EXTENSION).nextToken(token)),
                response -> response.users(), response -> response.nextToken(),
                user -> consumer.accept(user(user)));
    }

    /** One user, or empty when Identity Center no longer has them. */
    public Optional<DirectoryUser> user(String userId) {
        try {
            var response = calls.call(AwsService.IDENTITY_STORE, "DescribeUser",
                    () -> identityStore.describeUser(r -> r.identityStoreId(identityStoreId()).userId(userId)
                            .extensions(ENTERPRISE_EXTENSION)));
            return Optional.of(user(User.builder().userId(response.userId()).userName(response.userName())
                    .displayName(response.displayName()).name(response.name()).emails(response.emails())
                    .userStatus(response.userStatusAsString()).extensions(response.extensions()).build()));
        } catch (AwsCallFailed e) {
            if (e.getCause() instanceof software.amazon.awssdk.services.identitystore.model.ResourceNotFoundException) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The groups one user belongs to. */
    public void membershipsOf(String userId, Consumer<GroupMembership> consumer) {
        pages(AwsService.IDENTITY_STORE, "ListGroupMembershipsForMember",
                token -> identityStore.listGroupMembershipsForMember(r -> r.identityStoreId(identityStoreId())
                        .memberId(m -> m.userId(userId)).maxResults(100).nextToken(token)),
                response -> response.groupMemberships(), response -> response.nextToken(),
                membership -> consumer.accept(new GroupMembership(membership.groupId(), userId)));
    }

    public void groups(Consumer<DirectoryGroup> consumer) {
        pages(AwsService.IDENTITY_STORE, "ListGroups",
                token -> identityStore.listGroups(r -> r.identityStoreId(identityStoreId()).maxResults(100)
                        .nextToken(token)),
                response -> response.groups(), response -> response.nextToken(),
                group -> consumer.accept(new DirectoryGroup(group.groupId(), group.displayName(),
                        group.description())));
    }

    public void memberships(String groupId, Consumer<GroupMembership> consumer) {
        pages(AwsService.IDENTITY_STORE, "ListGroupMemberships",
                token -> identityStore.listGroupMemberships(r -> r.identityStoreId(identityStoreId()).groupId(groupId)
                        .maxResults(100).nextToken(token)),
                response -> response.groupMemberships(), response -> response.nextToken(),
                membership -> {
                    if (membership.memberId() != null && membership.memberId().userId() != null) {
                        consumer.accept(new GroupMembership(groupId, membership.memberId().userId()));
                    }
                });
    }

    public void permissionSetArns(Consumer<String> consumer) {
        pages(AwsService.SSO_ADMIN, "ListPermissionSets",
                token -> ssoAdmin.listPermissionSets(r -> r.instanceArn(instanceArn()).maxResults(100).nextToken(token)),
                response -> response.permissionSets(), response -> response.nextToken(), consumer);
    }

    /** The permission set with its policies, boundary and tags: six calls at least. */
    public PermissionSetDetails permissionSet(String arn) {
        var set = calls.call(AwsService.SSO_ADMIN, "DescribePermissionSet",
                () -> ssoAdmin.describePermissionSet(r -> r.instanceArn(instanceArn()).permissionSetArn(arn)))
                .permissionSet();
        List<String> managed = new ArrayList<>();
        pages(AwsService.SSO_ADMIN, "ListManagedPoliciesInPermissionSet",
                token -> ssoAdmin.listManagedPoliciesInPermissionSet(r -> r.instanceArn(instanceArn())
                        .permissionSetArn(arn).maxResults(100).nextToken(token)),
                response -> response.attachedManagedPolicies(), response -> response.nextToken(),
                policy -> managed.add(policy.arn()));
        List<String> customer = new ArrayList<>();
        pages(AwsService.SSO_ADMIN, "ListCustomerManagedPolicyReferencesInPermissionSet",
                token -> ssoAdmin.listCustomerManagedPolicyReferencesInPermissionSet(r -> r.instanceArn(instanceArn())
                        .permissionSetArn(arn).maxResults(100).nextToken(token)),
                response -> response.customerManagedPolicyReferences(), response -> response.nextToken(),
                reference -> customer.add(path(reference.path()) + reference.name()));
        String inline = calls.call(AwsService.SSO_ADMIN, "GetInlinePolicyForPermissionSet",
                () -> ssoAdmin.getInlinePolicyForPermissionSet(r -> r.instanceArn(instanceArn()).permissionSetArn(arn)))
                .inlinePolicy();
        String boundary = boundary(arn);
        Map<String, String> tags = new LinkedHashMap<>();
        pages(AwsService.SSO_ADMIN, "ListTagsForResource",
                token -> ssoAdmin.listTagsForResource(r -> r.instanceArn(instanceArn()).resourceArn(arn)
                        .nextToken(token)),
                response -> response.tags(), response -> response.nextToken(),
                tag -> tags.put(tag.key(), tag.value()));
        return new PermissionSetDetails(arn, set.name(), nullToEmpty(set.description()),
                set.sessionDuration(), nullToEmpty(set.relayState()), managed, customer, nullToEmpty(inline),
                boundary, tags);
    }

    /** Changes how long a role session from the permission set lasts (ISO-8601, PT1H to PT12H). */
    public void updateSessionDuration(String permissionSetArn, String sessionDuration) {
        calls.call(AwsService.SSO_ADMIN, "UpdatePermissionSet",
                () -> ssoAdmin.updatePermissionSet(r -> r.instanceArn(instanceArn())
                        .permissionSetArn(permissionSetArn).sessionDuration(sessionDuration)));
    }

    /** Pushes the permission set's definition to every account it is provisioned to, and polls for the outcome. */
    public WriteOutcome provisionToAllAccounts(String permissionSetArn, Duration timeout) {
        var status = calls.call(AwsService.SSO_ADMIN, "ProvisionPermissionSet",
                () -> ssoAdmin.provisionPermissionSet(r -> r.instanceArn(instanceArn())
                        .permissionSetArn(permissionSetArn).targetType("ALL_PROVISIONED_ACCOUNTS")))
                .permissionSetProvisioningStatus();
        return awaitProvisioning(status.requestId(), timeout);
    }

    /** Polls a provisioning started earlier. */
    public WriteOutcome awaitProvisioning(String requestId, Duration timeout) {
        return poll(requestId, timeout, () -> {
            var status = calls.call(AwsService.SSO_ADMIN, "DescribePermissionSetProvisioningStatus",
                    () -> ssoAdmin.describePermissionSetProvisioningStatus(r -> r.instanceArn(instanceArn())
                            .provisionPermissionSetRequestId(requestId))).permissionSetProvisioningStatus();
            return new WriteOutcome(outcome(status.statusAsString()), requestId, nullToEmpty(status.failureReason()));
        });
    }

    public void provisionedPermissionSets(String accountId, Consumer<String> consumer) {
        pages(AwsService.SSO_ADMIN, "ListPermissionSetsProvisionedToAccount",
                token -> ssoAdmin.listPermissionSetsProvisionedToAccount(r -> r.instanceArn(instanceArn())
                        .accountId(accountId).maxResults(100).nextToken(token)),
                response -> response.permissionSets(), response -> response.nextToken(), consumer);
    }

    public void assignments(String accountId, String permissionSetArn, Consumer<AccountAssignment> consumer) {
        pages(AwsService.SSO_ADMIN, "ListAccountAssignments",
                token -> ssoAdmin.listAccountAssignments(r -> r.instanceArn(instanceArn()).accountId(accountId)
                        .permissionSetArn(permissionSetArn).maxResults(100).nextToken(token)),
                response -> response.accountAssignments(), response -> response.nextToken(),
                a -> consumer.accept(new AccountAssignment(a.accountId(), a.permissionSetArn(),
                        a.principalTypeAsString(), a.principalId())));
    }

    /**
     * Creates the assignment and polls until AWS reports the outcome or the timeout passes. Creating an
     * assignment that exists already succeeds, as AWS does.
     */
    public WriteOutcome createAssignment(AccountAssignment assignment, Duration timeout) {
        return onePerPermissionSet(assignment, () -> {
            var status = calls.call(AwsService.SSO_ADMIN, "CreateAccountAssignment",
                    () -> ssoAdmin.createAccountAssignment(r -> r.instanceArn(instanceArn())
                            .targetId(assignment.accountId()).targetType("AWS_ACCOUNT")
                            .permissionSetArn(assignment.permissionSetArn()).principalType(assignment.principalType())
                            .principalId(assignment.principalId()))).accountAssignmentCreationStatus();
            return awaitCreation(status.requestId(), timeout);
        });
    }

    /** Deletes the assignment and polls for the outcome; deleting one that does not exist succeeds. */
    public WriteOutcome deleteAssignment(AccountAssignment assignment, Duration timeout) {
        return onePerPermissionSet(assignment, () -> {
            var status = calls.call(AwsService.SSO_ADMIN, "DeleteAccountAssignment",
                    () -> ssoAdmin.deleteAccountAssignment(r -> r.instanceArn(instanceArn())
                            .targetId(assignment.accountId()).targetType("AWS_ACCOUNT")
                            .permissionSetArn(assignment.permissionSetArn()).principalType(assignment.principalType())
                            .principalId(assignment.principalId()))).accountAssignmentDeletionStatus();
            return awaitDeletion(status.requestId(), timeout);
        });
    }

    /**
     * AWS refuses a write on a permission set while another is in progress (ConflictException). Writes
     * from this node on the same permission set wait for each other instead of spending calls on
     * conflicts; writes from other nodes still conflict now and then and are retried. Likewise this node
     * keeps fewer writes in progress than AWS's 15 rather than be throttled.
     */
    private WriteOutcome onePerPermissionSet(AccountAssignment assignment, Supplier<WriteOutcome> write) {
        ReentrantLock lock = writeLocks.computeIfAbsent(assignment.permissionSetArn(), arn -> new ReentrantLock(true));
        lock.lock();
        try {
            outstanding.acquireUninterruptibly();
            try {
                return write.get();
            } finally {
                outstanding.release();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Polls a creation started earlier, e.g. by a node that stopped before it saw the outcome. */
    public WriteOutcome awaitCreation(String requestId, Duration timeout) {
        return poll(requestId, timeout, () -> {
            var status = calls.call(AwsService.SSO_ADMIN, "DescribeAccountAssignmentCreationStatus",
                    () -> ssoAdmin.describeAccountAssignmentCreationStatus(r -> r.instanceArn(instanceArn())
                            .accountAssignmentCreationRequestId(requestId))).accountAssignmentCreationStatus();
            return new WriteOutcome(outcome(status.statusAsString()), requestId, nullToEmpty(status.failureReason()));
        });
    }

    public WriteOutcome awaitDeletion(String requestId, Duration timeout) {
        return poll(requestId, timeout, () -> {
            var status = calls.call(AwsService.SSO_ADMIN, "DescribeAccountAssignmentDeletionStatus",
                    () -> ssoAdmin.describeAccountAssignmentDeletionStatus(r -> r.instanceArn(instanceArn())
                            .accountAssignmentDeletionRequestId(requestId))).accountAssignmentDeletionStatus();
            return new WriteOutcome(outcome(status.statusAsString()), requestId, nullToEmpty(status.failureReason()));
        });
    }

    /**
     * Asks until the status is final or time is up: first after 250 ms (a write is rarely done sooner, and
     * every early ask spends a call of the shared rate), then at doubling intervals up to 2 s.
     */
    private static WriteOutcome poll(String requestId, Duration timeout, Supplier<WriteOutcome> describe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long wait = 250;
        while (true) {
            try {
                Thread.sleep(Math.min(wait, Math.max(0, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new WriteOutcome(WriteStatus.TIMED_OUT, requestId, "");
            }
            WriteOutcome outcome = describe.get();
            if (outcome.status() != WriteStatus.TIMED_OUT) {
                return outcome;
            }
            if (System.nanoTime() >= deadline) {
                return new WriteOutcome(WriteStatus.TIMED_OUT, requestId, "");
            }
            wait = Math.min(2000, wait * 2);
        }
    }

    /** IN_PROGRESS reads as TIMED_OUT until the wait is over. */
    private static WriteStatus outcome(String status) {
        return switch (status) {
            case "SUCCEEDED" -> WriteStatus.SUCCEEDED;
            case "FAILED" -> WriteStatus.FAILED;
            default -> WriteStatus.TIMED_OUT;
        };
    }

    /** Requests pages until NextToken is null; Organizations may send empty pages with a token. */
    private <R, T> void pages(AwsService service, String operation, Function<String, R> request,
                              Function<R, List<T>> items, Function<R, String> nextToken, Consumer<T> consumer) {
        String token = null;
        do {
            String current = token;
            R response = calls.call(service, operation, () -> request.apply(current));
            items.apply(response).forEach(consumer);
            token = nextToken.apply(response);
        } while (token != null && !token.isEmpty());
    }

    private InstanceMetadata findInstance() {
        List<InstanceMetadata> instances = new ArrayList<>();
        pages(AwsService.SSO_ADMIN, "ListInstances", token -> ssoAdmin.listInstances(r -> r.nextToken(token)),
                response -> response.instances(), response -> response.nextToken(), instances::add);
        return instances.stream()
                .filter(i -> connection.instanceArn().map(i.instanceArn()::equals).orElse(true))
                .findFirst()
                .orElseThrow(() -> new AwsCallFailed("No Identity Center instance "
                        + connection.instanceArn().orElse("") + " is visible to these credentials in "
                        + connection.region(), null));
    }

    private String boundary(String arn) {
        try {
            var boundary = calls.call(AwsService.SSO_ADMIN, "GetPermissionsBoundaryForPermissionSet",
                    () -> ssoAdmin.getPermissionsBoundaryForPermissionSet(r -> r.instanceArn(instanceArn())
                            .permissionSetArn(arn))).permissionsBoundary();
            if (boundary == null) {
                return "";
            }
            if (boundary.managedPolicyArn() != null) {
                return boundary.managedPolicyArn();
            }
            var reference = boundary.customerManagedPolicyReference();
            return reference == null ? "" : path(reference.path()) + reference.name();
        } catch (AwsCallFailed e) {
            if (e.getCause() instanceof ResourceNotFoundException) {
                return ""; // AWS answers "not found" when a permission set has no boundary
            }
            throw e;
        }
    }

    private static DirectoryUser user(User user) {
        String email = user.emails().stream().filter(e -> Boolean.TRUE.equals(e.primary())).findFirst()
                .or(() -> user.emails().stream().findFirst()).map(e -> e.value()).orElse("");
        String name = user.displayName() != null ? user.displayName()
                : user.name() == null ? user.userName()
                : (nullToEmpty(user.name().givenName()) + " " + nullToEmpty(user.name().familyName())).trim();
        boolean enabled = !"DISABLED".equals(user.userStatusAsString());
        return new DirectoryUser(user.userId(), user.userName(), name, email, enabled, manager(user));
    }

    /** The manager's id in the enterprise extension ({"Manager": {"value": id}}; key case varies in the wild). */
    static String manager(User user) {
        Document extension = user.extensions().get(ENTERPRISE_EXTENSION);
        if (extension == null || !extension.isMap()) {
            return null;
        }
        Document manager = field(extension, "Manager");
        if (manager == null) {
            return null;
        }
        if (manager.isString()) {
            return manager.asString();
        }
        Document value = manager.isMap() ? field(manager, "value") : null;
        return value != null && value.isString() ? value.asString() : null;
    }

    private static Document field(Document map, String name) {
        return map.asMap().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, AwsConnection connection) {
        AwsCredentialsProvider credentials = connection.staticKeys()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create("gatehouse", "gatehouse"))
                : DefaultCredentialsProvider.builder().build();
        builder.region(Region.of(connection.region())).credentialsProvider(credentials)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        connection.endpoint().ifPresent(builder::endpointOverride);
        return builder;
    }

    private static String path(String path) {
        return path == null ? "/" : path;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public void close() {
        organizations.close();
        identityStore.close();
        ssoAdmin.close();
    }
}
