package dev.gatehouse.permissionset;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A permission set as the editor defines it, before AWS has seen it: what {@link PermissionSetValidator} checks
 * and {@link PermissionSetDiff} compares. Absent values are empty, never null.
 *
 * @param sessionDuration ISO-8601 as AWS takes it ("PT4H"); empty for AWS's default of one hour
 * @param inlinePolicy    the inline policy's JSON as typed, or empty for none
 */
public record PermissionSetSpec(String name, String description, String sessionDuration, String relayState,
        List<String> managedPolicyArns, List<PolicyReference> customerManagedPolicies, String inlinePolicy,
        PermissionsBoundary permissionsBoundary, Map<String, String> tags) {

    public PermissionSetSpec {
        name = text(name);
        description = text(description);
        sessionDuration = text(sessionDuration);
        relayState = text(relayState);
        managedPolicyArns = managedPolicyArns == null ? List.of()
                : managedPolicyArns.stream().map(PermissionSetSpec::text).toList();
        customerManagedPolicies = customerManagedPolicies == null ? List.of()
                : customerManagedPolicies.stream().filter(Objects::nonNull).toList();
        inlinePolicy = text(inlinePolicy);
        permissionsBoundary = permissionsBoundary == null ? PermissionsBoundary.NONE : permissionsBoundary;
        Map<String, String> copy = new LinkedHashMap<>();
        if (tags != null) {
            tags.forEach((key, value) -> copy.put(text(key), text(value)));
        }
        tags = Collections.unmodifiableMap(copy);
    }

    /** A permission set with only a name: no policies, AWS's default session. */
    public static PermissionSetSpec named(String name) {
        return new PermissionSetSpec(name, "", "", "", List.of(), List.of(), "", PermissionsBoundary.NONE, Map.of());
    }

    public PermissionSetSpec withName(String value) {
        return new PermissionSetSpec(value, description, sessionDuration, relayState, managedPolicyArns,
                customerManagedPolicies, inlinePolicy, permissionsBoundary, tags);
    }

    public PermissionSetSpec withDescription(String value) {
        return new PermissionSetSpec(name, value, sessionDuration, relayState, managedPolicyArns,
                customerManagedPolicies, inlinePolicy, permissionsBoundary, tags);
    }

    public PermissionSetSpec withSessionDuration(String value) {
        return new PermissionSetSpec(name, description, value, relayState, managedPolicyArns,
                customerManagedPolicies, inlinePolicy, permissionsBoundary, tags);
    }

    public PermissionSetSpec withRelayState(String value) {
        return new PermissionSetSpec(name, description, sessionDuration, value, managedPolicyArns,
                customerManagedPolicies, inlinePolicy, permissionsBoundary, tags);
    }

    public PermissionSetSpec withManagedPolicyArns(List<String> value) {
        return new PermissionSetSpec(name, description, sessionDuration, relayState, value,
                customerManagedPolicies, inlinePolicy, permissionsBoundary, tags);
    }

    public PermissionSetSpec withCustomerManagedPolicies(List<PolicyReference> value) {
        return new PermissionSetSpec(name, description, sessionDuration, relayState, managedPolicyArns, value,
                inlinePolicy, permissionsBoundary, tags);
    }

    public PermissionSetSpec withInlinePolicy(String value) {
        return new PermissionSetSpec(name, description, sessionDuration, relayState, managedPolicyArns,
                customerManagedPolicies, value, permissionsBoundary, tags);
    }

    public PermissionSetSpec withPermissionsBoundary(PermissionsBoundary value) {
        return new PermissionSetSpec(name, description, sessionDuration, relayState, managedPolicyArns,
                customerManagedPolicies, inlinePolicy, value, tags);
    }

    public PermissionSetSpec withTags(Map<String, String> value) {
        return new PermissionSetSpec(name, description, sessionDuration, relayState, managedPolicyArns,
                customerManagedPolicies, inlinePolicy, permissionsBoundary, value);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
