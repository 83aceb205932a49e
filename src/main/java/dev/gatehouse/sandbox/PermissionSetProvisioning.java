package dev.gatehouse.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.gatehouse.sandbox.SandboxOrganization.PermissionSet;

/**
 * ProvisionPermissionSet as AWS runs it: accepted IN_PROGRESS, finished a moment later as SUCCEEDED, or
 * FAILED with AWS's FailureReason when an account refuses the definition (an injected failure). Each account
 * that took the definition then holds the latest copy; a failed one keeps its old copy. At most three
 * provisionings run at a time (a fourth is throttled), and while one runs, every other write to that
 * permission set is a ConflictException.
 */
final class PermissionSetProvisioning {

    static final int MAX_CONCURRENT_PROVISIONING = 3;
    private static final String INVALID = "ValidationException";

    /**
     * One accepted request: the definition version it carries to the accounts; failureReason is set when it
     * finishes FAILED.
     */
    private static final class Request {
        final String id;
        final String permissionSetArn;
        final String target;
        final long version;
        final Instant due;
        String state = "IN_PROGRESS";
        String failureReason;

        Request(String id, String permissionSetArn, String target, long version, Instant due) {
            this.id = id;
            this.permissionSetArn = permissionSetArn;
            this.target = target;
            this.version = version;
            this.due = due;
        }
    }

    private final SandboxOrganization org;
    private final Supplier<SandboxSettings> settings;
    private final Map<String, Request> requests = new LinkedHashMap<>();

    PermissionSetProvisioning(SandboxOrganization org, Supplier<SandboxSettings> settings) {
        this.org = org;
        this.settings = settings;
    }

    synchronized ObjectNode provision(JsonNode request, PermissionSet set) {
        finishDue();
        String targetType = SandboxHandler.required(request, "TargetType", INVALID);
        if (!targetType.equals("ALL_PROVISIONED_ACCOUNTS") && !targetType.equals("AWS_ACCOUNT")) {
            throw AwsError.validation(INVALID, "TargetType must be AWS_ACCOUNT or ALL_PROVISIONED_ACCOUNTS");
        }
        String target = "";
        if (targetType.equals("AWS_ACCOUNT")) {
            target = SandboxHandler.required(request, "TargetId", INVALID);
            synchronized (org) {
                if (!org.accounts.containsKey(target)) {
                    throw AwsError.validation(INVALID, "No account " + target + " in the organization");
                }
            }
        }
        long running = requests.values().stream().filter(r -> r.state.equals("IN_PROGRESS")).count();
        if (running >= MAX_CONCURRENT_PROVISIONING) {
            throw new AwsError(400, "ThrottlingException", "Rate exceeded: at most "
                    + MAX_CONCURRENT_PROVISIONING + " permission sets may be provisioned at a time");
        }
        refuseWhileProvisioning(set.arn());
        Request accepted = new Request(UUID.randomUUID().toString(), set.arn(), target,
                org.definitionVersion(set.arn()), Instant.now().plus(settings.get().writeDelay()));
        requests.put(accepted.id, accepted);
        ObjectNode out = SandboxHandler.object();
        status(out.putObject("PermissionSetProvisioningStatus"), accepted);
        return out;
    }

    synchronized ObjectNode describe(JsonNode request) {
        finishDue();
        String id = SandboxHandler.required(request, "ProvisionPermissionSetRequestId", INVALID);
        Request found = requests.get(id);
        if (found == null) {
            throw new AwsError(400, "ResourceNotFoundException", "No provisioning request " + id);
        }
        ObjectNode out = SandboxHandler.object();
        status(out.putObject("PermissionSetProvisioningStatus"), found);
        return out;
    }

    /** ListPermissionSetProvisioningStatus: every request, optionally only those in one status. */
    synchronized void list(JsonNode request, ObjectNode out, Paging paging) {
        finishDue();
        JsonNode filter = request.path("Filter").path("Status");
        String status = filter.isMissingNode() || filter.isNull() ? null : filter.asText();
        if (status != null && !List.of("IN_PROGRESS", "FAILED", "SUCCEEDED").contains(status)) {
            throw AwsError.validation(INVALID, "Filter.Status must be IN_PROGRESS, FAILED or SUCCEEDED");
        }
        List<Request> matching = new ArrayList<>();
        for (Request r : requests.values()) {
            if (status == null || r.state.equals(status)) {
                matching.add(r);
            }
        }
        paging.page(out, "PermissionSetsProvisioningStatus", matching, request,
                "provisioning:" + (status == null ? "" : status), false,
                r -> SandboxHandler.object().put("Status", r.state).put("RequestId", r.id)
                        .put("CreatedDate", r.due.getEpochSecond()));
    }

    /**
     * Runs the write unless the permission set is being provisioned, as AWS refuses concurrent writes to
     * one permission set.
     */
    synchronized <T> T unlessProvisioning(String permissionSetArn, Supplier<T> write) {
        finishDue();
        refuseWhileProvisioning(permissionSetArn);
        return write.get();
    }

    /** Applies every provisioning whose time has come, once; reads call it so that state is current. */
    synchronized void finishDue() {
        Instant now = Instant.now();
        for (Request r : requests.values()) {
            if (r.state.equals("IN_PROGRESS") && !now.isBefore(r.due)) {
                finish(r);
            }
        }
    }

    private void finish(Request r) {
        List<String> accounts = r.target.isEmpty()
                ? List.copyOf(org.provisionedAccounts(r.permissionSetArn).keySet()) : List.of(r.target);
        String failure = null;
        for (String account : accounts) {
            String reason = org.provisioningFailure(account);
            if (reason != null) {
                failure = failure == null ? reason : failure;
            } else if (org.definitionVersion(r.permissionSetArn) == r.version) {
                // A change made in the console meanwhile is not what this request carried.
                org.provisioned(account, r.permissionSetArn, r.version);
            }
        }
        r.failureReason = failure;
        r.state = failure == null ? "SUCCEEDED" : "FAILED";
    }

    private void refuseWhileProvisioning(String permissionSetArn) {
        if (requests.values().stream().anyMatch(r -> r.state.equals("IN_PROGRESS")
                && r.permissionSetArn.equals(permissionSetArn))) {
            throw new AwsError(400, "ConflictException",
                    "Another operation on this permission set is in progress; try again");
        }
    }

    private static void status(ObjectNode node, Request r) {
        node.put("Status", r.state).put("RequestId", r.id).put("PermissionSetArn", r.permissionSetArn)
                .put("CreatedDate", r.due.getEpochSecond());
        if (!r.target.isEmpty()) {
            node.put("AccountId", r.target);
        }
        if (r.failureReason != null) {
            node.put("FailureReason", r.failureReason);
        }
    }
}
