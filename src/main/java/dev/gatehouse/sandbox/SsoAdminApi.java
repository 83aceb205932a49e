package dev.gatehouse.sandbox;

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
    private final Paging paging = new Paging(INVALID, 100);

    SsoAdminApi(SandboxOrganization org, AssignmentWrites writes, PermissionSetWrites permissionSetWrites) {
        this.org = org;
        this.writes = writes;
        this.permissionSetWrites = permissionSetWrites;
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
                ObjectNode node = out.putObject("PermissionSet").put("Name", set.name())
                        .put("PermissionSetArn", set.arn()).put("Description", set.description())
                        .put("SessionDuration", set.sessionDuration()).put("CreatedDate", 1_700_000_000);
                if (set.relayState() != null) {
                    node.put("RelayState", set.relayState());
                }
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
                if (set.boundaryPolicyArn() == null) {
                    throw new AwsError(400, "ResourceNotFoundException", "No permissions boundary on " + set.arn());
                }
                out.putObject("PermissionsBoundary").put("ManagedPolicyArn", set.boundaryPolicyArn());
            }
            case "ListTagsForResource" -> {
                String arn = SandboxHandler.required(request, "ResourceArn", INVALID);
                PermissionSet set;
                synchronized (org) {
                    set = org.permissionSets.get(arn);
                }
                if (set == null) {
                    throw new AwsError(400, "ResourceNotFoundException", "No resource " + arn);
                }
                paging.page(out, "Tags", List.copyOf(set.tags().entrySet()), request, "tags:" + arn, false,
                        (Map.Entry<String, String> tag) -> SandboxHandler.object().put("Key", tag.getKey())
                                .put("Value", tag.getValue()));
            }
            case "ListPermissionSetsProvisionedToAccount" -> {
                String account = account(request);
                List<String> arns;
                synchronized (org) {
                    arns = List.copyOf(org.provisionedByAccount.getOrDefault(account, Set.of()));
                }
                paging.page(out, "PermissionSets", arns, request, "provisioned:" + account, false, arn -> text(arn));
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
            case "UpdatePermissionSet" -> permissionSetWrites.update(request, permissionSet(request));
            case "ProvisionPermissionSet" -> out = permissionSetWrites.provision(request, permissionSet(request));
            case "DescribePermissionSetProvisioningStatus" -> out = permissionSetWrites.describe(request);
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
