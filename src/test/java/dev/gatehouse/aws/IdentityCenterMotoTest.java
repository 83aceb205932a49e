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
        moto = new ProcessBuilder("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(Path.of("target", "moto.log").toFile()).start();
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

    private static IdentityCenter connect() {
        return IdentityCenter.connect(new AwsConnection("us-east-1", Optional.of(endpoint), Optional.empty(), true, 0,
                2, Duration.ofMillis(1), Duration.ofMillis(10)), new SimpleMeterRegistry());
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
