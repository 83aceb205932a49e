package dev.gatehouse.directory;

import java.util.List;

/**
 * A permission set as the directory shows it.
 *
 * @param accounts how many accounts it is provisioned to
 */
public record PermissionSetRow(String arn, String name, String description, String sessionDuration,
                               String relayState, List<String> managedPolicies, List<String> customerManagedPolicies,
                               String inlinePolicy, String permissionsBoundary, List<String> tags, int accounts) {
}
