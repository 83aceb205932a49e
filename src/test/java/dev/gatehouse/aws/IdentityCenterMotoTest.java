package dev.gatehouse.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.InstanceMetadata;

/**
 * The adapter against moto, a third-party AWS emulator (installed on this machine), for protocol and
 * pagination. moto's documented gaps are named where a test meets them.
 */
class IdentityCenterMotoTest {

    private static Process moto;
    private static URI endpoint;
    private static Seeded seeded;

    record Seeded(String rootId, String outerOu, String innerOu, Set<String> accountIds, Set<String> userIds,
                  String groupId, String adminSet, Set<AccountAssignment> assignments) {
    }

    @BeforeAll
    static void startAndSeedMoto() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder server = new ProcessBuilder("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p",
                String.valueOf(port));
        // moto lists IAM's AWS managed policies only when asked to load them.
        server.environment().put("MOTO_IAM_LOAD_MANAGED_POLICIES", "true");
        moto = server.redirectErrorStream(true).redirectOutput(Path.of("target", "moto.log").toFile()).start();
        endpoint = URI.create("http://127.0.0.1:" + port);
        awaitMoto();
        seeded = seed();
    }

    @AfterAll
    static void stopMoto() {
        if (moto != null) {
            moto.destroy();
        }
    }

    @Test
    void the_organization_is_read_page_by_page_with_nested_ous() {
        List<OrganizationalUnit> units = new ArrayList<>();
        Set<AwsAccount> accounts = new HashSet<>();
        try (IdentityCenter center = connect()) {
            center.organizations().walkOrganization(units::add, accounts::add);
        }

        assertThat(units).containsExactly(new OrganizationalUnit(seeded.outerOu(), seeded.rootId(), "Workloads"),
                new OrganizationalUnit(seeded.innerOu(), seeded.outerOu(), "Payments"));
        assertThat(accounts).extracting(AwsAccount::id).containsAll(seeded.accountIds());
        assertThat(accounts).filteredOn(a -> a.parentId().equals(seeded.innerOu())).hasSize(25);
    }

    @Test
    void an_accounts_tags_are_read_and_an_untagged_account_has_none() {
        List<String> sorted = seeded.accountIds().stream().sorted().toList();
        try (IdentityCenter center = connect()) {
            String tagged = seeded.accountIds().stream()
                    .filter(id -> !center.organizations().accountTags(id).isEmpty()).findFirst().orElseThrow();
            assertThat(center.organizations().accountTags(tagged))
                    .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("owner", "user0", "cost-center", "cc-42"));
            assertThat(sorted.stream().filter(id -> !id.equals(tagged)).limit(3)
                    .map(id -> center.organizations().accountTags(id))).allSatisfy(tags -> assertThat(tags).isEmpty());
        }
    }

    @Test
    void users_groups_and_memberships_are_read_completely() {
        Set<DirectoryUser> users = new HashSet<>();
        Set<GroupMembership> memberships = new HashSet<>();
        List<DirectoryGroup> groups = new ArrayList<>();
        try (IdentityCenter center = connect()) {
            center.identityStore().users(users::add);
            center.identityStore().groups(groups::add);
            center.identityStore().memberships(seeded.groupId(), memberships::add);
        }

        assertThat(users).extracting(DirectoryUser::id).containsExactlyInAnyOrderElementsOf(seeded.userIds());
        assertThat(users).anySatisfy(user -> {
            assertThat(user.userName()).isEqualTo("user0");
            assertThat(user.displayName()).isEqualTo("User Zero");
            assertThat(user.email()).isEqualTo("user0@example.com");
            // moto drops the enterprise extension, so no manager comes back.
            assertThat(user.managerId()).isNull();
        });
        assertThat(groups).extracting(DirectoryGroup::displayName).containsExactly("engineering");
        assertThat(memberships).hasSize(seeded.userIds().size());
    }

    @Test
    void permission_sets_and_assignments_are_read_for_each_account() {
        Set<AccountAssignment> assignments = new HashSet<>();
        List<String> arns = new ArrayList<>();
        try (IdentityCenter center = connect()) {
            center.permissionSets().permissionSetArns(arns::add);
            for (String account : seeded.accountIds()) {
                center.permissionSets().provisionedPermissionSets(account, set -> center.accountAssignments().assignments(account, set, assignments::add));
            }
        }

        assertThat(arns).containsExactly(seeded.adminSet());
        assertThat(assignments).isEqualTo(seeded.assignments());
    }

    @Test
    void an_operation_moto_does_not_implement_fails_by_name_instead_of_returning_partial_data() {
        try (IdentityCenter center = connect()) {
            // moto answers GetPermissionsBoundaryForPermissionSet with HTTP 500.
            assertThatThrownBy(() -> center.permissionSets().permissionSet(seeded.adminSet()))
                    .isInstanceOf(AwsCallFailed.class)
                    .hasMessageContaining("ForPermissionSet failed after 2 attempt(s)");
        }
    }

    @Test
    void permission_set_writes_reach_moto_and_a_duplicate_attachment_is_refused_without_retries() {
        try (IdentityCenter center = connect()) {
            PermissionSetChanges changes = center.permissionSetChanges();
            String arn = changes.create("MotoWriter", "Made by a test", "PT2H", "", java.util.Map.of());
            changes.update(arn, null, "PT4H", null);
            changes.putInlinePolicy(arn, "{\"Version\":\"2012-10-17\",\"Statement\":[]}");
            changes.attachManagedPolicy(arn, "arn:aws:iam::aws:policy/ReadOnlyAccess");
            changes.attachCustomerManagedPolicy(arn, "developer-baseline", "/gatehouse/");

            var sso = center.permissionSets();
            List<String> arns = new ArrayList<>();
            sso.permissionSetArns(arns::add);
            assertThat(arns).contains(arn);
            // moto answers GetPermissionsBoundaryForPermissionSet and ListTagsForResource with HTTP 500, so the
            // details are read here part by part rather than through permissionSet(arn).
            try (SsoAdminClient raw = rawSsoAdmin()) {
                String instance = raw.listInstances(r -> { }).instances().get(0).instanceArn();
                assertThat(raw.describePermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn))
                        .permissionSet().sessionDuration()).isEqualTo("PT4H");
                assertThat(raw.getInlinePolicyForPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn))
                        .inlinePolicy()).contains("2012-10-17");
            }

            assertThatThrownBy(() -> changes.attachManagedPolicy(arn, "arn:aws:iam::aws:policy/ReadOnlyAccess"))
                    .isInstanceOf(AwsCallFailed.class).hasMessageContaining("failed after 1 attempt(s)")
                    .hasMessageContaining("already has a typed link attachment");
            assertThatThrownBy(() -> changes.attachManagedPolicy(arn, "arn:aws:iam::aws:policy/NoSuchPolicy"))
                    .isInstanceOf(AwsCallFailed.class).hasMessageContaining("Policy does not exist");

            changes.detachManagedPolicy(arn, "arn:aws:iam::aws:policy/ReadOnlyAccess");
            changes.detachCustomerManagedPolicy(arn, "developer-baseline", "/gatehouse/");
            changes.deleteInlinePolicy(arn);
            changes.delete(arn);
            List<String> after = new ArrayList<>();
            sso.permissionSetArns(after::add);
            assertThat(after).doesNotContain(arn);
        }
    }

    @Test
    void provisioning_to_one_account_returns_a_request_id_and_the_account_is_listed() {
        // moto provisions at once to its own account whatever the target, answers the status of a request only
        // in ProvisionPermissionSet's own reply (DescribePermissionSetProvisioningStatus is HTTP 500) and
        // ignores the ProvisioningStatus filter; the sandbox tests cover those (PermissionSetChangesTest).
        try (IdentityCenter center = connect()) {
            PermissionSetChanges changes = center.permissionSetChanges();
            String arn = changes.create("MotoProvisioned", "", "PT1H", "", java.util.Map.of());

            try {
                String requestId = changes.provisionToAccount(arn, seeded.accountIds().iterator().next());

                assertThat(requestId).matches("[0-9a-f-]{36}");
                List<String> accounts = new ArrayList<>();
                changes.provisionedAccounts(arn, ProvisionedCopy.LATEST, accounts::add);
                assertThat(accounts).hasSize(1);
            } finally {
                // The other tests read moto's permission sets as seeded; moto deletes a provisioned set.
                changes.delete(arn);
            }
        }
    }

    @Test
    void the_aws_managed_policy_catalogue_is_read_page_by_page_and_holds_every_policy_the_sandbox_offers() {
        List<AwsManagedPolicy> moto = new ArrayList<>();
        List<AwsManagedPolicy> sandboxed = new ArrayList<>();
        try (IdentityCenter center = connect()) {
            center.managedPolicies().awsManagedPolicies(moto::add);
        }
        try (dev.gatehouse.sandbox.Sandbox sandbox = dev.gatehouse.sandbox.Sandbox.start(
                dev.gatehouse.sandbox.SandboxSeed.generate(new dev.gatehouse.sandbox.SandboxSeed.Size(1, 1, 1, 1, 0, 0,
                        0, 0), 1), dev.gatehouse.sandbox.SandboxSettings.UNLIMITED);
             IdentityCenter center = IdentityCenter.connect(AwsConnection.emulator(sandbox.endpoint())
                     .withPaceFactor(0), new SimpleMeterRegistry())) {
            center.managedPolicies().awsManagedPolicies(sandboxed::add);
        }

        assertThat(moto).as("more than one page of 1,000").hasSizeGreaterThan(1000)
                .contains(new AwsManagedPolicy("ViewOnlyAccess", "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess",
                        "/job-function/"));
        assertThat(moto).as("the sandbox's catalogue uses real names and paths").containsAll(sandboxed);
    }

    private static IdentityCenter connect() {
        return IdentityCenter.connect(new AwsConnection("us-east-1", Optional.of(endpoint), Optional.empty(), true, 0,
                2, Duration.ofMillis(1), Duration.ofMillis(10)), new SimpleMeterRegistry());
    }

    private static SsoAdminClient rawSsoAdmin() {
        return SsoAdminClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    private static Seeded seed() {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        try (OrganizationsClient org = OrganizationsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).build();
             IdentitystoreClient ids = IdentitystoreClient.builder().endpointOverride(endpoint)
                     .region(Region.US_EAST_1).credentialsProvider(credentials).build();
             SsoAdminClient sso = SsoAdminClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                     .credentialsProvider(credentials).build()) {
            org.createOrganization(r -> r.featureSet("ALL"));
            String root = org.listRoots().roots().get(0).id();
            String outer = org.createOrganizationalUnit(r -> r.parentId(root).name("Workloads"))
                    .organizationalUnit().id();
            String inner = org.createOrganizationalUnit(r -> r.parentId(outer).name("Payments"))
                    .organizationalUnit().id();
            Set<String> accounts = new HashSet<>();
            for (int i = 0; i < 45; i++) {
                int n = i;
                String id = org.createAccount(r -> r.email("account" + n + "@example.com").accountName("account-" + n))
                        .createAccountStatus().accountId();
                accounts.add(id);
                if (i < 25) {
                    org.moveAccount(r -> r.accountId(id).sourceParentId(root).destinationParentId(inner));
                }
                if (i == 0) {
                    org.tagResource(r -> r.resourceId(id).tags(tag -> tag.key("owner").value("user0"),
                            tag -> tag.key("cost-center").value("cc-42")));
                }
            }

            InstanceMetadata instance = sso.listInstances(r -> { }).instances().get(0);
            String store = instance.identityStoreId();
            String group = ids.createGroup(r -> r.identityStoreId(store).displayName("engineering")).groupId();
            Set<String> users = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                int n = i;
                String user = ids.createUser(r -> r.identityStoreId(store).userName("user" + n)
                        .displayName(n == 0 ? "User Zero" : "User " + n)
                        .name(name -> name.givenName("User").familyName(String.valueOf(n)))
                        .emails(email -> email.value("user" + n + "@example.com").primary(true))).userId();
                users.add(user);
                ids.createGroupMembership(r -> r.identityStoreId(store).groupId(group).memberId(m -> m.userId(user)));
            }

            String set = sso.createPermissionSet(r -> r.instanceArn(instance.instanceArn()).name("AdministratorAccess")
                    .sessionDuration("PT1H")).permissionSet().permissionSetArn();
            Set<AccountAssignment> assignments = new HashSet<>();
            List<String> assigned = accounts.stream().sorted().limit(3).toList();
            for (String account : assigned) {
                // AWS provisions the set with the first assignment; moto needs it asked for.
                sso.provisionPermissionSet(r -> r.instanceArn(instance.instanceArn()).permissionSetArn(set)
                        .targetId(account).targetType("AWS_ACCOUNT"));
                String principal = users.iterator().next();
                sso.createAccountAssignment(r -> r.instanceArn(instance.instanceArn()).permissionSetArn(set)
                        .targetId(account).targetType("AWS_ACCOUNT").principalType("USER").principalId(principal));
                assignments.add(new AccountAssignment(account, set, "USER", principal));
                sso.createAccountAssignment(r -> r.instanceArn(instance.instanceArn()).permissionSetArn(set)
                        .targetId(account).targetType("AWS_ACCOUNT").principalType("GROUP").principalId(group));
                assignments.add(new AccountAssignment(account, set, "GROUP", group));
            }
            return new Seeded(root, outer, inner, accounts, users, group, set, assignments);
        }
    }

    private static void awaitMoto() throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 100; i++) {
            try {
                http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("moto did not start; see target/moto.log");
    }
}
