package dev.gatehouse.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.gatehouse.sandbox.SandboxOrganization.Assignment;
import dev.gatehouse.sandbox.SandboxOrganization.PermissionSet;

/**
 * SSO Admin: the instance, permission sets and their policies, changing and provisioning them, and
 * account assignments.
 */
final class SsoAdminApi {

    private static final String INVALID = "ValidationException";

    private final SandboxOrganization org;
    private final AssignmentWrites writes;
    private final PermissionSetWrites permissionSetWrites;
    private final PermissionSetProvisioning provisioning;
    private final Paging paging = new Paging(INVALID, 100);

    SsoAdminApi(SandboxOrganization org, AssignmentWrites writes, PermissionSetWrites permissionSetWrites,
                PermissionSetProvisioning provisioning) {
        this.org = org;
        this.writes = writes;
        this.permissionSetWrites = permissionSetWrites;
        this.provisioning = provisioning;
    }

    ObjectNode handle(String operation, JsonNode request) {
        ObjectNode out = SandboxHandler.object();
        if (operation.equals("ListInstances")) {
            paging.page(out, "Instances", List.of(SandboxOrganization.INSTANCE_ARN), request, "instances", false,
                    arn -> SandboxHandler.object().put("InstanceArn", arn)
                            .put("IdentityStoreId", SandboxOrganization.IDENTITY_STORE_ID)
                            .put("Name", "sandbox").put("Status", "ACTIVE"));
            return out;
        }
        instance(request);
        provisioning.finishDue();
        switch (operation) {
            case "ListPermissionSets" -> {
                List<String> arns;
                synchronized (org) {
                    arns = List.copyOf(org.permissionSets.keySet());
                }
                paging.page(out, "PermissionSets", arns, request, "sets", false, arn -> text(arn));
            }
            case "DescribePermissionSet" -> {
                PermissionSet set = permissionSet(request);
                describe(out.putObject("PermissionSet"), set, org.created(set.arn()));
            }
            case "ListManagedPoliciesInPermissionSet" -> paging.page(out, "AttachedManagedPolicies",
                    permissionSet(request).managedPolicies(), request, "managed:" + request.get("PermissionSetArn"),
                    false, p -> SandboxHandler.object().put("Name", p.name()).put("Arn", p.arn()));
            case "ListCustomerManagedPolicyReferencesInPermissionSet" -> paging.page(out,
                    "CustomerManagedPolicyReferences", permissionSet(request).customerManagedPolicies(), request,
                    "customer:" + request.get("PermissionSetArn"), false,
                    p -> SandboxHandler.object().put("Name", p.name()).put("Path", p.path()));
            case "GetInlinePolicyForPermissionSet" -> {
                String policy = permissionSet(request).inlinePolicy();
                out.put("InlinePolicy", policy == null ? "" : policy);
            }
            case "GetPermissionsBoundaryForPermissionSet" -> {
                PermissionSet set = permissionSet(request);
                if (set.boundaryPolicyArn() != null) {
                    out.putObject("PermissionsBoundary").put("ManagedPolicyArn", set.boundaryPolicyArn());
                } else if (set.boundaryReference() != null) {
                    out.putObject("PermissionsBoundary").putObject("CustomerManagedPolicyReference")
                            .put("Name", set.boundaryReference().name()).put("Path", set.boundaryReference().path());
                } else {
                    throw new AwsError(400, "ResourceNotFoundException", "No permissions boundary on " + set.arn());
                }
            }
            case "ListTagsForResource" -> {
                PermissionSet set = resource(request);
                String arn = set.arn();
                paging.page(out, "Tags", List.copyOf(set.tags().entrySet()), request, "tags:" + arn, false,
                        (Map.Entry<String, String> tag) -> SandboxHandler.object().put("Key", tag.getKey())
                                .put("Value", tag.getValue()));
            }
            case "ListPermissionSetsProvisionedToAccount" -> {
                String account = account(request);
                Boolean latest = provisioningStatus(request);
                List<String> arns;
                synchronized (org) {
                    arns = org.provisionedByAccount.getOrDefault(account, Set.of()).stream()
                            .filter(arn -> latest == null || org.isLatest(account, arn) == latest).toList();
                }
                paging.page(out, "PermissionSets", arns, request, "provisioned:" + account + ":" + latest, false,
                        arn -> text(arn));
            }
            case "ListAccountsForProvisionedPermissionSet" -> {
                PermissionSet set = permissionSet(request);
                Boolean latest = provisioningStatus(request);
                List<String> accounts = org.provisionedAccounts(set.arn()).entrySet().stream()
                        .filter(e -> latest == null || e.getValue() == latest).map(Map.Entry::getKey).toList();
                paging.page(out, "AccountIds", accounts, request, "accounts:" + set.arn() + ":" + latest, false,
                        account -> text(account));
            }
            case "ListAccountAssignments" -> {
                String account = account(request);
                PermissionSet set = permissionSet(request);
                List<Assignment> assignments;
                synchronized (org) {
                    assignments = List.copyOf(org.assignmentsByAccountAndSet.getOrDefault(
                            SandboxOrganization.key(account, set.arn()), List.of()));
                }
                paging.page(out, "AccountAssignments", assignments, request, "assignments:" + account + set.arn(),
                        false, a -> SandboxHandler.object().put("AccountId", a.accountId())
                                .put("PermissionSetArn", a.permissionSetArn()).put("PrincipalType", a.principalType())
                                .put("PrincipalId", a.principalId()));
            }
            case "CreateAccountAssignment" -> out = writes.write(true, request);
            case "DeleteAccountAssignment" -> out = writes.write(false, request);
            case "DescribeAccountAssignmentCreationStatus" -> out = writes.describe(true, request);
            case "DescribeAccountAssignmentDeletionStatus" -> out = writes.describe(false, request);
            case "CreatePermissionSet" -> out = permissionSetWrites.create(request);
            case "UpdatePermissionSet" -> permissionSetWrites.update(request, permissionSet(request));
            case "DeletePermissionSet" -> permissionSetWrites.delete(permissionSet(request));
            case "PutInlinePolicyToPermissionSet" -> permissionSetWrites.putInlinePolicy(request, permissionSet(request));
            case "DeleteInlinePolicyFromPermissionSet" -> permissionSetWrites.deleteInlinePolicy(permissionSet(request));
            case "AttachManagedPolicyToPermissionSet" ->
                    permissionSetWrites.attachManagedPolicy(request, permissionSet(request));
            case "DetachManagedPolicyFromPermissionSet" ->
                    permissionSetWrites.detachManagedPolicy(request, permissionSet(request));
            case "AttachCustomerManagedPolicyReferenceToPermissionSet" ->
                    permissionSetWrites.attachCustomerManagedPolicy(request, permissionSet(request));
            case "DetachCustomerManagedPolicyReferenceFromPermissionSet" ->
                    permissionSetWrites.detachCustomerManagedPolicy(request, permissionSet(request));
            case "PutPermissionsBoundaryToPermissionSet" ->
                    permissionSetWrites.putPermissionsBoundary(request, permissionSet(request));
            case "DeletePermissionsBoundaryFromPermissionSet" ->
                    permissionSetWrites.deletePermissionsBoundary(permissionSet(request));
            case "TagResource" -> permissionSetWrites.tag(request, resource(request));
            case "UntagResource" -> permissionSetWrites.untag(request, resource(request));
            case "ProvisionPermissionSet" -> out = provisioning.provision(request, permissionSet(request));
            case "DescribePermissionSetProvisioningStatus" -> out = provisioning.describe(request);
            case "ListPermissionSetProvisioningStatus" -> provisioning.list(request, out, paging);
            default -> throw new AwsError(400, "UnknownOperationException", "Sandbox does not serve " + operation);
        }
        return out;
    }

    private static void instance(JsonNode request) {
        String arn = SandboxHandler.required(request, "InstanceArn", INVALID);
        if (!arn.equals(SandboxOrganization.INSTANCE_ARN)) {
            throw new AwsError(400, "ResourceNotFoundException", "No instance " + arn);
        }
    }

    private PermissionSet permissionSet(JsonNode request) {
        String arn = SandboxHandler.required(request, "PermissionSetArn", INVALID);
        synchronized (org) {
            PermissionSet set = org.permissionSets.get(arn);
            if (set == null) {
                throw new AwsError(400, "ResourceNotFoundException", "No permission set " + arn);
            }
            return set;
        }
    }

    /** A permission set named as a tagged resource; the sandbox tags nothing else. */
    private PermissionSet resource(JsonNode request) {
        String arn = SandboxHandler.required(request, "ResourceArn", INVALID);
        synchronized (org) {
            PermissionSet set = org.permissionSets.get(arn);
            if (set == null) {
                throw new AwsError(400, "ResourceNotFoundException", "No resource " + arn);
            }
            return set;
        }
    }

    /** The ProvisioningStatus filter: true for the latest definition, false for an old one, null for both. */
    private static Boolean provisioningStatus(JsonNode request) {
        JsonNode value = request.get("ProvisioningStatus");
        if (value == null || value.isNull()) {
            return null;
        }
        return switch (value.asText()) {
            case "LATEST_PERMISSION_SET_PROVISIONED" -> true;
            case "LATEST_PERMISSION_SET_NOT_PROVISIONED" -> false;
            default -> throw AwsError.validation(INVALID, "ProvisioningStatus must be"
                    + " LATEST_PERMISSION_SET_PROVISIONED or LATEST_PERMISSION_SET_NOT_PROVISIONED");
        };
    }

    /** A PermissionSet as DescribePermissionSet and CreatePermissionSet answer it. */
    static void describe(ObjectNode node, PermissionSet set, Instant created) {
        node.put("Name", set.name()).put("PermissionSetArn", set.arn())
                .put("SessionDuration", set.sessionDuration()).put("CreatedDate", created.getEpochSecond());
        if (set.description() != null) {
            node.put("Description", set.description());
        }
        if (set.relayState() != null) {
            node.put("RelayState", set.relayState());
        }
    }

    private String account(JsonNode request) {
        String account = SandboxHandler.required(request, "AccountId", INVALID);
        if (!account.matches("\\d{12}")) {
            throw AwsError.validation(INVALID, "AccountId must be 12 digits");
        }
        return account;
    }

    private static JsonNode text(String value) {
        return TextNode.valueOf(value);
    }
}
