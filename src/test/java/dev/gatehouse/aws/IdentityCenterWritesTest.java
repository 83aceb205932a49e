package dev.gatehouse.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import software.amazon.awssdk.services.ssoadmin.model.ServiceQuotaExceededException;

import dev.gatehouse.sandbox.Sandbox;
import dev.gatehouse.sandbox.SandboxOrganization;
import dev.gatehouse.sandbox.SandboxSeed;
import dev.gatehouse.sandbox.SandboxSettings;

/** Assignment writes against the sandbox: asynchronous, polled, idempotent, failing and conflicting as AWS does. */
class IdentityCenterWritesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final SandboxOrganization org = SandboxSeed.generate(new SandboxSeed.Size(6, 1, 1, 30, 2, 2, 0, 0), 9);
    private final Sandbox sandbox = Sandbox.start(org, SandboxSettings.UNLIMITED.withWrites(Duration.ofMillis(150), 0));
    private final IdentityCenter center = IdentityCenter.connect(AwsConnection.emulator(sandbox.endpoint())
            .withPaceFactor(0), new SimpleMeterRegistry());

    @AfterEach
    void close() {
        center.close();
        sandbox.close();
    }

    @Test
    void a_created_assignment_is_polled_until_it_succeeded_and_then_exists() {
        AccountAssignment assignment = assignment(0);

        WriteOutcome outcome = center.accountAssignments().createAssignment(assignment, WAIT);

        assertThat(outcome.status()).isEqualTo(WriteStatus.SUCCEEDED);
        assertThat(outcome.requestId()).isNotBlank();
        assertThat(org.assignments()).contains(sandboxAssignment(assignment));
        assertThat(sandbox.calls()).containsKey("DescribeAccountAssignmentCreationStatus");
    }

    @Test
    void creating_an_existing_assignment_and_deleting_a_missing_one_both_succeed() {
        AccountAssignment assignment = assignment(0);
        center.accountAssignments().createAssignment(assignment, WAIT);

        assertThat(center.accountAssignments().createAssignment(assignment, WAIT).status()).isEqualTo(WriteStatus.SUCCEEDED);
        assertThat(center.accountAssignments().deleteAssignment(assignment, WAIT).status()).isEqualTo(WriteStatus.SUCCEEDED);
        assertThat(org.assignments()).doesNotContain(sandboxAssignment(assignment));
        assertThat(center.accountAssignments().deleteAssignment(assignment, WAIT).status()).isEqualTo(WriteStatus.SUCCEEDED);
    }

    @Test
    void a_new_session_duration_is_set_and_provisioned_and_one_beyond_twelve_hours_is_refused() {
        SandboxOrganization.PermissionSet set = org.permissionSets().get(0);

        center.permissionSets().updateSessionDuration(set.arn(), "PT3H");
        WriteOutcome provisioned = center.permissionSets().provisionToAllAccounts(set.arn(), WAIT);

        assertThat(provisioned.status()).isEqualTo(WriteStatus.SUCCEEDED);
        assertThat(center.permissionSets().permissionSet(set.arn()).sessionDuration()).isEqualTo("PT3H");
        assertThat(sandbox.calls()).containsKey("DescribePermissionSetProvisioningStatus");
        assertThatThrownBy(() -> center.permissionSets().updateSessionDuration(set.arn(), "PT13H"))
                .isInstanceOf(AwsCallFailed.class).hasMessageContaining("PT1H to PT12H");
    }

    @Test
    void a_failed_write_reports_the_aws_reason() {
        sandbox.settings(SandboxSettings.UNLIMITED.withWrites(Duration.ofMillis(50), 1));

        WriteOutcome outcome = center.accountAssignments().createAssignment(assignment(0), WAIT);

        assertThat(outcome.status()).isEqualTo(WriteStatus.FAILED);
        assertThat(outcome.failureReason()).contains("IAM role quota");
        assertThat(org.assignments()).isEmpty();
    }

    @Test
    void a_write_still_in_progress_at_the_timeout_can_be_polled_again_later() {
        sandbox.settings(SandboxSettings.UNLIMITED.withWrites(Duration.ofSeconds(1), 0));

        WriteOutcome early = center.accountAssignments().createAssignment(assignment(0), Duration.ofMillis(200));
        assertThat(early.status()).isEqualTo(WriteStatus.TIMED_OUT);

        assertThat(center.accountAssignments().awaitCreation(early.requestId(), WAIT).status()).isEqualTo(WriteStatus.SUCCEEDED);
    }

    @Test
    void writes_to_one_permission_set_from_one_node_wait_for_each_other_instead_of_conflicting() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<WriteOutcome>> writes = IntStream.range(0, 6)
                    .mapToObj(i -> pool.submit(() -> center.accountAssignments().createAssignment(assignment(i), WAIT))).toList();
            for (Future<WriteOutcome> write : writes) {
                assertThat(write.get().status()).isEqualTo(WriteStatus.SUCCEEDED);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(org.assignmentCount()).isEqualTo(6);
        assertThat(sandbox.calls().get("CreateAccountAssignment")).as("no call spent on a conflict").isEqualTo(6);
    }

    @Test
    void writes_to_one_permission_set_from_two_nodes_conflict_and_are_retried_until_all_succeed() throws Exception {
        try (IdentityCenter otherNode = IdentityCenter.connect(AwsConnection.emulator(sandbox.endpoint())
                .withPaceFactor(0), new SimpleMeterRegistry())) {
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<WriteOutcome>> writes = IntStream.range(0, 6)
                        .mapToObj(i -> pool.submit(() -> (i % 2 == 0 ? center : otherNode)
                                .accountAssignments().createAssignment(assignment(i), WAIT))).toList();
                for (Future<WriteOutcome> write : writes) {
                    assertThat(write.get().status()).isEqualTo(WriteStatus.SUCCEEDED);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(org.assignmentCount()).isEqualTo(6);
        assertThat(sandbox.calls().get("CreateAccountAssignment")).as("conflicts were retried").isGreaterThan(6);
    }

    @Test
    void a_node_keeps_fewer_than_fifteen_writes_in_progress_and_two_nodes_are_throttled_and_retried()
            throws Exception {
        SandboxOrganization wide = SandboxSeed.generate(new SandboxSeed.Size(2, 1, 1, 2, 0, 32, 0, 0), 9);
        // AWS's limits a hundredfold, so that only the fifteen outstanding writes hold anything back.
        try (Sandbox limited = Sandbox.start(wide, SandboxSettings.AWS_LIMITS.withRateLimitScale(100)
                .withWrites(Duration.ofMillis(500), 0));
             IdentityCenter one = IdentityCenter.connect(AwsConnection.emulator(limited.endpoint())
                     .withPaceFactor(0), new SimpleMeterRegistry());
             IdentityCenter two = IdentityCenter.connect(AwsConnection.emulator(limited.endpoint())
                     .withPaceFactor(0), new SimpleMeterRegistry())) {
            // One write per permission set, so none of them conflicts with another.
            writeEach(wide, wide.permissionSets().subList(0, 16), List.of(one));
            assertThat(limited.calls().get("CreateAccountAssignment")).as("one node is never throttled")
                    .isEqualTo(16);

            writeEach(wide, wide.permissionSets().subList(16, 32), List.of(one, two));
            assertThat(wide.assignmentCount()).isEqualTo(32);
            assertThat(limited.calls().get("CreateAccountAssignment")).as("two nodes' sixteenth write was retried")
                    .isGreaterThan(32);
        }
    }

    /** One assignment per permission set, all at once, spread over the nodes in turn. */
    private static void writeEach(SandboxOrganization org, List<SandboxOrganization.PermissionSet> sets,
                                  List<IdentityCenter> nodes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(sets.size());
        try {
            List<Future<WriteOutcome>> writes = IntStream.range(0, sets.size())
                    .mapToObj(i -> pool.submit(() -> nodes.get(i % nodes.size()).accountAssignments()
                            .createAssignment(new AccountAssignment(org.accounts().get(0).id(), sets.get(i).arn(),
                                    "USER", org.users().get(0).id()), WAIT)))
                    .toList();
            for (Future<WriteOutcome> write : writes) {
                assertThat(write.get().status()).isEqualTo(WriteStatus.SUCCEEDED);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_create_that_would_provision_a_501st_permission_set_to_an_account_is_refused() {
        SandboxOrganization full = SandboxSeed.generate(new SandboxSeed.Size(1, 1, 1, 1, 0, 501, 0, 0), 9);
        String account = full.accounts().get(0).id();
        String user = full.users().get(0).id();
        full.permissionSets().stream().limit(500)
                .forEach(set -> full.add(new SandboxOrganization.Assignment(account, set.arn(), "USER", user)));
        try (Sandbox limited = Sandbox.start(full, SandboxSettings.AWS_LIMITS.withRateLimitScale(100));
             IdentityCenter limitedCenter = IdentityCenter.connect(AwsConnection.emulator(limited.endpoint())
                     .withPaceFactor(0), new SimpleMeterRegistry())) {
            AccountAssignment oneTooMany = new AccountAssignment(account, full.permissionSets().get(500).arn(),
                    "USER", user);

            assertThatThrownBy(() -> limitedCenter.accountAssignments().createAssignment(oneTooMany, WAIT))
                    .isInstanceOf(AwsCallFailed.class).hasMessageContaining("already has 500 permission sets")
                    .hasCauseInstanceOf(ServiceQuotaExceededException.class);
        }
    }

    /** The i-th user on the first account, all on the same permission set. */
    private AccountAssignment assignment(int i) {
        return new AccountAssignment(org.accounts().get(1).id(), org.permissionSets().get(0).arn(), "USER",
                org.users().get(i).id());
    }

    private static SandboxOrganization.Assignment sandboxAssignment(AccountAssignment a) {
        return new SandboxOrganization.Assignment(a.accountId(), a.permissionSetArn(), a.principalType(),
                a.principalId());
    }
}
