package dev.gatehouse.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListPoliciesResponse;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.ssoadmin.model.ConflictException;
import software.amazon.awssdk.services.ssoadmin.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ssoadmin.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.ssoadmin.model.ValidationException;

import dev.gatehouse.sandbox.Sandbox;
import dev.gatehouse.sandbox.SandboxOrganization;
import dev.gatehouse.sandbox.SandboxSeed;
import dev.gatehouse.sandbox.SandboxSettings;

/**
 * Permission-set writes and provisioning through the adapter against the sandbox: AWS's validation and quotas,
 * conflicts, provisioning that succeeds or fails account by account, and which accounts hold the latest copy.
 */
class PermissionSetChangesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";

    private final SandboxOrganization org = SandboxSeed.generate(new SandboxSeed.Size(6, 1, 1, 4, 1, 2, 0, 0), 13);
    private final Sandbox sandbox = Sandbox.start(org, SandboxSettings.UNLIMITED.withWrites(Duration.ofMillis(200), 0));
    private final IdentityCenter center = IdentityCenter.connect(AwsConnection.emulator(sandbox.endpoint())
            .withPaceFactor(0), new SimpleMeterRegistry());
    private final PermissionSetChanges changes = center.permissionSetChanges();

    @AfterEach
    void close() {
        center.close();
        sandbox.close();
    }

    @Test
    void a_created_permission_set_reads_back_as_it_was_made() {
        String arn = changes.create("DataReader", "Reads the data lake", "PT2H", "", Map.of("owner", "data-team"));
        changes.putInlinePolicy(arn, POLICY);

        PermissionSetDetails details = center.permissionSets().permissionSet(arn);
        assertThat(details.name()).isEqualTo("DataReader");
        assertThat(details.description()).isEqualTo("Reads the data lake");
        assertThat(details.sessionDuration()).isEqualTo("PT2H");
        assertThat(details.inlinePolicy()).isEqualTo(POLICY);
        assertThat(details.tags()).containsExactlyEntriesOf(Map.of("owner", "data-team"));
        assertThat(arn).matches("arn:aws:sso:::permissionSet/ssoins-sandbox0000000001/ps-[0-9a-f]{16}");
    }

    @Test
    void a_name_too_long_or_with_a_space_is_refused_in_aws_words() {
        assertThatThrownBy(() -> changes.create("A".repeat(33), "", "PT1H", "", Map.of()))
                .isInstanceOf(AwsCallFailed.class).hasCauseInstanceOf(ValidationException.class)
                .hasMessageContaining("Member must have length less than or equal to 32");
        assertThatThrownBy(() -> changes.create("Data Reader", "", "PT1H", "", Map.of()))
                .isInstanceOf(AwsCallFailed.class)
                .hasMessageContaining("Member must satisfy regular expression pattern: [\\w+=,.@-]+");
    }

    @Test
    void a_taken_name_is_refused_at_once_with_aws_message_and_not_retried() {
        changes.create("Auditors", "", "PT1H", "", Map.of());

        assertThatThrownBy(() -> changes.create("Auditors", "", "PT4H", "", Map.of()))
                .isInstanceOfSatisfying(AwsCallFailed.class, e -> {
                    assertThat(e.awsMessage()).isEqualTo("PermissionSet with name Auditors already exists.");
                    assertThat(e.awsErrorCode()).isEqualTo("ConflictException");
                });
        assertThat(sandbox.calls()).containsEntry("CreatePermissionSet", 2L);
    }

    @Test
    void the_instance_holds_at_most_3500_permission_sets() {
        SandboxOrganization full = SandboxSeed.generate(new SandboxSeed.Size(1, 1, 1, 1, 0, 3500, 0, 0), 13);
        try (Sandbox fullSandbox = Sandbox.start(full, SandboxSettings.UNLIMITED);
             IdentityCenter fullCenter = IdentityCenter.connect(AwsConnection.emulator(fullSandbox.endpoint())
                     .withPaceFactor(0), new SimpleMeterRegistry())) {
            assertThatThrownBy(() -> fullCenter.permissionSetChanges().create("OneTooMany", "", "PT1H", "", Map.of()))
                    .isInstanceOf(AwsCallFailed.class).hasCauseInstanceOf(ServiceQuotaExceededException.class)
                    .hasMessageContaining("3500 permission sets");
        }
    }

    @Test
    void an_update_changes_only_what_it_names_and_a_session_beyond_twelve_hours_is_refused() {
        String arn = changes.create("Operator", "Runs things", "PT1H", "", Map.of());

        changes.update(arn, null, "PT8H", null);

        assertThat(center.permissionSets().permissionSet(arn).sessionDuration()).isEqualTo("PT8H");
        assertThat(center.permissionSets().permissionSet(arn).description()).isEqualTo("Runs things");
        assertThatThrownBy(() -> changes.update(arn, null, "PT13H", null))
                .isInstanceOf(AwsCallFailed.class).hasMessageContaining("PT1H to PT12H");
    }

    @Test
    void an_inline_policy_over_aws_size_limits_or_not_json_is_refused() {
        String arn = changes.create("Inline", "", "PT1H", "", Map.of());
        String padded = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" + " ".repeat(32_768);
        String dense = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                + "\"Resource\":\"arn:aws:s3:::" + "x".repeat(10_240) + "\"}]}";

        assertThatThrownBy(() -> changes.putInlinePolicy(arn, padded)).isInstanceOf(AwsCallFailed.class)
                .hasCauseInstanceOf(ValidationException.class).hasMessageContaining("32768");
        assertThatThrownBy(() -> changes.putInlinePolicy(arn, dense)).isInstanceOf(AwsCallFailed.class)
                .hasMessageContaining("at most 10240 are allowed");
        assertThatThrownBy(() -> changes.putInlinePolicy(arn, "{\"Version\": \"2012-10-17\",")).isInstanceOf(
                AwsCallFailed.class).hasCauseInstanceOf(ValidationException.class).hasMessageContaining("not valid JSON");
        assertThat(center.permissionSets().permissionSet(arn).inlinePolicy()).isEmpty();

        changes.putInlinePolicy(arn, POLICY);
        changes.deleteInlinePolicy(arn);
        assertThat(center.permissionSets().permissionSet(arn).inlinePolicy()).isEmpty();
    }

    @Test
    void a_managed_policy_must_exist_be_attached_once_and_at_most_ten_policies_count_together() {
        String arn = changes.create("Many", "", "PT1H", "", Map.of());

        assertThatThrownBy(() -> changes.attachManagedPolicy(arn, "arn:aws:iam::aws:policy/NoSuchPolicy"))
                .isInstanceOf(AwsCallFailed.class).hasCauseInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Policy does not exist with ARN: arn:aws:iam::aws:policy/NoSuchPolicy");
        changes.attachManagedPolicy(arn, READ_ONLY);
        assertThatThrownBy(() -> changes.attachManagedPolicy(arn, READ_ONLY))
                .isInstanceOf(AwsCallFailed.class).hasCauseInstanceOf(ConflictException.class)
                .hasMessageContaining("failed after 1 attempt(s)");

        List<String> more = List.of("AmazonS3ReadOnlyAccess", "AmazonEC2ReadOnlyAccess", "CloudWatchReadOnlyAccess",
                "AmazonDynamoDBReadOnlyAccess", "AmazonRDSReadOnlyAccess", "AmazonSQSReadOnlyAccess");
        more.forEach(name -> changes.attachManagedPolicy(arn, "arn:aws:iam::aws:policy/" + name));
        for (int i = 0; i < 3; i++) {
            changes.attachCustomerManagedPolicy(arn, "team-policy-" + i, "/gatehouse/");
        }
        assertThatThrownBy(() -> changes.attachManagedPolicy(arn, "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"))
                .isInstanceOf(AwsCallFailed.class).hasCauseInstanceOf(ServiceQuotaExceededException.class)
                .hasMessageContaining("more than 10");
        assertThatThrownBy(() -> changes.attachCustomerManagedPolicy(arn, "one-more", "/"))
                .isInstanceOf(AwsCallFailed.class).hasCauseInstanceOf(ServiceQuotaExceededException.class);

        changes.detachManagedPolicy(arn, READ_ONLY);
        changes.detachCustomerManagedPolicy(arn, "team-policy-0", "/gatehouse/");
        PermissionSetDetails details = center.permissionSets().permissionSet(arn);
        assertThat(details.managedPolicyArns()).hasSize(6).doesNotContain(READ_ONLY);
        assertThat(details.customerManagedPolicies()).containsExactly("/gatehouse/team-policy-1",
                "/gatehouse/team-policy-2");
        assertThatThrownBy(() -> changes.detachManagedPolicy(arn, READ_ONLY))
                .isInstanceOf(AwsCallFailed.class).hasCauseInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void the_boundary_is_a_managed_or_a_customer_managed_policy_and_can_be_removed() {
        String arn = changes.create("Bounded", "", "PT1H", "", Map.of());

        changes.putCustomerManagedPermissionsBoundary(arn, "developer-boundary", "/gatehouse/");
        assertThat(center.permissionSets().permissionSet(arn).permissionsBoundary())
                .isEqualTo("/gatehouse/developer-boundary");
        changes.putManagedPermissionsBoundary(arn, "arn:aws:iam::aws:policy/PowerUserAccess");
        assertThat(center.permissionSets().permissionSet(arn).permissionsBoundary())
                .isEqualTo("arn:aws:iam::aws:policy/PowerUserAccess");
        changes.deletePermissionsBoundary(arn);
        assertThat(center.permissionSets().permissionSet(arn).permissionsBoundary()).isEmpty();
        assertThatThrownBy(() -> changes.deletePermissionsBoundary(arn)).isInstanceOf(AwsCallFailed.class)
                .hasCauseInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void provisioning_to_one_account_is_in_progress_then_succeeded_and_the_account_holds_the_latest_copy() {
        String arn = changes.create("Provisioned", "", "PT1H", "", Map.of());
        String account = org.accounts().get(1).id();

        String requestId = changes.provisionToAccount(arn, account);

        ProvisioningStatus first = changes.provisioningStatus(requestId);
        assertThat(first.state()).isEqualTo(ProvisioningState.IN_PROGRESS);
        assertThat(first.accountId()).isEqualTo(account);
        assertThat(awaitEnd(requestId).state()).isEqualTo(ProvisioningState.SUCCEEDED);
        assertThat(accounts(arn, ProvisionedCopy.LATEST)).containsExactly(account);
        assertThat(accounts(arn, ProvisionedCopy.NOT_LATEST)).isEmpty();
    }

    @Test
    void every_definition_write_leaves_provisioned_accounts_not_latest_until_provisioned_again_but_tags_do_not() {
        String arn = changes.create("Tracked", "", "PT1H", "", Map.of());
        String one = org.accounts().get(1).id();
        String two = org.accounts().get(2).id();
        awaitEnd(changes.provisionToAccount(arn, one));
        awaitEnd(changes.provisionToAccount(arn, two));

        changes.tag(arn, Map.of("owner", "security"));
        assertThat(accounts(arn, ProvisionedCopy.LATEST)).containsExactlyInAnyOrder(one, two);

        changes.attachManagedPolicy(arn, READ_ONLY);
        assertThat(accounts(arn, ProvisionedCopy.NOT_LATEST)).containsExactlyInAnyOrder(one, two);

        awaitEnd(changes.provisionToAccount(arn, one));
        assertThat(accounts(arn, ProvisionedCopy.LATEST)).containsExactly(one);
        assertThat(accounts(arn, ProvisionedCopy.NOT_LATEST)).containsExactly(two);
    }

    @Test
    void a_change_made_in_the_console_moves_last_modified_and_leaves_accounts_not_latest() {
        String arn = changes.create("Drifting", "", "PT1H", "", Map.of());
        String account = org.accounts().get(1).id();
        awaitEnd(changes.provisionToAccount(arn, account));
        Instant before = org.lastModified(arn);

        org.changeInConsole(arn, set -> set.withDescription(set.description(), "PT12H", set.relayState()));

        assertThat(center.permissionSets().permissionSet(arn).sessionDuration()).isEqualTo("PT12H");
        assertThat(org.lastModified(arn)).isAfterOrEqualTo(before);
        assertThat(accounts(arn, ProvisionedCopy.NOT_LATEST)).containsExactly(account);
    }

    @Test
    void provisioning_fails_with_aws_reason_in_an_account_missing_a_customer_managed_policy() {
        String arn = changes.create("Developer2", "", "PT1H", "", Map.of());
        String good = org.accounts().get(1).id();
        String missing = org.accounts().get(2).id();
        awaitEnd(changes.provisionToAccount(arn, good));
        awaitEnd(changes.provisionToAccount(arn, missing));
        changes.attachCustomerManagedPolicy(arn, "developer-baseline", "/");
        org.failProvisioning(missing, SandboxOrganization.missingPolicyReason("developer-baseline", missing));

        ProvisioningStatus failed = awaitEnd(changes.provisionToAccount(arn, missing));
        ProvisioningStatus succeeded = awaitEnd(changes.provisionToAccount(arn, good));

        assertThat(failed.state()).isEqualTo(ProvisioningState.FAILED);
        assertThat(failed.failureReason()).isEqualTo("Received a 404 status error: Policy name 'developer-baseline'"
                + " does not exist in account '" + missing + "'");
        assertThat(succeeded.state()).isEqualTo(ProvisioningState.SUCCEEDED);
        assertThat(accounts(arn, ProvisionedCopy.NOT_LATEST)).containsExactly(missing);
    }

    @Test
    void a_write_while_the_set_is_being_provisioned_conflicts_and_is_retried_until_it_lands() {
        sandbox.settings(SandboxSettings.UNLIMITED.withWrites(Duration.ofMillis(600), 0));
        String arn = changes.create("Busy", "", "PT1H", "", Map.of());
        String account = org.accounts().get(1).id();
        String requestId = changes.provisionToAccount(arn, account);

        changes.update(arn, "Changed while provisioning", null, null);

        assertThat(changes.provisioningStatus(requestId).state()).isEqualTo(ProvisioningState.SUCCEEDED);
        assertThat(sandbox.calls().get("UpdatePermissionSet")).as("conflicts were retried").isGreaterThan(1);
        assertThat(center.permissionSets().permissionSet(arn).description()).isEqualTo("Changed while provisioning");
        assertThat(accounts(arn, ProvisionedCopy.NOT_LATEST)).containsExactly(account);
    }

    @Test
    void at_most_three_provisionings_run_at_once_and_a_fourth_waits_through_throttling() {
        sandbox.settings(SandboxSettings.UNLIMITED.withWrites(Duration.ofMillis(400), 0));
        String account = org.accounts().get(1).id();
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            requests.add(changes.provisionToAccount(changes.create("Set" + i, "", "PT1H", "", Map.of()), account));
        }

        assertThat(sandbox.calls().get("ProvisionPermissionSet")).as("the fourth was throttled and retried")
                .isGreaterThan(4);
        assertThat(requests.stream().map(this::awaitEnd).map(ProvisioningStatus::state))
                .containsOnly(ProvisioningState.SUCCEEDED);
    }

    @Test
    void a_permission_set_in_use_cannot_be_deleted_until_its_last_assignment_is_gone() {
        SandboxOrganization.PermissionSet set = org.permissionSets().get(0);
        SandboxOrganization.Assignment assignment = new SandboxOrganization.Assignment(org.accounts().get(1).id(),
                set.arn(), "USER", org.users().get(0).id());
        org.add(assignment);

        assertThatThrownBy(() -> changes.delete(set.arn())).isInstanceOfSatisfying(AwsCallFailed.class, e ->
                assertThat(e.awsMessage()).startsWith("Could not delete"));
        assertThat(sandbox.calls()).containsEntry("DeletePermissionSet", 1L);

        org.remove(assignment);
        changes.delete(set.arn());
        assertThat(org.permissionSets()).extracting(SandboxOrganization.PermissionSet::arn).doesNotContain(set.arn());
    }

    @Test
    void the_aws_managed_policy_catalogue_is_read_whole_through_throttling_and_server_errors() {
        List<AwsManagedPolicy> clean = new ArrayList<>();
        center.managedPolicies().awsManagedPolicies(clean::add);
        sandbox.settings(SandboxSettings.UNLIMITED.withFaults(0.3, 0.1, 0));
        List<AwsManagedPolicy> faulty = new ArrayList<>();
        try (IdentityCenter patient = IdentityCenter.connect(new AwsConnection("us-east-1",
                Optional.of(sandbox.endpoint()), Optional.empty(), true, 0, 20,
                Duration.ofMillis(1), Duration.ofMillis(10)), new SimpleMeterRegistry())) {
            patient.managedPolicies().awsManagedPolicies(faulty::add);
        }

        assertThat(clean).hasSizeGreaterThan(300).contains(
                new AwsManagedPolicy("AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess", "/"),
                new AwsManagedPolicy("ViewOnlyAccess", "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess",
                        "/job-function/"));
        assertThat(faulty).isEqualTo(clean);
        assertThat(Set.copyOf(clean)).hasSameSizeAs(clean);
    }

    @Test
    void iam_pages_the_catalogue_by_marker_as_the_sdk_expects_and_refuses_a_page_over_1000() {
        try (IamClient iam = IamClient.builder().endpointOverride(sandbox.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {
            ListPoliciesResponse first = iam.listPolicies(r -> r.scope(PolicyScopeType.AWS).maxItems(100));
            ListPoliciesResponse second = iam.listPolicies(r -> r.scope(PolicyScopeType.AWS).maxItems(100)
                    .marker(first.marker()));

            assertThat(first.policies()).hasSize(100);
            assertThat(first.isTruncated()).isTrue();
            assertThat(second.policies()).hasSize(100).doesNotContainAnyElementsOf(first.policies());
            assertThat(iam.listPolicies(r -> r.scope(PolicyScopeType.LOCAL)).policies()).isEmpty();
            assertThatThrownBy(() -> iam.listPolicies(r -> r.maxItems(1001))).isInstanceOf(IamException.class)
                    .hasMessageContaining("Member must have value between 1 and 1000");
        }
    }

    private ProvisioningStatus awaitEnd(String requestId) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            ProvisioningStatus status = changes.provisioningStatus(requestId);
            if (status.state() != ProvisioningState.IN_PROGRESS || System.nanoTime() > deadline) {
                return status;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return status;
            }
        }
    }

    private List<String> accounts(String arn, ProvisionedCopy copy) {
        List<String> accounts = new ArrayList<>();
        changes.provisionedAccounts(arn, copy, accounts::add);
        return accounts;
    }
}
