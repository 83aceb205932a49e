package dev.gatehouse.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.gatehouse.sandbox.Sandbox;
import dev.gatehouse.sandbox.SandboxOrganization;
import dev.gatehouse.sandbox.SandboxSeed;
import dev.gatehouse.sandbox.SandboxSettings;

/** The adapter against the sandbox: complete reads, through faults, with the fewest calls, under AWS's limits. */
class IdentityCenterSandboxTest {

    private static final SandboxSeed.Size SMALL = new SandboxSeed.Size(25, 2, 2, 60, 8, 6, 40, 20);

    @Test
    void it_reads_the_whole_demo_organization() {
        SandboxOrganization org = SandboxSeed.generate(SandboxSeed.Size.DEMO, 7);
        try (Sandbox sandbox = Sandbox.start(org, SandboxSettings.UNLIMITED);
             IdentityCenter center = connect(sandbox, 0)) {
            Snapshot snapshot = Snapshot.read(center);

            assertThat(snapshot.accounts).hasSize(org.accountCount());
            assertThat(snapshot.units).hasSize(org.units().size());
            assertThat(snapshot.users).hasSize(org.userCount());
            assertThat(snapshot.assignments).hasSize(org.assignmentCount());
            DirectoryUser riley = snapshot.users.stream().filter(u -> u.userName().equals("riley.chen")).findFirst()
                    .orElseThrow();
            DirectoryUser avery = snapshot.users.stream().filter(u -> u.userName().equals("avery.patel")).findFirst()
                    .orElseThrow();
            assertThat(riley.managerId()).as("Riley's manager").isEqualTo(avery.id());
            assertThat(riley.displayName()).isEqualTo("Riley Chen");
            assertThat(riley.email()).isEqualTo("riley.chen@example.com");
        }
    }

    @Test
    void throttling_server_errors_and_empty_pages_still_give_an_exact_copy() {
        SandboxOrganization org = SandboxSeed.generate(SMALL, 11);
        Snapshot clean;
        long cleanCalls;
        try (Sandbox sandbox = Sandbox.start(org, SandboxSettings.UNLIMITED);
             IdentityCenter center = connect(sandbox, 0)) {
            clean = Snapshot.read(center);
            cleanCalls = totalCalls(sandbox);
        }
        try (Sandbox sandbox = Sandbox.start(org, SandboxSettings.UNLIMITED.withFaults(0.3, 0.1, 0.3));
             IdentityCenter center = IdentityCenter.connect(quickRetries(sandbox), new SimpleMeterRegistry())) {
            Snapshot faulty = Snapshot.read(center);

            assertThat(faulty).usingRecursiveComparison().isEqualTo(clean);
            assertThat(totalCalls(sandbox)).as("failed calls were retried").isGreaterThan(cleanCalls);
        }
    }

    @Test
    void removing_a_person_from_a_group_deletes_only_their_membership_and_a_second_time_finds_it_gone() {
        SandboxOrganization org = SandboxSeed.generate(SMALL, 5);
        SandboxOrganization.Membership membership = org.memberships().get(0);
        try (Sandbox sandbox = Sandbox.start(org, SandboxSettings.UNLIMITED);
             IdentityCenter center = connect(sandbox, 0)) {
            int before = org.memberships().size();

            assertThat(center.identityStore().removeMembership(membership.groupId(), membership.userId()))
                    .isEqualTo(MembershipRemoval.REMOVED);
            assertThat(org.memberships()).hasSize(before - 1).doesNotContain(membership);
            assertThat(center.identityStore().removeMembership(membership.groupId(), membership.userId()))
                    .isEqualTo(MembershipRemoval.ALREADY_GONE);
            assertThat(center.identityStore().removeMembership("no-such-group", membership.userId()))
                    .isEqualTo(MembershipRemoval.ALREADY_GONE);
            assertThat(sandbox.calls()).containsEntry("DeleteGroupMembership", 1L);
        }
    }

    @Test
    void a_group_from_the_identity_provider_carries_its_issuer_and_one_made_in_the_identity_store_none() {
        SandboxOrganization org = SandboxSeed.generate(SandboxSeed.Size.DEMO, 7);
        try (Sandbox sandbox = Sandbox.start(org, SandboxSettings.UNLIMITED);
             IdentityCenter center = connect(sandbox, 0)) {
            Map<String, String> groupIds = new TreeMap<>();
            org.groups().forEach(g -> groupIds.put(g.displayName(), g.id()));

            DirectoryGroup payments = center.identityStore().group(groupIds.get("payments-team")).orElseThrow();
            DirectoryGroup contractors = center.identityStore().group(groupIds.get("contractors")).orElseThrow();

            assertThat(payments.provisionedFromIdp()).isTrue();
            assertThat(payments.externalIssuer()).isEqualTo("https://idp.example.com/scim/v2");
            assertThat(contractors.provisionedFromIdp()).isFalse();
            assertThat(center.identityStore().group("no-such-group")).isEmpty();
            List<DirectoryGroup> listed = new ArrayList<>();
            center.identityStore().groups(listed::add);
            assertThat(listed).contains(payments, contractors);
        }
    }

    @Test
    void a_removal_the_role_may_not_make_fails_with_aws_reason() {
        SandboxOrganization org = SandboxSeed.generate(SMALL, 5);
        SandboxOrganization.Membership membership = org.memberships().get(0);
        try (Sandbox sandbox = Sandbox.start(org, SandboxSettings.UNLIMITED);
             IdentityCenter center = connect(sandbox, 0)) {
            sandbox.deny("DeleteGroupMembership");

            assertThatThrownBy(() -> center.identityStore()
                            .removeMembership(membership.groupId(), membership.userId()))
                    .isInstanceOf(AwsCallFailed.class)
                    .hasMessageContaining("not authorized to perform: identitystore:DeleteGroupMembership");
            assertThat(org.memberships()).contains(membership);
        }
    }

    @Test
    void listing_accounts_takes_one_call_per_page_of_twenty() {
        SandboxOrganization org = SandboxSeed.generate(new SandboxSeed.Size(45, 1, 0, 1, 0, 0, 0, 0), 3);
        try (Sandbox sandbox = Sandbox.start(org, SandboxSettings.UNLIMITED);
             IdentityCenter center = connect(sandbox, 0)) {
            sandbox.resetCalls();
            List<AwsAccount> accounts = new ArrayList<>();
            center.organizations().walkOrganization(unit -> { }, accounts::add);

            assertThat(accounts).hasSize(45);
            // One OU holds 44 accounts (3 pages), the root holds the management account (1 page).
            assertThat(sandbox.calls()).containsEntry("ListAccountsForParent", 4L).containsEntry("ListRoots", 1L);
        }
    }

    @Test
    void paced_calls_stay_under_the_aws_limits_without_being_throttled() {
        SandboxOrganization org = SandboxSeed.generate(new SandboxSeed.Size(12, 1, 1, 30, 3, 3, 10, 5), 5);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (Sandbox sandbox = Sandbox.start(org, SandboxSettings.AWS_LIMITS);
             IdentityCenter center = IdentityCenter.connect(AwsConnection.emulator(sandbox.endpoint()), meters)) {
            Snapshot.read(center);

            Map<String, Double> outcomes = new TreeMap<>();
            meters.find("gatehouse.aws.calls").counters().forEach(counter ->
                    outcomes.merge(counter.getId().getTag("outcome"), counter.count(), Double::sum));
            assertThat(outcomes).containsKey("success")
                    .doesNotContainKeys("ThrottlingException", "TooManyRequestsException");
        }
    }

    private static long totalCalls(Sandbox sandbox) {
        return sandbox.calls().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Backoff is not under test here; short delays keep the many retries quick. */
    private static AwsConnection quickRetries(Sandbox sandbox) {
        return new AwsConnection("us-east-1", Optional.of(sandbox.endpoint()), Optional.empty(), true, 0, 20,
                Duration.ofMillis(1), Duration.ofMillis(10));
    }

    private static IdentityCenter connect(Sandbox sandbox, double paceFactor) {
        return IdentityCenter.connect(AwsConnection.emulator(sandbox.endpoint()).withPaceFactor(paceFactor),
                new SimpleMeterRegistry());
    }

    /** Everything the adapter reads, in comparable form. */
    static final class Snapshot {
        final Set<OrganizationalUnit> units = new HashSet<>();
        final Set<AwsAccount> accounts = new HashSet<>();
        final Set<DirectoryUser> users = new HashSet<>();
        final Set<DirectoryGroup> groups = new HashSet<>();
        final Set<GroupMembership> memberships = new HashSet<>();
        final Map<String, PermissionSetDetails> permissionSets = new TreeMap<>();
        final Set<AccountAssignment> assignments = new HashSet<>();

        static Snapshot read(IdentityCenter center) {
            Snapshot s = new Snapshot();
            center.organizations().walkOrganization(s.units::add, s.accounts::add);
            center.identityStore().users(s.users::add);
            center.identityStore().groups(s.groups::add);
            s.groups.forEach(g -> center.identityStore().memberships(g.id(), s.memberships::add));
            center.permissionSets().permissionSetArns(arn -> s.permissionSets.put(arn, center.permissionSets().permissionSet(arn)));
            for (AwsAccount account : s.accounts) {
                center.permissionSets().provisionedPermissionSets(account.id(),
                        set -> center.accountAssignments().assignments(account.id(), set, s.assignments::add));
            }
            return s;
        }
    }
}
