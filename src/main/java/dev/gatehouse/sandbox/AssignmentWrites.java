package dev.gatehouse.sandbox;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.gatehouse.sandbox.SandboxOrganization.Assignment;

/**
 * Account assignment writes as AWS makes them: accepted IN_PROGRESS with a request id, finished a
 * moment later as SUCCEEDED (or FAILED, at the configured rate), polled through the Describe*Status
 * operations. A write while another one on the same permission set is in progress is a ConflictException;
 * repeating a create or a delete that is already true succeeds. With AWS's limits on, a sixteenth write
 * while fifteen are in progress is throttled, and a create that would provision a 501st permission set
 * to an account exceeds the quota.
 */
final class AssignmentWrites {

    static final int MAX_OUTSTANDING = 15;
    static final int MAX_PROVISIONED_PER_ACCOUNT = 500;

    private static final String INVALID = "ValidationException";

    private record Request(String id, boolean create, Assignment assignment, Instant received, Instant due,
                           boolean fails) {
    }

    private final SandboxOrganization org;
    private final Supplier<SandboxSettings> settings;
    private final Random random;
    private final Map<String, Request> requests = new ConcurrentHashMap<>();
    private final Set<String> applied = ConcurrentHashMap.newKeySet();

    AssignmentWrites(SandboxOrganization org, Supplier<SandboxSettings> settings) {
        this.org = org;
        this.settings = settings;
        this.random = new Random(settings.get().seed());
    }

    synchronized ObjectNode write(boolean create, JsonNode request) {
        Assignment assignment = assignment(request);
        finishDue();
        SandboxSettings current = settings.get();
        if (current.rateLimitScale() > 0) {
            enforceQuotas(create, assignment);
        }
        boolean busy = requests.values().stream().anyMatch(r -> !finished(r)
                && r.assignment().permissionSetArn().equals(assignment.permissionSetArn()));
        if (busy) {
            throw new AwsError(400, "ConflictException",
                    "Another operation on this permission set is in progress; try again");
        }
        Instant now = Instant.now();
        Request accepted = new Request(UUID.randomUUID().toString(), create, assignment, now,
                now.plus(current.writeDelay()), random.nextDouble() < current.writeFailureRate());
        requests.put(accepted.id(), accepted);
        ObjectNode out = SandboxHandler.object();
        status(out.putObject(create ? "AccountAssignmentCreationStatus" : "AccountAssignmentDeletionStatus"),
                accepted, "IN_PROGRESS");
        return out;
    }

    synchronized ObjectNode describe(boolean create, JsonNode request) {
        String field = create ? "AccountAssignmentCreationRequestId" : "AccountAssignmentDeletionRequestId";
        String id = SandboxHandler.required(request, field, INVALID);
        Request found = requests.get(id);
        if (found == null || found.create() != create) {
            throw new AwsError(400, "ResourceNotFoundException", "No request " + id);
        }
        finishDue();
        ObjectNode out = SandboxHandler.object();
        String state = !finished(found) ? "IN_PROGRESS" : found.fails() ? "FAILED" : "SUCCEEDED";
        ObjectNode status = out.putObject(create ? "AccountAssignmentCreationStatus"
                : "AccountAssignmentDeletionStatus");
        status(status, found, state);
        if (state.equals("FAILED")) {
            status.put("FailureReason", "Received a 409 status error: the IAM role quota for account "
                    + found.assignment().accountId() + " is reached");
        }
        return out;
    }

    /** Every accepted write so far in the order they arrived: when, and when it finished or will. */
    synchronized List<Sandbox.Write> accepted() {
        return requests.values().stream().sorted(Comparator.comparing(Request::received))
                .map(r -> new Sandbox.Write(r.create(), r.assignment(), r.received(), r.due())).toList();
    }

    private void enforceQuotas(boolean create, Assignment assignment) {
        if (requests.values().stream().filter(r -> !finished(r)).count() >= MAX_OUTSTANDING) {
            throw new AwsError(400, "ThrottlingException", "Rate exceeded: at most " + MAX_OUTSTANDING
                    + " account assignment operations may be in progress");
        }
        synchronized (org) {
            var provisioned = org.provisionedByAccount.getOrDefault(assignment.accountId(), Set.of());
            if (create && !provisioned.contains(assignment.permissionSetArn())
                    && provisioned.size() >= MAX_PROVISIONED_PER_ACCOUNT) {
                throw new AwsError(400, "ServiceQuotaExceededException", "Account " + assignment.accountId()
                        + " already has " + MAX_PROVISIONED_PER_ACCOUNT + " permission sets provisioned");
            }
        }
    }

    /** Applies every write whose time has come, once. */
    private void finishDue() {
        for (Request request : requests.values()) {
            if (finished(request) && !request.fails() && !applied.contains(request.id())) {
                if (request.create()) {
                    org.add(request.assignment());
                } else {
                    org.remove(request.assignment());
                }
                applied.add(request.id());
            }
        }
    }

    private static boolean finished(Request request) {
        return !Instant.now().isBefore(request.due());
    }

    private Assignment assignment(JsonNode request) {
        String account = SandboxHandler.required(request, "TargetId", INVALID);
        if (!"AWS_ACCOUNT".equals(SandboxHandler.required(request, "TargetType", INVALID))) {
            throw AwsError.validation(INVALID, "TargetType must be AWS_ACCOUNT");
        }
        String set = SandboxHandler.required(request, "PermissionSetArn", INVALID);
        String type = SandboxHandler.required(request, "PrincipalType", INVALID);
        String principal = SandboxHandler.required(request, "PrincipalId", INVALID);
        synchronized (org) {
            if (!org.accounts.containsKey(account)) {
                throw AwsError.validation(INVALID, "No account " + account + " in the organization");
            }
            if (!org.permissionSets.containsKey(set)) {
                throw new AwsError(400, "ResourceNotFoundException", "No permission set " + set);
            }
            boolean known = switch (type) {
                case "USER" -> org.users.containsKey(principal);
                case "GROUP" -> org.groups.containsKey(principal);
                default -> throw AwsError.validation(INVALID, "PrincipalType must be USER or GROUP");
            };
            if (!known) {
                throw new AwsError(400, "ResourceNotFoundException", "No " + type.toLowerCase() + " " + principal);
            }
        }
        return new Assignment(account, set, type, principal);
    }

    private static void status(ObjectNode node, Request request, String state) {
        Assignment a = request.assignment();
        node.put("Status", state).put("RequestId", request.id()).put("TargetId", a.accountId())
                .put("TargetType", "AWS_ACCOUNT").put("PermissionSetArn", a.permissionSetArn())
                .put("PrincipalType", a.principalType()).put("PrincipalId", a.principalId())
                .put("CreatedDate", request.due().getEpochSecond());
    }
}
