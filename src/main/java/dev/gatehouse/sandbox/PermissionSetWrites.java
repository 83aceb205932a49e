package dev.gatehouse.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.gatehouse.sandbox.SandboxOrganization.PermissionSet;

/**
 * Permission-set changes as AWS makes them: UpdatePermissionSet changes the definition at once;
 * ProvisionPermissionSet then pushes it to the accounts, accepted IN_PROGRESS and finished a moment
 * later, polled through DescribePermissionSetProvisioningStatus. At most three provisionings run at a
 * time (a fourth is throttled) and one permission set is provisioned once at a time (ConflictException).
 */
final class PermissionSetWrites {

    static final int MAX_CONCURRENT_PROVISIONING = 3;
    private static final Duration SHORTEST_SESSION = Duration.ofHours(1);
    private static final Duration LONGEST_SESSION = Duration.ofHours(12);
    private static final String INVALID = "ValidationException";

    private record Provisioning(String id, String permissionSetArn, String target, Instant due) {
    }

    private final SandboxOrganization org;
    private final Supplier<SandboxSettings> settings;
    private final Map<String, Provisioning> provisionings = new ConcurrentHashMap<>();

    PermissionSetWrites(SandboxOrganization org, Supplier<SandboxSettings> settings) {
        this.org = org;
        this.settings = settings;
    }

    void update(JsonNode request, PermissionSet set) {
        String session = request.hasNonNull("SessionDuration") ? request.get("SessionDuration").asText()
                : set.sessionDuration();
        String description = request.hasNonNull("Description") ? request.get("Description").asText()
                : set.description();
        String relayState = request.hasNonNull("RelayState") ? request.get("RelayState").asText() : set.relayState();
        checkSession(session);
        if (description.length() > 700) {
            throw AwsError.validation(INVALID, "Description must be at most 700 characters");
        }
        synchronized (org) {
            org.permissionSets.put(set.arn(), new PermissionSet(set.arn(), set.name(), description, session,
                    relayState, set.managedPolicies(), set.customerManagedPolicies(), set.inlinePolicy(),
                    set.boundaryPolicyArn(), set.tags()));
        }
    }

    synchronized ObjectNode provision(JsonNode request, PermissionSet set) {
        String targetType = SandboxHandler.required(request, "TargetType", INVALID);
        if (!targetType.equals("ALL_PROVISIONED_ACCOUNTS") && !targetType.equals("AWS_ACCOUNT")) {
            throw AwsError.validation(INVALID, "TargetType must be AWS_ACCOUNT or ALL_PROVISIONED_ACCOUNTS");
        }
        String target = targetType.equals("AWS_ACCOUNT") ? SandboxHandler.required(request, "TargetId", INVALID) : "";
        long running = provisionings.values().stream().filter(p -> !done(p)).count();
        if (running >= MAX_CONCURRENT_PROVISIONING) {
            throw new AwsError(400, "ThrottlingException", "Rate exceeded: at most "
                    + MAX_CONCURRENT_PROVISIONING + " permission sets may be provisioned at a time");
        }
        if (provisionings.values().stream().anyMatch(p -> !done(p) && p.permissionSetArn().equals(set.arn()))) {
            throw new AwsError(400, "ConflictException", "This permission set is being provisioned; try again");
        }
        Provisioning accepted = new Provisioning(UUID.randomUUID().toString(), set.arn(), target,
                Instant.now().plus(settings.get().writeDelay()));
        provisionings.put(accepted.id(), accepted);
        ObjectNode out = SandboxHandler.object();
        status(out.putObject("PermissionSetProvisioningStatus"), accepted, "IN_PROGRESS");
        return out;
    }

    ObjectNode describe(JsonNode request) {
        String id = SandboxHandler.required(request, "ProvisionPermissionSetRequestId", INVALID);
        Provisioning found = provisionings.get(id);
        if (found == null) {
            throw new AwsError(400, "ResourceNotFoundException", "No provisioning request " + id);
        }
        ObjectNode out = SandboxHandler.object();
        status(out.putObject("PermissionSetProvisioningStatus"), found, done(found) ? "SUCCEEDED" : "IN_PROGRESS");
        return out;
    }

    private static void checkSession(String session) {
        try {
            Duration duration = Duration.parse(session);
            if (duration.compareTo(SHORTEST_SESSION) >= 0 && duration.compareTo(LONGEST_SESSION) <= 0) {
                return;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw AwsError.validation(INVALID, "SessionDuration must be an ISO-8601 duration from PT1H to PT12H");
    }

    private static boolean done(Provisioning provisioning) {
        return !Instant.now().isBefore(provisioning.due());
    }

    private static void status(ObjectNode node, Provisioning p, String state) {
        node.put("Status", state).put("RequestId", p.id()).put("PermissionSetArn", p.permissionSetArn())
                .put("CreatedDate", p.due().getEpochSecond());
        if (!p.target().isEmpty()) {
            node.put("AccountId", p.target());
        }
    }
}
