package dev.gatehouse.aws;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;

import dev.gatehouse.aws.internal.AwsCalls;
import dev.gatehouse.aws.internal.AwsService;
import dev.gatehouse.aws.internal.IdentityCenterClients;

/**
 * SSO Admin account assignments: listed per (account, permission set), created and deleted asynchronously
 * and polled until AWS reports the outcome.
 */
public final class AccountAssignments {

    /** AWS allows 15 assignment writes in progress per instance; one is left for other nodes and the console. */
    static final int MAX_OUTSTANDING_WRITES = 14;

    private final SsoAdminClient ssoAdmin;
    private final AwsCalls calls;
    private final IdentityCenterClients clients;
    private final Map<String, ReentrantLock> writeLocks = new ConcurrentHashMap<>();
    private final Semaphore outstanding = new Semaphore(MAX_OUTSTANDING_WRITES, true);

    AccountAssignments(IdentityCenterClients clients) {
        this.ssoAdmin = clients.ssoAdmin();
        this.calls = clients.calls();
        this.clients = clients;
    }

    public void assignments(String accountId, String permissionSetArn, Consumer<AccountAssignment> consumer) {
        calls.pages(AwsService.SSO_ADMIN, "ListAccountAssignments",
                token -> ssoAdmin.listAccountAssignments(r -> r.instanceArn(clients.instanceArn()).accountId(accountId)
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
                    () -> ssoAdmin.createAccountAssignment(r -> r.instanceArn(clients.instanceArn())
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
                    () -> ssoAdmin.deleteAccountAssignment(r -> r.instanceArn(clients.instanceArn())
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
        return AwsCalls.poll(requestId, timeout, () -> {
            var status = calls.call(AwsService.SSO_ADMIN, "DescribeAccountAssignmentCreationStatus",
                    () -> ssoAdmin.describeAccountAssignmentCreationStatus(r -> r.instanceArn(clients.instanceArn())
                            .accountAssignmentCreationRequestId(requestId))).accountAssignmentCreationStatus();
            return AwsCalls.status(requestId, status.statusAsString(), status.failureReason());
        });
    }

    public WriteOutcome awaitDeletion(String requestId, Duration timeout) {
        return AwsCalls.poll(requestId, timeout, () -> {
            var status = calls.call(AwsService.SSO_ADMIN, "DescribeAccountAssignmentDeletionStatus",
                    () -> ssoAdmin.describeAccountAssignmentDeletionStatus(r -> r.instanceArn(clients.instanceArn())
                            .accountAssignmentDeletionRequestId(requestId))).accountAssignmentDeletionStatus();
            return AwsCalls.status(requestId, status.statusAsString(), status.failureReason());
        });
    }
}
