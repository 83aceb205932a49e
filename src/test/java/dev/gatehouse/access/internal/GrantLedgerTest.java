package dev.gatehouse.access.internal;

import static dev.gatehouse.db.Tables.DIRECTORY_ASSIGNMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import dev.gatehouse.TestUsers;
import dev.gatehouse.access.GrantStatus;
import dev.gatehouse.access.internal.GrantRepository.Operation;
import dev.gatehouse.access.internal.GrantRepository.WriteState;
import dev.gatehouse.aws.AccountAssignment;
import dev.gatehouse.aws.AccountAssignments;
import dev.gatehouse.aws.WriteOutcome;
import dev.gatehouse.aws.WriteStatus;
import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.SandboxAccounts;
import dev.gatehouse.policy.AccessPolicy;
import dev.gatehouse.policy.AccessRule;
import dev.gatehouse.policy.ApproverType;
import dev.gatehouse.policy.TestRules;
import dev.gatehouse.sandbox.Sandbox;
import dev.gatehouse.sandbox.SandboxOrganization;
import dev.gatehouse.sandbox.SandboxSettings;

/**
 * The ledger's steps run directly, as the scheduler would run them again after a crash or on two
 * nodes at once: each converges to the same end state, and no write is made twice.
 */
@SpringBootTest
class GrantLedgerTest {

    @Autowired
    private GrantLedger ledger;
    @Autowired
    private GrantRepository grants;
    @Autowired
    private RequestRepository requests;
    @Autowired
    private TransactionTemplate transaction;
    @Autowired
    private AccessPolicy policy;
    @Autowired
    private DirectoryLookup directory;
    @Autowired
    private Sandbox sandbox;
    @Autowired
    private Clock clock;
    @Autowired
    private AccountAssignments assignments;
    @Autowired
    private DSLContext db;

    @Autowired
    private TestRules rules;
    @Autowired
    private SandboxAccounts accounts;
    private String riley;
    private String permissionSet;

    @BeforeEach
    void demoDirectory() {
        rules.demoDirectory();
        riley = rules.userId(TestUsers.REQUESTER);
        permissionSet = rules.permissionSetArn("SupportUser");
    }

    @AfterEach
    void ordinarySandbox() {
        sandbox.settings(SandboxSettings.AWS_LIMITS.withRateLimitScale(0));
    }

    @Test
    void a_crash_after_the_ledger_row_and_before_the_create_converges_on_the_next_run() {
        StoredGrant grant = grant();
        transaction.executeWithoutResult(status -> {
            grants.status(grant.id(), GrantStatus.ACTIVATING);
            grants.own(grant, true);
            grants.ledger(grant, Operation.CREATE, WriteState.SENDING, "", clock.instant());
        });

        ledger.start(grant.id());

        assertThat(status(grant)).isEqualTo(GrantStatus.ACTIVE);
        assertThat(inSandbox(grant)).isTrue();
    }

    @Test
    void the_grants_assignment_is_in_the_directory_mirror_from_its_creation_to_its_deletion() {
        StoredGrant grant = grant();

        ledger.start(grant.id());
        assertThat(mirrored(grant)).as("created, without waiting for a sync").contains(Optional.empty());

        ledger.end(grant.id());
        assertThat(mirrored(grant)).as("deleted, without waiting for a sync").isEmpty();
    }

    @Test
    void a_crash_after_the_create_succeeded_does_not_make_the_assignment_look_standing() {
        StoredGrant grant = grant();
        transaction.executeWithoutResult(status -> {
            grants.status(grant.id(), GrantStatus.ACTIVATING);
            grants.own(grant, true);
            grants.ledger(grant, Operation.CREATE, WriteState.SENDING, "", clock.instant());
        });
        sandbox.organization().add(sandboxAssignment(grant)); // the call went through, then the node died

        ledger.start(grant.id());
        ledger.end(grant.id());

        assertThat(status(grant)).isEqualTo(GrantStatus.ENDED);
        assertThat(inSandbox(grant)).as("Gatehouse made it, so Gatehouse removes it").isFalse();
    }

    @Test
    void two_nodes_starting_the_same_grant_at_once_create_the_assignment_once() throws Exception {
        StoredGrant grant = grant();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = List.of(pool.submit(() -> startAfter(go, grant)),
                    pool.submit(() -> startAfter(go, grant)));
            go.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(status(grant)).isEqualTo(GrantStatus.ACTIVE);
        assertThat(grants.attempts(grant.id(), Operation.CREATE)).isEqualTo(1);
    }

    @Test
    void a_failed_delete_is_retried_until_the_assignment_is_gone() {
        StoredGrant grant = grant();
        ledger.start(grant.id());
        assertThat(inSandbox(grant)).isTrue();

        sandbox.settings(SandboxSettings.AWS_LIMITS.withRateLimitScale(0).withWrites(Duration.ofMillis(50), 1));
        assertThatThrownBy(() -> ledger.end(grant.id())).isInstanceOf(GrantLedger.NotYet.class)
                .hasMessageContaining("IAM role quota");
        assertThat(status(grant)).isEqualTo(GrantStatus.ENDING);
        assertThat(inSandbox(grant)).isTrue();

        sandbox.settings(SandboxSettings.AWS_LIMITS.withRateLimitScale(0));
        ledger.end(grant.id());

        assertThat(status(grant)).isEqualTo(GrantStatus.ENDED);
        assertThat(inSandbox(grant)).isFalse();
    }

    @Test
    void a_crash_after_the_delete_and_before_the_grant_ended_converges_on_the_next_run() {
        StoredGrant grant = grant();
        ledger.start(grant.id());
        transaction.executeWithoutResult(status -> grants.status(grant.id(), GrantStatus.ENDING));
        sandbox.organization().remove(sandboxAssignment(grant)); // deleted, then the node died

        ledger.end(grant.id());

        assertThat(status(grant)).isEqualTo(GrantStatus.ENDED);
        assertThat(inSandbox(grant)).isFalse();
    }

    @Test
    void a_grant_ended_while_its_create_is_in_flight_waits_for_the_create_before_deleting() {
        StoredGrant grant = grant();
        sandbox.settings(SandboxSettings.AWS_LIMITS.withRateLimitScale(0).withWrites(Duration.ofSeconds(2), 0));
        WriteOutcome creating = assignments.createAssignment(new AccountAssignment(grant.accountId(),
                grant.permissionSetArn(), "USER", grant.userId()), Duration.ofMillis(100));
        assertThat(creating.status()).isEqualTo(WriteStatus.TIMED_OUT);
        transaction.executeWithoutResult(status -> {
            grants.status(grant.id(), GrantStatus.ACTIVATING);
            grants.own(grant, true);
            long row = grants.ledger(grant, Operation.CREATE, WriteState.SENDING, "", clock.instant());
            grants.ledgerResult(row, WriteState.IN_PROGRESS, creating.requestId(), "", clock.instant());
        });

        ledger.end(grant.id());

        assertThat(grants.inProgressRequestId(grant.id(), Operation.CREATE)).as("the create was awaited").isEmpty();
        assertThat(status(grant)).isEqualTo(GrantStatus.ENDED);
        assertThat(inSandbox(grant)).as("the create landed first, then the delete").isFalse();
    }

    @Test
    void a_failed_create_fails_the_grant_with_the_aws_reason() {
        StoredGrant grant = grant();
        sandbox.settings(SandboxSettings.AWS_LIMITS.withRateLimitScale(0).withWrites(Duration.ofMillis(50), 1));

        ledger.start(grant.id());

        assertThat(status(grant)).isEqualTo(GrantStatus.FAILED);
        assertThat(grants.owned(grant)).isEmpty();
    }

    private void startAfter(CountDownLatch go, StoredGrant grant) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ledger.start(grant.id());
    }

    /** A scheduled grant for Riley on a fresh account, with no tasks behind it: the test runs the steps. */
    private StoredGrant grant() {
        String account = accounts.fresh().id();
        AccessRule rule = TestRules.stored(riley, permissionSet, "SupportUser", 0, ApproverType.NONE, Instant.now());
        Long id = transaction.execute(status -> {
            long requestId = requests.insert(riley, "Riley Chen", account, "account", permissionSet, "SupportUser",
                    rule, "", Duration.ofHours(1), Optional.empty(), "", "", Optional.empty(), clock.instant());
            StoredRequest request = requests.lock(requestId).orElseThrow();
            return grants.insert(request, clock.instant(), clock.instant().plus(Duration.ofHours(1)));
        });
        return grants.find(id).orElseThrow();
    }

    private GrantStatus status(StoredGrant grant) {
        return grants.find(grant.id()).orElseThrow().status();
    }

    /** Empty when the mirror does not have the grant's assignment; else its first sighting by a sync, if any. */
    private Optional<Optional<OffsetDateTime>> mirrored(StoredGrant grant) {
        return db.select(DIRECTORY_ASSIGNMENT.FIRST_SEEN).from(DIRECTORY_ASSIGNMENT)
                .where(DIRECTORY_ASSIGNMENT.ACCOUNT_ID.eq(grant.accountId()),
                        DIRECTORY_ASSIGNMENT.PERMISSION_SET_ARN.eq(grant.permissionSetArn()),
                        DIRECTORY_ASSIGNMENT.PRINCIPAL_TYPE.eq("USER"), DIRECTORY_ASSIGNMENT.PRINCIPAL_ID.eq(grant.userId()))
                .fetchOptional(row -> Optional.ofNullable(row.value1()));
    }

    private boolean inSandbox(StoredGrant grant) {
        return sandbox.organization().assignments().contains(sandboxAssignment(grant));
    }

    private static SandboxOrganization.Assignment sandboxAssignment(StoredGrant grant) {
        return new SandboxOrganization.Assignment(grant.accountId(), grant.permissionSetArn(), "USER", grant.userId());
    }
}
