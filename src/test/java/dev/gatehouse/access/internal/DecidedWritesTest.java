package dev.gatehouse.access.internal;

import static dev.gatehouse.db.Tables.DIRECTORY_ASSIGNMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import dev.gatehouse.TestUsers;
import dev.gatehouse.access.AssignmentKey;
import dev.gatehouse.access.AssignmentLedger;
import dev.gatehouse.access.GrantStatus;
import dev.gatehouse.access.StandingRemoval;
import dev.gatehouse.access.internal.GrantRepository.Operation;
import dev.gatehouse.access.internal.GrantRepository.WriteState;
import dev.gatehouse.directory.SandboxAccounts;
import dev.gatehouse.policy.AccessRule;
import dev.gatehouse.policy.ApproverType;
import dev.gatehouse.policy.TestRules;
import dev.gatehouse.sandbox.Sandbox;
import dev.gatehouse.sandbox.SandboxOrganization;
import dev.gatehouse.sandbox.SandboxSettings;

/**
 * Writes a named decision asks for go through the grants' ledger: group principals, a standing
 * assignment removed because a decision says so, a removal that waits for the live grant holding the
 * assignment, and a crash between the ledger row and the call. The steps run directly, as the scheduler
 * would run them again; the scheduler may run them too, which changes nothing. Each test owns its
 * triple: NetworkAdmin, which no other test uses, on an account of its own. A write done shows in the
 * directory's mirror at once.
 */
@SpringBootTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DecidedWritesTest {

    @Autowired
    private AssignmentLedger assignmentLedger;
    @Autowired
    private DecidedWrites decided;
    @Autowired
    private LedgerRepository ledgerRows;
    @Autowired
    private GrantLedger grantLedger;
    @Autowired
    private GrantRepository grants;
    @Autowired
    private RequestRepository requests;
    @Autowired
    private TransactionTemplate transaction;
    @Autowired
    private DSLContext db;
    @Autowired
    private Sandbox sandbox;
    @Autowired
    private Clock clock;
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
        permissionSet = rules.permissionSetArn("NetworkAdmin");
    }

    @AfterEach
    void ordinarySandbox() {
        sandbox.settings(SandboxSettings.AWS_LIMITS.withRateLimitScale(0));
    }

    @Test
    void a_group_assignment_is_created_and_deleted_through_the_ledger() {
        AssignmentKey key = AssignmentKey.group(accounts.fresh().id(), permissionSet, rules.groupId("payments-team"));

        decided.request(key, Operation.CREATE, decision("create"), "Alex Admin");
        decided.apply(decision("create"));
        assertThat(inSandbox(key)).isTrue();
        assertThat(grants.owned(key)).as("made by a decision, so standing: no grant's end deletes it")
                .contains(false);

        assignmentLedger.removeStanding(key, decision("remove"), "Alex Admin");
        decided.apply(decision("remove"));

        assertThat(inSandbox(key)).isFalse();
        assertThat(assignmentLedger.removal(decision("remove")).orElseThrow().status())
                .isEqualTo(StandingRemoval.Status.REMOVED);
        Record row = row(decision("remove"));
        assertThat(row.get("principal_type", String.class)).isEqualTo("GROUP");
        assertThat(row.get("operation", String.class)).isEqualTo("DELETE");
    }

    @Test
    void a_decided_write_shows_in_the_directory_mirror_as_soon_as_it_is_done() {
        AssignmentKey key = AssignmentKey.group(accounts.fresh().id(), permissionSet, rules.groupId("payments-team"));

        decided.request(key, Operation.CREATE, decision("mirror-create"), "Alex Admin");
        decided.apply(decision("mirror-create"));
        assertThat(mirrored(key)).as("created, without waiting for a sync").isTrue();

        assignmentLedger.removeStanding(key, decision("mirror-remove"), "Alex Admin");
        decided.apply(decision("mirror-remove"));
        assertThat(mirrored(key)).as("removed, without waiting for a sync").isFalse();
    }

    @Test
    void a_decision_removes_a_standing_assignment_and_its_ledger_row_names_the_decision() {
        AssignmentKey key = AssignmentKey.user(accounts.fresh().id(), permissionSet, riley);
        sandbox.organization().add(sandboxAssignment(key));

        StandingRemoval asked = assignmentLedger.removeStanding(key, decision("review"), "Morgan Reviewer");
        assertThat(asked.status()).isEqualTo(StandingRemoval.Status.REMOVING);
        decided.apply(decision("review"));

        assertThat(inSandbox(key)).isFalse();
        StandingRemoval done = assignmentLedger.removal(decision("review")).orElseThrow();
        assertThat(done.status()).isEqualTo(StandingRemoval.Status.REMOVED);
        assertThat(done.actor()).isEqualTo("Morgan Reviewer");
        assertThat(done.awsRequestId()).isNotEmpty();
        Record row = row(decision("review"));
        assertThat(row.get("grant_id", Long.class)).isNull();
        assertThat(row.get("status", String.class)).isEqualTo("SUCCEEDED");
    }

    @Test
    void a_removal_runs_by_itself_through_the_scheduler() throws InterruptedException {
        AssignmentKey key = AssignmentKey.user(accounts.fresh().id(), permissionSet, riley);
        sandbox.organization().add(sandboxAssignment(key));

        assignmentLedger.removeStanding(key, decision("scheduled"), "Morgan Reviewer");

        Instant giveUp = Instant.now().plusSeconds(20);
        while (inSandbox(key) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
        }
        assertThat(inSandbox(key)).isFalse();
    }

    @Test
    void a_removal_waits_while_a_live_grant_holds_the_assignment_and_happens_when_it_ends() {
        AssignmentKey key = AssignmentKey.user(accounts.fresh().id(), permissionSet, riley);
        sandbox.organization().add(sandboxAssignment(key));
        StoredGrant grant = grant(key);
        grantLedger.start(grant.id());
        assertThat(status(grant)).isEqualTo(GrantStatus.ACTIVE);

        StandingRemoval asked = assignmentLedger.removeStanding(key, decision("wait"), "Morgan Reviewer");
        assertThat(asked.status()).isEqualTo(StandingRemoval.Status.WAITING_FOR_GRANT);
        assertThat(asked.detail()).isEqualTo("Waits for grant #" + grant.id() + " to end");
        decided.apply(decision("wait"));
        assertThat(inSandbox(key)).as("the live grant keeps its access").isTrue();
        assertThat(assignmentLedger.removal(decision("wait")).orElseThrow().status())
                .isEqualTo(StandingRemoval.Status.WAITING_FOR_GRANT);

        grantLedger.end(grant.id());
        decided.apply(decision("wait"));

        assertThat(status(grant)).isEqualTo(GrantStatus.ENDED);
        assertThat(inSandbox(key)).as("a standing assignment, deleted because the decision says so").isFalse();
        assertThat(assignmentLedger.removal(decision("wait")).orElseThrow())
                .extracting(StandingRemoval::status, StandingRemoval::detail)
                .containsExactly(StandingRemoval.Status.REMOVED, "");
    }

    @Test
    void a_grant_that_starts_before_an_asked_removal_runs_keeps_its_access_until_it_ends() {
        AssignmentKey key = AssignmentKey.user(accounts.fresh().id(), permissionSet, riley);
        sandbox.organization().add(sandboxAssignment(key));
        transaction.executeWithoutResult(status -> ledgerRows.insert(key, Operation.DELETE, decision("race"),
                "Morgan Reviewer", WriteState.SENDING, "", clock.instant())); // asked, its task not run yet
        StoredGrant grant = grant(key);
        grantLedger.start(grant.id());

        decided.apply(decision("race"));
        assertThat(inSandbox(key)).as("the grant that started first keeps its access").isTrue();
        assertThat(assignmentLedger.removal(decision("race")).orElseThrow().status())
                .isEqualTo(StandingRemoval.Status.WAITING_FOR_GRANT);

        grantLedger.end(grant.id());
        decided.apply(decision("race"));

        assertThat(inSandbox(key)).isFalse();
    }

    @Test
    void after_a_removal_the_next_grant_makes_the_assignment_and_takes_it_away_again() {
        AssignmentKey key = AssignmentKey.user(accounts.fresh().id(), permissionSet, riley);
        sandbox.organization().add(sandboxAssignment(key));
        assignmentLedger.removeStanding(key, decision("before"), "Morgan Reviewer");
        decided.apply(decision("before"));

        StoredGrant grant = grant(key);
        grantLedger.start(grant.id());
        assertThat(inSandbox(key)).isTrue();
        grantLedger.end(grant.id());

        assertThat(status(grant)).isEqualTo(GrantStatus.ENDED);
        assertThat(inSandbox(key)).as("no longer standing, so the grant's end deletes it").isFalse();
    }

    @Test
    void a_crash_after_the_ledger_row_and_before_the_delete_is_reconciled_on_the_next_run() {
        AssignmentKey key = AssignmentKey.user(accounts.fresh().id(), permissionSet, riley);
        sandbox.organization().add(sandboxAssignment(key));
        transaction.executeWithoutResult(status -> ledgerRows.insert(key, Operation.DELETE, decision("crash"),
                "Morgan Reviewer", WriteState.SENDING, "", clock.instant())); // recorded, then the node died

        decided.apply(decision("crash"));

        assertThat(inSandbox(key)).isFalse();
        assertThat(assignmentLedger.removal(decision("crash")).orElseThrow().status())
                .isEqualTo(StandingRemoval.Status.REMOVED);
    }

    @Test
    void a_failed_removal_is_retried_until_the_assignment_is_gone() {
        AssignmentKey key = AssignmentKey.user(accounts.fresh().id(), permissionSet, riley);
        sandbox.organization().add(sandboxAssignment(key));
        sandbox.settings(SandboxSettings.AWS_LIMITS.withRateLimitScale(0).withWrites(Duration.ofMillis(50), 1));
        transaction.executeWithoutResult(status -> ledgerRows.insert(key, Operation.DELETE, decision("retry"),
                "Morgan Reviewer", WriteState.SENDING, "", clock.instant()));

        assertThatThrownBy(() -> decided.apply(decision("retry"))).isInstanceOf(GrantLedger.NotYet.class)
                .hasMessageContaining("IAM role quota");
        StandingRemoval failing = assignmentLedger.removal(decision("retry")).orElseThrow();
        assertThat(failing.status()).isEqualTo(StandingRemoval.Status.REMOVING);
        assertThat(failing.detail()).contains("IAM role quota");
        assertThat(inSandbox(key)).isTrue();

        sandbox.settings(SandboxSettings.AWS_LIMITS.withRateLimitScale(0));
        decided.apply(decision("retry"));

        assertThat(inSandbox(key)).isFalse();
    }

    @Test
    void the_same_decision_asked_again_changes_nothing_and_cannot_name_another_assignment() {
        AssignmentKey key = AssignmentKey.user(accounts.fresh().id(), permissionSet, riley);
        assignmentLedger.removeStanding(key, decision("twice"), "Morgan Reviewer");
        assignmentLedger.removeStanding(key, decision("twice"), "Morgan Reviewer");

        assertThat(db.fetchCount(db.selectFrom("access_ledger").where("decision_id = ?", decision("twice"))))
                .isEqualTo(1);
        assertThatThrownBy(() -> assignmentLedger.removeStanding(
                AssignmentKey.user(accounts.fresh().id(), permissionSet, riley), decision("twice"), "Morgan Reviewer"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A decision id of this run's own, as a review item's would be. */
    private String decision(String name) {
        return getClass().getSimpleName() + "-" + name + "-" + runId;
    }

    private final long runId = System.nanoTime();

    /** A scheduled grant for Riley on the key's triple, with no tasks behind it: the test runs the steps. */
    private StoredGrant grant(AssignmentKey key) {
        AccessRule rule = TestRules.stored(riley, permissionSet, "NetworkAdmin", 0, ApproverType.NONE, Instant.now());
        Long id = transaction.execute(status -> {
            long requestId = requests.insert(riley, "Riley Chen", key.accountId().value(), "account", permissionSet,
                    "NetworkAdmin", rule, "", Duration.ofHours(1), Optional.empty(), "", "", Optional.empty(),
                    clock.instant());
            StoredRequest request = requests.lock(requestId).orElseThrow();
            return grants.insert(request, clock.instant(), clock.instant().plus(Duration.ofHours(1)));
        });
        return grants.find(id).orElseThrow();
    }

    private GrantStatus status(StoredGrant grant) {
        return grants.find(grant.id()).orElseThrow().status();
    }

    private Record row(String decisionId) {
        return db.fetchOne("select * from access_ledger where decision_id = ?", decisionId);
    }

    private boolean mirrored(AssignmentKey key) {
        return db.fetchExists(DIRECTORY_ASSIGNMENT, DIRECTORY_ASSIGNMENT.ACCOUNT_ID.eq(key.accountId().value()),
                DIRECTORY_ASSIGNMENT.PERMISSION_SET_ARN.eq(key.permissionSetArn().value()),
                DIRECTORY_ASSIGNMENT.PRINCIPAL_TYPE.eq(key.principalType().name()),
                DIRECTORY_ASSIGNMENT.PRINCIPAL_ID.eq(key.principalId()));
    }

    private boolean inSandbox(AssignmentKey key) {
        return sandbox.organization().assignments().contains(sandboxAssignment(key));
    }

    private static SandboxOrganization.Assignment sandboxAssignment(AssignmentKey key) {
        return new SandboxOrganization.Assignment(key.accountId().value(), key.permissionSetArn().value(),
                key.principalType().name(), key.principalId());
    }
}
