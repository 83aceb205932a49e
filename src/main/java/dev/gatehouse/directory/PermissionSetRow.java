package dev.gatehouse.directory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A permission set as the directory shows it.
 *
 * @param sessionDuration how long a role session from it lasts; empty when AWS's answer was no duration
 * @param tags            by key
 * @param accounts        how many accounts it is provisioned to
 */
public record PermissionSetRow(String arn, String name, String description, Optional<Duration> sessionDuration,
                               String relayState, List<String> managedPolicies, List<String> customerManagedPolicies,
                               String inlinePolicy, String permissionsBoundary, Map<String, String> tags,
                               int accounts) {

    /** The longest role session AWS allows. */
    public static final Duration LONGEST_SESSION = Duration.ofHours(12);

    /**
     * The session duration, or {@link #LONGEST_SESSION} when it is not known: the safe guess for anything
     * that must end a session-length early.
     */
    public Duration sessionOrLongest() {
        return sessionDuration.orElse(LONGEST_SESSION);
    }

    /** Its policies on one line: "AWS managed ReadOnlyAccess, customer managed deploy, inline policy", or "No policies". */
    public String policySummary() {
        List<String> parts = new ArrayList<>();
        managedPolicies.forEach(arn -> parts.add("AWS managed " + arn.substring(arn.lastIndexOf('/') + 1)));
        customerManagedPolicies.forEach(name -> parts.add("customer managed " + name));
        if (!inlinePolicy.isEmpty()) {
            parts.add("inline policy");
        }
        if (!permissionsBoundary.isEmpty()) {
            parts.add("boundary " + permissionsBoundary);
        }
        return parts.isEmpty() ? "No policies" : String.join(", ", parts);
    }
}
