package dev.gatehouse.aws;

import java.util.List;
import java.util.Map;

/**
 * A permission set with everything attached to it.
 *
 * @param sessionDuration            ISO-8601, e.g. PT4H
 * @param customerManagedPolicies    "path" + "name" of each customer-managed policy reference
 * @param inlinePolicy               JSON, or empty
 * @param permissionsBoundary        the boundary's managed policy ARN or customer-managed "path" + "name", or empty
 */
public record PermissionSetDetails(String arn, String name, String description, String sessionDuration,
                                   String relayState, List<String> managedPolicyArns,
                                   List<String> customerManagedPolicies, String inlinePolicy,
                                   String permissionsBoundary, Map<String, String> tags) {
}
