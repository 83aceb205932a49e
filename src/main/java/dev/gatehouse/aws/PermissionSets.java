package dev.gatehouse.aws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.ResourceNotFoundException;

import dev.gatehouse.aws.internal.AwsCalls;
import dev.gatehouse.aws.internal.AwsService;
import dev.gatehouse.aws.internal.IdentityCenterClients;

/**
 * SSO Admin permission sets: which exist and where they are provisioned, everything attached to one, and
 * changes to them pushed to their accounts and polled until AWS reports the outcome.
 */
public final class PermissionSets {

    private final SsoAdminClient ssoAdmin;
    private final AwsCalls calls;
    private final IdentityCenterClients clients;

    PermissionSets(IdentityCenterClients clients) {
        this.ssoAdmin = clients.ssoAdmin();
        this.calls = clients.calls();
        this.clients = clients;
    }

    public void permissionSetArns(Consumer<String> consumer) {
        calls.pages(AwsService.SSO_ADMIN, "ListPermissionSets",
                token -> ssoAdmin.listPermissionSets(r -> r.instanceArn(clients.instanceArn()).maxResults(100)
                        .nextToken(token)),
                response -> response.permissionSets(), response -> response.nextToken(), consumer);
    }

    public void provisionedPermissionSets(String accountId, Consumer<String> consumer) {
        calls.pages(AwsService.SSO_ADMIN, "ListPermissionSetsProvisionedToAccount",
                token -> ssoAdmin.listPermissionSetsProvisionedToAccount(r -> r.instanceArn(clients.instanceArn())
                        .accountId(accountId).maxResults(100).nextToken(token)),
                response -> response.permissionSets(), response -> response.nextToken(), consumer);
    }

    /** The permission set with its policies, boundary and tags: six calls at least. */
    public PermissionSetDetails permissionSet(String arn) {
        String instanceArn = clients.instanceArn();
        var set = calls.call(AwsService.SSO_ADMIN, "DescribePermissionSet",
                () -> ssoAdmin.describePermissionSet(r -> r.instanceArn(instanceArn).permissionSetArn(arn)))
                .permissionSet();
        List<String> managed = new ArrayList<>();
        calls.pages(AwsService.SSO_ADMIN, "ListManagedPoliciesInPermissionSet",
                token -> ssoAdmin.listManagedPoliciesInPermissionSet(r -> r.instanceArn(instanceArn)
                        .permissionSetArn(arn).maxResults(100).nextToken(token)),
                response -> response.attachedManagedPolicies(), response -> response.nextToken(),
                policy -> managed.add(policy.arn()));
        List<String> customer = new ArrayList<>();
        calls.pages(AwsService.SSO_ADMIN, "ListCustomerManagedPolicyReferencesInPermissionSet",
                token -> ssoAdmin.listCustomerManagedPolicyReferencesInPermissionSet(r -> r.instanceArn(instanceArn)
                        .permissionSetArn(arn).maxResults(100).nextToken(token)),
                response -> response.customerManagedPolicyReferences(), response -> response.nextToken(),
                reference -> customer.add(path(reference.path()) + reference.name()));
        String inline = calls.call(AwsService.SSO_ADMIN, "GetInlinePolicyForPermissionSet",
                () -> ssoAdmin.getInlinePolicyForPermissionSet(r -> r.instanceArn(instanceArn).permissionSetArn(arn)))
                .inlinePolicy();
        String boundary = boundary(instanceArn, arn);
        Map<String, String> tags = new LinkedHashMap<>();
        calls.pages(AwsService.SSO_ADMIN, "ListTagsForResource",
                token -> ssoAdmin.listTagsForResource(r -> r.instanceArn(instanceArn).resourceArn(arn)
                        .nextToken(token)),
                response -> response.tags(), response -> response.nextToken(),
                tag -> tags.put(tag.key(), tag.value()));
        return new PermissionSetDetails(arn, set.name(), emptyIfNull(set.description()), set.sessionDuration(),
                emptyIfNull(set.relayState()), managed, customer, emptyIfNull(inline), boundary, tags);
    }

    /** Changes how long a role session from the permission set lasts (ISO-8601, PT1H to PT12H). */
    public void updateSessionDuration(String permissionSetArn, String sessionDuration) {
        calls.call(AwsService.SSO_ADMIN, "UpdatePermissionSet",
                () -> ssoAdmin.updatePermissionSet(r -> r.instanceArn(clients.instanceArn())
                        .permissionSetArn(permissionSetArn).sessionDuration(sessionDuration)));
    }

    /** Pushes the permission set's definition to every account it is provisioned to, and polls for the outcome. */
    public WriteOutcome provisionToAllAccounts(String permissionSetArn, Duration timeout) {
        var status = calls.call(AwsService.SSO_ADMIN, "ProvisionPermissionSet",
                () -> ssoAdmin.provisionPermissionSet(r -> r.instanceArn(clients.instanceArn())
                        .permissionSetArn(permissionSetArn).targetType("ALL_PROVISIONED_ACCOUNTS")))
                .permissionSetProvisioningStatus();
        return awaitProvisioning(status.requestId(), timeout);
    }

    /** Polls a provisioning started earlier. */
    public WriteOutcome awaitProvisioning(String requestId, Duration timeout) {
        return AwsCalls.poll(requestId, timeout, () -> {
            var status = calls.call(AwsService.SSO_ADMIN, "DescribePermissionSetProvisioningStatus",
                    () -> ssoAdmin.describePermissionSetProvisioningStatus(r -> r.instanceArn(clients.instanceArn())
                            .provisionPermissionSetRequestId(requestId))).permissionSetProvisioningStatus();
            return AwsCalls.status(requestId, status.statusAsString(), status.failureReason());
        });
    }

    private String boundary(String instanceArn, String arn) {
        try {
            var boundary = calls.call(AwsService.SSO_ADMIN, "GetPermissionsBoundaryForPermissionSet",
                    () -> ssoAdmin.getPermissionsBoundaryForPermissionSet(r -> r.instanceArn(instanceArn)
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

    private static String path(String path) {
        return path == null ? "/" : path;
    }

    private static String emptyIfNull(String value) {
        return Objects.requireNonNullElse(value, "");
    }
}
