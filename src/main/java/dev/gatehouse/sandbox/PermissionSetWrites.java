package dev.gatehouse.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.gatehouse.sandbox.SandboxOrganization.CustomerManagedPolicy;
import dev.gatehouse.sandbox.SandboxOrganization.ManagedPolicy;
import dev.gatehouse.sandbox.SandboxOrganization.PermissionSet;

/**
 * Writes to permission sets as SSO Admin validates them: create, update and delete; inline, AWS managed and
 * customer managed policies; the permissions boundary; tags. A write takes effect at once and is refused with
 * ConflictException while the permission set is being provisioned; every write moves its last-modified time,
 * and every write but tagging leaves the accounts it is provisioned to with an old copy until provisioned again.
 */
final class PermissionSetWrites {

    static final int MAX_PERMISSION_SETS = 3_500;
    /** IAM's default quota of managed policies per role, which AWS managed and customer managed share. */
    static final int MAX_ATTACHED_POLICIES = 10;
    static final int MAX_INLINE_BYTES = 32_768;
    static final int MAX_INLINE_NON_WHITESPACE = 10_240;
    static final int MAX_TAGS = 50;
    private static final Duration SHORTEST_SESSION = Duration.ofHours(1);
    private static final Duration LONGEST_SESSION = Duration.ofHours(12);
    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
    private static final Pattern PATH = Pattern.compile("((/[A-Za-z0-9.,+@=_-]+)*)/");
    private static final Pattern MANAGED_ARN = Pattern.compile("arn:aws:iam::aws:policy/.+");
    private static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
    private static final String INVALID = "ValidationException";
    private static final ObjectMapper STRICT_JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final SandboxOrganization org;
    private final PermissionSetProvisioning provisioning;
    private final ManagedPolicyCatalogue catalogue;
    private final Random ids = new Random();

    PermissionSetWrites(SandboxOrganization org, PermissionSetProvisioning provisioning,
                        ManagedPolicyCatalogue catalogue) {
        this.org = org;
        this.provisioning = provisioning;
        this.catalogue = catalogue;
    }

    ObjectNode create(JsonNode request) {
        String name = SandboxHandler.required(request, "Name", INVALID);
        checkName("name", name, 32);
        String description = optional(request, "Description");
        String session = request.hasNonNull("SessionDuration") ? request.get("SessionDuration").asText() : "PT1H";
        String relayState = optional(request, "RelayState");
        checkDefinition(description, session, relayState);
        Map<String, String> tags = tags(request.path("Tags"));
        PermissionSet created;
        synchronized (org) {
            if (org.permissionSets.values().stream().anyMatch(s -> s.name().equals(name))) {
                throw new AwsError(400, "ConflictException", "PermissionSet with name " + name + " already exists.");
            }
            if (org.permissionSets.size() >= MAX_PERMISSION_SETS) {
                throw new AwsError(400, "ServiceQuotaExceededException", "You have exceeded AWS SSO limits. Cannot"
                        + " create more than " + MAX_PERMISSION_SETS + " permission sets in an instance.");
            }
            String arn = "arn:aws:sso:::permissionSet/" + SandboxOrganization.INSTANCE_ARN.substring(
                    SandboxOrganization.INSTANCE_ARN.lastIndexOf('/') + 1) + "/ps-" + newId();
            created = new PermissionSet(arn, name, description, session, relayState, List.of(), List.of(), null,
                    null, null, tags);
            org.add(created);
        }
        ObjectNode out = SandboxHandler.object();
        SsoAdminApi.describe(out.putObject("PermissionSet"), created, org.created(created.arn()));
        return out;
    }

    void update(JsonNode request, PermissionSet set) {
        String session = request.hasNonNull("SessionDuration") ? request.get("SessionDuration").asText()
                : set.sessionDuration();
        String description = request.hasNonNull("Description") ? request.get("Description").asText()
                : set.description();
        String relayState = request.hasNonNull("RelayState") ? request.get("RelayState").asText() : set.relayState();
        checkDefinition(description, session, relayState);
        write(set, s -> s.withDescription(description, session, relayState));
    }

    /** AWS refuses to delete a permission set that is provisioned to an account or assigned. */
    void delete(PermissionSet set) {
        provisioning.unlessProvisioning(set.arn(), () -> {
            synchronized (org) {
                if (org.inUse(set.arn())) {
                    throw new AwsError(400, "ConflictException",
                            "Could not delete because PermissionSet has ApplicationProfile associated with it");
                }
                org.removePermissionSet(set.arn());
            }
            return null;
        });
    }

    void putInlinePolicy(JsonNode request, PermissionSet set) {
        String policy = SandboxHandler.required(request, "InlinePolicy", INVALID);
        int bytes = policy.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_INLINE_BYTES) {
            throw AwsError.validation(INVALID, "1 validation error detected: Value at 'inlinePolicy' failed to"
                    + " satisfy constraint: Member must have length less than or equal to " + MAX_INLINE_BYTES);
        }
        long nonWhitespace = policy.codePoints().filter(c -> !Character.isWhitespace(c)).count();
        if (nonWhitespace > MAX_INLINE_NON_WHITESPACE) {
            throw AwsError.validation(INVALID, "The inline policy has " + nonWhitespace + " characters other than"
                    + " whitespace; at most " + MAX_INLINE_NON_WHITESPACE + " are allowed");
        }
        try {
            JsonNode document = STRICT_JSON.readTree(policy);
            if (!document.isObject()) {
                throw AwsError.validation(INVALID, "The inline policy must be a JSON object");
            }
        } catch (IOException e) {
            throw AwsError.validation(INVALID, "The inline policy is not valid JSON: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        write(set, s -> s.withInlinePolicy(policy));
    }

    void deleteInlinePolicy(PermissionSet set) {
        write(set, s -> s.withInlinePolicy(null));
    }

    void attachManagedPolicy(JsonNode request, PermissionSet set) {
        String arn = managedPolicyArn(request, "ManagedPolicyArn");
        write(set, s -> {
            if (s.managedPolicies().stream().anyMatch(p -> p.arn().equals(arn))) {
                throw new AwsError(400, "ConflictException", "Permission set with id " + id(s)
                        + " already has a typed link attachment to a manged policy with " + arn);
            }
            checkQuota(s);
            List<ManagedPolicy> policies = new ArrayList<>(s.managedPolicies());
            policies.add(new ManagedPolicy(arn.substring(arn.lastIndexOf('/') + 1), arn));
            return s.withManagedPolicies(policies);
        });
    }

    void detachManagedPolicy(JsonNode request, PermissionSet set) {
        String arn = SandboxHandler.required(request, "ManagedPolicyArn", INVALID);
        write(set, s -> {
            if (s.managedPolicies().stream().noneMatch(p -> p.arn().equals(arn))) {
                throw new AwsError(400, "ResourceNotFoundException", "Could not find ManagedPolicy with arn " + arn);
            }
            return s.withManagedPolicies(s.managedPolicies().stream().filter(p -> !p.arn().equals(arn)).toList());
        });
    }

    void attachCustomerManagedPolicy(JsonNode request, PermissionSet set) {
        CustomerManagedPolicy reference = reference(request.path("CustomerManagedPolicyReference"),
                "customerManagedPolicyReference");
        write(set, s -> {
            if (s.customerManagedPolicies().contains(reference)) {
                throw new AwsError(400, "ConflictException", "Given customer managed policy with name: "
                        + reference.name() + " and path " + reference.path() + " already attached");
            }
            checkQuota(s);
            List<CustomerManagedPolicy> policies = new ArrayList<>(s.customerManagedPolicies());
            policies.add(reference);
            return s.withCustomerManagedPolicies(policies);
        });
    }

    void detachCustomerManagedPolicy(JsonNode request, PermissionSet set) {
        CustomerManagedPolicy reference = reference(request.path("CustomerManagedPolicyReference"),
                "customerManagedPolicyReference");
        write(set, s -> {
            if (!s.customerManagedPolicies().contains(reference)) {
                throw new AwsError(400, "ResourceNotFoundException", "Given managed policy with name: "
                        + reference.name() + " and path " + reference.path() + " does not exist on PermissionSet");
            }
            return s.withCustomerManagedPolicies(s.customerManagedPolicies().stream()
                    .filter(p -> !p.equals(reference)).toList());
        });
    }

    void putPermissionsBoundary(JsonNode request, PermissionSet set) {
        JsonNode boundary = request.path("PermissionsBoundary");
        boolean managed = boundary.hasNonNull("ManagedPolicyArn");
        boolean customer = boundary.hasNonNull("CustomerManagedPolicyReference");
        if (managed == customer) {
            throw AwsError.validation(INVALID, "PermissionsBoundary needs exactly one of ManagedPolicyArn and"
                    + " CustomerManagedPolicyReference");
        }
        String arn = managed ? managedPolicyArn(boundary, "ManagedPolicyArn") : null;
        CustomerManagedPolicy reference = customer
                ? reference(boundary.get("CustomerManagedPolicyReference"), "customerManagedPolicyReference") : null;
        write(set, s -> s.withBoundary(arn, reference));
    }

    void deletePermissionsBoundary(PermissionSet set) {
        write(set, s -> {
            if (s.boundaryPolicyArn() == null && s.boundaryReference() == null) {
                throw new AwsError(400, "ResourceNotFoundException", "No permissions boundary on " + s.arn());
            }
            return s.withBoundary(null, null);
        });
    }

    void tag(JsonNode request, PermissionSet set) {
        Map<String, String> added = tags(request.path("Tags"));
        if (added.isEmpty()) {
            throw AwsError.validation(INVALID, "Tags is required");
        }
        tagWrite(set, s -> {
            Map<String, String> tags = new LinkedHashMap<>(s.tags());
            tags.putAll(added);
            if (tags.size() > MAX_TAGS) {
                throw new AwsError(400, "ServiceQuotaExceededException", "A permission set can have at most "
                        + MAX_TAGS + " tags");
            }
            return s.withTags(tags);
        });
    }

    void untag(JsonNode request, PermissionSet set) {
        JsonNode keys = request.path("TagKeys");
        if (!keys.isArray() || keys.isEmpty()) {
            throw AwsError.validation(INVALID, "TagKeys is required");
        }
        tagWrite(set, s -> {
            Map<String, String> tags = new LinkedHashMap<>(s.tags());
            keys.forEach(key -> tags.remove(key.asText()));
            return s.withTags(tags);
        });
    }

    private void write(PermissionSet set, UnaryOperator<PermissionSet> change) {
        provisioning.unlessProvisioning(set.arn(), () -> org.change(set.arn(), change, true));
    }

    /** Tags are not provisioned to accounts, so tagging leaves every account's copy as it was. */
    private void tagWrite(PermissionSet set, UnaryOperator<PermissionSet> change) {
        provisioning.unlessProvisioning(set.arn(), () -> org.change(set.arn(), change, false));
    }

    private String managedPolicyArn(JsonNode request, String field) {
        String arn = SandboxHandler.required(request, field, INVALID);
        if (!MANAGED_ARN.matcher(arn).matches()) {
            throw AwsError.validation(INVALID, "1 validation error detected: Value '" + arn + "' at '"
                    + Character.toLowerCase(field.charAt(0)) + field.substring(1) + "' failed to satisfy constraint:"
                    + " Member must satisfy regular expression pattern: arn:aws:iam::aws:policy/.+");
        }
        if (catalogue.byArn(arn).isEmpty()) {
            throw new AwsError(400, "ResourceNotFoundException", "Policy does not exist with ARN: " + arn);
        }
        return arn;
    }

    private static CustomerManagedPolicy reference(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw AwsError.validation(INVALID, field + " is required");
        }
        String name = SandboxHandler.required(node, "Name", INVALID);
        checkName(field + ".name", name, 128);
        String path = node.hasNonNull("Path") ? node.get("Path").asText() : "/";
        if (path.length() > 512 || !PATH.matcher(path).matches()) {
            throw AwsError.validation(INVALID, "1 validation error detected: Value '" + path + "' at '" + field
                    + ".path' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + PATH.pattern());
        }
        return new CustomerManagedPolicy(name, path);
    }

    private static void checkQuota(PermissionSet set) {
        if (set.attachedPolicyCount() >= MAX_ATTACHED_POLICIES) {
            throw new AwsError(400, "ServiceQuotaExceededException", "You have exceeded AWS SSO limits. Cannot"
                    + " create ManagedPolicy more than " + MAX_ATTACHED_POLICIES + " for id " + id(set)
                    + ". Please refer to https://docs.aws.amazon.com/singlesignon/latest/userguide/limits.html");
        }
    }

    private static void checkName(String field, String name, int longest) {
        if (name.length() > longest) {
            throw AwsError.validation(INVALID, "1 validation error detected: Value '" + name + "' at '" + field
                    + "' failed to satisfy constraint: Member must have length less than or equal to " + longest);
        }
        if (!NAME.matcher(name).matches()) {
            throw AwsError.validation(INVALID, "1 validation error detected: Value '" + name + "' at '" + field
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
        }
    }

    private static void checkDefinition(String description, String session, String relayState) {
        checkSession(session);
        if (description != null && description.length() > 700) {
            throw AwsError.validation(INVALID, "Description must be at most 700 characters");
        }
        if (relayState != null && relayState.length() > 240) {
            throw AwsError.validation(INVALID, "RelayState must be at most 240 characters");
        }
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

    private static Map<String, String> tags(JsonNode node) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return tags;
        }
        if (!node.isArray() || node.size() > MAX_TAGS) {
            throw AwsError.validation(INVALID, "Tags must be a list of at most " + MAX_TAGS);
        }
        for (JsonNode tag : node) {
            String key = SandboxHandler.required(tag, "Key", INVALID);
            String value = tag.path("Value").asText("");
            if (key.length() > 128 || !TAG_KEY.matcher(key).matches() || key.toLowerCase().startsWith("aws:")) {
                throw AwsError.validation(INVALID, "Tag key '" + key + "' is not valid: 1 to 128 letters, digits,"
                        + " spaces and _.:/=+-@, not starting with aws:");
            }
            if (value.length() > 256) {
                throw AwsError.validation(INVALID, "Tag value of '" + key + "' must be at most 256 characters");
            }
            tags.put(key, value);
        }
        return tags;
    }

    private static String optional(JsonNode request, String field) {
        return request.hasNonNull(field) ? request.get(field).asText() : null;
    }

    private static String id(PermissionSet set) {
        return set.arn().substring(set.arn().lastIndexOf('/') + 1);
    }

    private synchronized String newId() {
        byte[] bytes = new byte[8];
        ids.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
