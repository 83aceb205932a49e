package dev.gatehouse.aws;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.CustomerManagedPolicyReference;
import software.amazon.awssdk.services.ssoadmin.model.Tag;

import dev.gatehouse.aws.internal.AwsCalls;
import dev.gatehouse.aws.internal.AwsService;
import dev.gatehouse.aws.internal.IdentityCenterClients;

/**
 * Writes to permission sets, one SSO Admin call each, and provisioning them account by account. A write
 * changes the definition at once; accounts get it only when it is provisioned to them. Every call is paced,
 * counted and retried like the others (a write while the set is being provisioned conflicts and is retried);
 * one AWS refuses for good throws {@link AwsCallFailed} at once, with AWS's words in
 * {@link AwsCallFailed#awsMessage()}.
 */
public final class PermissionSetChanges {

    private final SsoAdminClient ssoAdmin;
    private final AwsCalls calls;
    private final IdentityCenterClients clients;

    PermissionSetChanges(IdentityCenterClients clients) {
        this.ssoAdmin = clients.ssoAdmin();
        this.calls = clients.calls();
        this.clients = clients;
    }

    /**
     * Creates a permission set with no policies yet.
     *
     * @param description     empty for none
     * @param sessionDuration ISO-8601, PT1H to PT12H
     * @param relayState      empty for none
     * @return its ARN
     */
    public String create(String name, String description, String sessionDuration, String relayState,
                         Map<String, String> tags) {
        return write("CreatePermissionSet", () -> ssoAdmin.createPermissionSet(r -> r
                .instanceArn(clients.instanceArn()).name(name).description(blankAsNull(description))
                .sessionDuration(sessionDuration).relayState(blankAsNull(relayState))
                .tags(tags.isEmpty() ? null : tags(tags)))).permissionSet().permissionSetArn();
    }

    /** Changes what is given; a null argument leaves that part as it is. */
    public void update(String permissionSetArn, String description, String sessionDuration, String relayState) {
        write("UpdatePermissionSet", () -> ssoAdmin.updatePermissionSet(r -> r.instanceArn(clients.instanceArn())
                .permissionSetArn(permissionSetArn).description(description).sessionDuration(sessionDuration)
                .relayState(relayState)));
    }

    /** AWS refuses while the set is provisioned to an account or assigned. */
    public void delete(String permissionSetArn) {
        write("DeletePermissionSet", () -> ssoAdmin.deletePermissionSet(r -> r.instanceArn(clients.instanceArn())
                .permissionSetArn(permissionSetArn)));
    }

    /** Replaces the inline policy (JSON; at most 32,768 bytes and 10,240 characters other than whitespace). */
    public void putInlinePolicy(String permissionSetArn, String policy) {
        write("PutInlinePolicyToPermissionSet", () -> ssoAdmin.putInlinePolicyToPermissionSet(r -> r
                .instanceArn(clients.instanceArn()).permissionSetArn(permissionSetArn).inlinePolicy(policy)));
    }

    public void deleteInlinePolicy(String permissionSetArn) {
        write("DeleteInlinePolicyFromPermissionSet", () -> ssoAdmin.deleteInlinePolicyFromPermissionSet(r -> r
                .instanceArn(clients.instanceArn()).permissionSetArn(permissionSetArn)));
    }

    /** Attaches an AWS managed policy; with customer managed ones at most 10 (IAM's default per role). */
    public void attachManagedPolicy(String permissionSetArn, String managedPolicyArn) {
        write("AttachManagedPolicyToPermissionSet", () -> ssoAdmin.attachManagedPolicyToPermissionSet(r -> r
                .instanceArn(clients.instanceArn()).permissionSetArn(permissionSetArn)
                .managedPolicyArn(managedPolicyArn)));
    }

    public void detachManagedPolicy(String permissionSetArn, String managedPolicyArn) {
        write("DetachManagedPolicyFromPermissionSet", () -> ssoAdmin.detachManagedPolicyFromPermissionSet(r -> r
                .instanceArn(clients.instanceArn()).permissionSetArn(permissionSetArn)
                .managedPolicyArn(managedPolicyArn)));
    }

    /**
     * Names a customer managed policy (by name and path, "/" by default) that must exist in every account
     * the set is provisioned to; where it does not, provisioning fails there.
     */
    public void attachCustomerManagedPolicy(String permissionSetArn, String name, String path) {
        write("AttachCustomerManagedPolicyReferenceToPermissionSet",
                () -> ssoAdmin.attachCustomerManagedPolicyReferenceToPermissionSet(r -> r
                        .instanceArn(clients.instanceArn()).permissionSetArn(permissionSetArn)
                        .customerManagedPolicyReference(reference(name, path))));
    }

    public void detachCustomerManagedPolicy(String permissionSetArn, String name, String path) {
        write("DetachCustomerManagedPolicyReferenceFromPermissionSet",
                () -> ssoAdmin.detachCustomerManagedPolicyReferenceFromPermissionSet(r -> r
                        .instanceArn(clients.instanceArn()).permissionSetArn(permissionSetArn)
                        .customerManagedPolicyReference(reference(name, path))));
    }

    /** Makes an AWS managed policy the permissions boundary, replacing any boundary there was. */
    public void putManagedPermissionsBoundary(String permissionSetArn, String managedPolicyArn) {
        write("PutPermissionsBoundaryToPermissionSet", () -> ssoAdmin.putPermissionsBoundaryToPermissionSet(r -> r
                .instanceArn(clients.instanceArn()).permissionSetArn(permissionSetArn)
                .permissionsBoundary(b -> b.managedPolicyArn(managedPolicyArn))));
    }

    /** Makes a customer managed policy (name and path) the permissions boundary, replacing any there was. */
    public void putCustomerManagedPermissionsBoundary(String permissionSetArn, String name, String path) {
        write("PutPermissionsBoundaryToPermissionSet", () -> ssoAdmin.putPermissionsBoundaryToPermissionSet(r -> r
                .instanceArn(clients.instanceArn()).permissionSetArn(permissionSetArn)
                .permissionsBoundary(b -> b.customerManagedPolicyReference(reference(name, path)))));
    }

    /** AWS answers "not found" when the set has no boundary. */
    public void deletePermissionsBoundary(String permissionSetArn) {
        write("DeletePermissionsBoundaryFromPermissionSet", () -> ssoAdmin.deletePermissionsBoundaryFromPermissionSet(
                r -> r.instanceArn(clients.instanceArn()).permissionSetArn(permissionSetArn)));
    }

    /** Adds or replaces these tags; tags are not provisioned, so accounts' copies stay the latest. */
    public void tag(String permissionSetArn, Map<String, String> tags) {
        write("TagResource", () -> ssoAdmin.tagResource(r -> r.instanceArn(clients.instanceArn())
                .resourceArn(permissionSetArn).tags(tags(tags))));
    }

    public void untag(String permissionSetArn, Collection<String> keys) {
        write("UntagResource", () -> ssoAdmin.untagResource(r -> r.instanceArn(clients.instanceArn())
                .resourceArn(permissionSetArn).tagKeys(keys)));
    }

    /**
     * Starts pushing the current definition to one account (provisioning it there if it was not) and returns
     * AWS's request id without waiting; follow it with {@link #provisioningStatus}. AWS runs at most three
     * provisionings at a time and throttles a fourth.
     */
    public String provisionToAccount(String permissionSetArn, String accountId) {
        return write("ProvisionPermissionSet", () -> ssoAdmin.provisionPermissionSet(r -> r
                .instanceArn(clients.instanceArn()).permissionSetArn(permissionSetArn).targetType("AWS_ACCOUNT")
                .targetId(accountId))).permissionSetProvisioningStatus().requestId();
    }

    /** One look at a provisioning request: IN_PROGRESS, SUCCEEDED, or FAILED with AWS's reason. */
    public ProvisioningStatus provisioningStatus(String requestId) {
        var status = calls.call(AwsService.SSO_ADMIN, "DescribePermissionSetProvisioningStatus",
                () -> ssoAdmin.describePermissionSetProvisioningStatus(r -> r.instanceArn(clients.instanceArn())
                        .provisionPermissionSetRequestId(requestId))).permissionSetProvisioningStatus();
        ProvisioningState state = switch (Objects.requireNonNullElse(status.statusAsString(), "")) {
            case "SUCCEEDED" -> ProvisioningState.SUCCEEDED;
            case "FAILED" -> ProvisioningState.FAILED;
            default -> ProvisioningState.IN_PROGRESS;
        };
        return new ProvisioningStatus(requestId, Objects.requireNonNullElse(status.permissionSetArn(), ""),
                Objects.requireNonNullElse(status.accountId(), ""), state,
                Objects.requireNonNullElse(status.failureReason(), ""));
    }

    /** The accounts the set is provisioned to whose copy is the latest definition, or is not. */
    public void provisionedAccounts(String permissionSetArn, ProvisionedCopy copy, Consumer<String> consumer) {
        calls.pages(AwsService.SSO_ADMIN, "ListAccountsForProvisionedPermissionSet",
                token -> ssoAdmin.listAccountsForProvisionedPermissionSet(r -> r.instanceArn(clients.instanceArn())
                        .permissionSetArn(permissionSetArn).provisioningStatus(copy.awsName).maxResults(100)
                        .nextToken(token)),
                response -> response.accountIds(), response -> response.nextToken(), consumer);
    }

    private <T> T write(String operation, Supplier<T> request) {
        return calls.call(AwsService.SSO_ADMIN, operation, request, PermissionSetChanges::conflictForGood);
    }

    /**
     * ConflictExceptions no retry changes, told apart by AWS's words: the name is taken, the policy is
     * attached already, the set is still in use. A write racing another one says none of these and is retried.
     */
    static boolean conflictForGood(AwsServiceException e) {
        if (e.awsErrorDetails() == null || !"ConflictException".equals(e.awsErrorDetails().errorCode())) {
            return false;
        }
        String message = Objects.requireNonNullElse(e.awsErrorDetails().errorMessage(), "");
        return message.contains("already exists") || message.contains("already attached")
                || message.contains("already has") || message.startsWith("Could not delete");
    }

    private static CustomerManagedPolicyReference reference(String name, String path) {
        return CustomerManagedPolicyReference.builder().name(name).path(blankAsNull(path)).build();
    }

    private static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build()).toList();
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
