package dev.gatehouse.permissionset.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.gatehouse.permissionset.AdminLevelPolicies;
import dev.gatehouse.permissionset.PermissionSetSpec;
import dev.gatehouse.permissionset.PermissionsBoundary;
import dev.gatehouse.permissionset.PolicyFinding;
import dev.gatehouse.permissionset.PolicyFinding.Severity;
import dev.gatehouse.permissionset.PolicyReference;
import dev.gatehouse.shared.IsoDuration;

/**
 * The checks behind {@code PermissionSetValidator}: SSO Admin's quotas and patterns for each field (its API
 * reference), then the inline policy's syntax, grammar and risks.
 */
public final class SpecChecks {

    static final int NAME_MAX = 32;
    static final int DESCRIPTION_MAX = 700;
    static final int RELAY_STATE_MAX = 240;
    static final Duration SESSION_MIN = Duration.ofHours(1);
    static final Duration SESSION_MAX = Duration.ofHours(12);
    static final int POLICY_BYTES_MAX = 32_768;
    static final int POLICY_CHARACTERS_MAX = 10_240;
    static final int POLICIES_MAX = 10;
    static final int TAGS_MAX = 50;
    static final int TAG_KEY_MAX = 128;
    static final int TAG_VALUE_MAX = 256;
    static final int POLICY_NAME_MAX = 128;
    static final int POLICY_PATH_MAX = 512;

    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
    private static final Pattern DESCRIPTION = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*");
    private static final Pattern RELAY_STATE = Pattern.compile("[a-zA-Z0-9&$@#\\\\/%?=~\\-_'\"|!:,.;*+\\[\\] (){}]+");
    private static final Pattern AWS_MANAGED_ARN = Pattern.compile("arn:aws(-cn|-us-gov|-iso|-iso-b)?:iam::aws:policy/([\\w+=,.@-]+/)*[\\w+=,.@-]+");
    private static final Pattern ACCOUNT_POLICY_ARN = Pattern.compile("arn:[\\w-]+:iam::\\d{12}:policy/.*");
    private static final Pattern POLICY_PATH = Pattern.compile("(/[A-Za-z0-9.,+@=_-]+)*/");
    private static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private SpecChecks() {
    }

    public static List<PolicyFinding> check(PermissionSetSpec spec) {
        Findings findings = Findings.into("name");
        name(spec.name(), findings);
        description(spec.description(), findings.about("description"));
        sessionDuration(spec.sessionDuration(), findings.about("sessionDuration"));
        relayState(spec.relayState(), findings.about("relayState"));
        managedPolicies(spec.managedPolicyArns(), findings.about("managedPolicyArns"));
        customerManaged(spec.customerManagedPolicies(), findings.about("customerManagedPolicies"));
        int attached = spec.managedPolicyArns().size() + spec.customerManagedPolicies().size();
        if (attached > POLICIES_MAX) {
            findings.about(spec.customerManagedPolicies().isEmpty() ? "managedPolicyArns" : "customerManagedPolicies")
                    .error("TOO_MANY_POLICIES", attached + " policies are attached (" + spec.managedPolicyArns().size()
                            + " AWS managed, " + spec.customerManagedPolicies().size() + " customer managed): IAM allows "
                            + POLICIES_MAX + " per role. Combine some, or move their statements into the inline policy.");
        }
        boundary(spec, findings.about("permissionsBoundary"));
        tags(spec.tags(), findings.about("tags"));
        inlinePolicy(spec.inlinePolicy(), findings.about("inlinePolicy"));
        return List.copyOf(findings.list());
    }

    private static void name(String name, Findings findings) {
        if (name.isEmpty()) {
            findings.error("NAME_MISSING", "Give the permission set a name.");
            return;
        }
        if (name.length() > NAME_MAX) {
            findings.error("NAME_TOO_LONG", "The name has " + name.length() + " characters: AWS allows at most " + NAME_MAX + ".");
        }
        if (!NAME.matcher(name).matches()) {
            findings.error("NAME_INVALID", "The name may contain only letters, digits and + = , . @ _ -, not "
                    + outside(name, NAME) + ".");
        }
    }

    private static void description(String description, Findings findings) {
        if (description.length() > DESCRIPTION_MAX) {
            findings.error("DESCRIPTION_TOO_LONG", "The description has " + description.length()
                    + " characters: AWS allows at most " + DESCRIPTION_MAX + ".");
        }
        if (!DESCRIPTION.matcher(description).matches()) {
            findings.error("DESCRIPTION_INVALID", "AWS takes only Latin-1 letters and signs in a description, not "
                    + outside(description, DESCRIPTION) + ".");
        }
    }

    private static void sessionDuration(String session, Findings findings) {
        if (session.isBlank()) {
            return;
        }
        Optional<Duration> duration = IsoDuration.parse(session);
        if (duration.isEmpty()) {
            findings.error("SESSION_DURATION_INVALID", "\"" + session + "\" is not an ISO-8601 duration: write PT4H for "
                    + "four hours, PT1H30M for an hour and a half.");
        } else if (duration.get().compareTo(SESSION_MIN) < 0 || duration.get().compareTo(SESSION_MAX) > 0) {
            findings.error("SESSION_DURATION_OUT_OF_RANGE", "Sessions must last from 1 to 12 hours (PT1H to PT12H), not "
                    + session + ".");
        }
    }

    private static void relayState(String relayState, Findings findings) {
        if (relayState.isEmpty()) {
            return;
        }
        if (relayState.length() > RELAY_STATE_MAX) {
            findings.error("RELAY_STATE_TOO_LONG", "The relay state has " + relayState.length()
                    + " characters: AWS allows at most " + RELAY_STATE_MAX + ".");
        }
        if (!RELAY_STATE.matcher(relayState).matches()) {
            findings.error("RELAY_STATE_INVALID", "AWS does not take " + outside(relayState, RELAY_STATE)
                    + " in a relay state.");
        }
        Optional<URI> address = address(relayState);
        if (address.isEmpty()) {
            findings.error("RELAY_STATE_NOT_AN_ADDRESS", "The relay state is where the console opens after sign-in: "
                    + "an https:// address such as https://console.aws.amazon.com/ec2/, not \"" + relayState + "\".");
        } else if (address.get().getScheme().equalsIgnoreCase("http")) {
            findings.add(Severity.WARNING, 0, 0, "RELAY_STATE_NOT_HTTPS", "The relay state is an http:// address: the "
                    + "AWS console is served over https://.");
        }
    }

    private static Optional<URI> address(String text) {
        try {
            URI uri = new URI(text);
            boolean web = uri.getScheme() != null && (uri.getScheme().equalsIgnoreCase("https")
                    || uri.getScheme().equalsIgnoreCase("http"));
            return web && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException notAnAddress) {
            return Optional.empty();
        }
    }

    private static void managedPolicies(List<String> arns, Findings findings) {
        Set<String> seen = new HashSet<>();
        for (String arn : arns) {
            if (arn.isBlank()) {
                findings.error("MANAGED_POLICY_MISSING", "An AWS managed policy is empty: pick a policy or remove the line.");
            } else if (ACCOUNT_POLICY_ARN.matcher(arn).matches()) {
                findings.error("MANAGED_POLICY_IN_AN_ACCOUNT", arn + " is a policy of one account: a permission set names "
                        + "such policies as customer managed policies, by name and path, and each account must have it.");
            } else if (!AWS_MANAGED_ARN.matcher(arn).matches()) {
                findings.error("MANAGED_POLICY_ARN_INVALID", "\"" + arn + "\" is not the ARN of an AWS managed policy, "
                        + "arn:aws:iam::aws:policy/ReadOnlyAccess for example.");
            } else if (!seen.add(arn)) {
                findings.error("MANAGED_POLICY_DUPLICATE", arn + " is attached twice.");
            }
        }
    }

    private static void customerManaged(List<PolicyReference> references, Findings findings) {
        Set<PolicyReference> seen = new HashSet<>();
        for (PolicyReference reference : references) {
            if (!reference(reference, "customer managed policy", findings)) {
                continue;
            }
            if (!seen.add(reference)) {
                findings.error("CUSTOMER_MANAGED_POLICY_DUPLICATE", "Customer managed policy " + reference.describe()
                        + " is attached twice.");
                continue;
            }
            findings.add(Severity.WARNING, 0, 0, "CUSTOMER_MANAGED_POLICY", "Customer managed policy "
                    + reference.describe() + " is defined in each account, not here: whoever can edit IAM policies in an "
                    + "account decides what it grants there, and an account without it fails to provision.");
        }
    }

    /** Whether the reference is well formed; says why not when it is not. */
    private static boolean reference(PolicyReference reference, String what, Findings findings) {
        boolean valid = true;
        String name = reference.name();
        if (name.isBlank()) {
            findings.error("POLICY_NAME_MISSING", "A " + what + " needs a name.");
            return false;
        }
        if (name.length() > POLICY_NAME_MAX) {
            findings.error("POLICY_NAME_TOO_LONG", "The " + what + " name " + name + " has " + name.length()
                    + " characters: IAM allows at most " + POLICY_NAME_MAX + ".");
            valid = false;
        }
        if (!NAME.matcher(name).matches()) {
            findings.error("POLICY_NAME_INVALID", "The " + what + " name \"" + name + "\" may contain only letters, "
                    + "digits and + = , . @ _ -, not " + outside(name, NAME) + ".");
            valid = false;
        }
        String path = reference.path();
        if (path.length() > POLICY_PATH_MAX) {
            findings.error("POLICY_PATH_TOO_LONG", "The path of " + what + " " + name + " has " + path.length()
                    + " characters: IAM allows at most " + POLICY_PATH_MAX + ".");
            valid = false;
        } else if (!POLICY_PATH.matcher(path).matches()) {
            findings.error("POLICY_PATH_INVALID", "The path of " + what + " " + name + ", \"" + path + "\", must start "
                    + "and end with / (\"/\", or \"/team/\"), with letters, digits and . , + @ = _ - between.");
            valid = false;
        }
        return valid;
    }

    private static void boundary(PermissionSetSpec spec, Findings findings) {
        PermissionsBoundary boundary = spec.permissionsBoundary();
        if (boundary instanceof PermissionsBoundary.ManagedPolicy managed) {
            if (!AWS_MANAGED_ARN.matcher(managed.arn()).matches()) {
                findings.error("BOUNDARY_ARN_INVALID", "\"" + managed.arn() + "\" is not the ARN of an AWS managed policy: "
                        + "a boundary from one account is named as a customer managed policy, by name and path.");
            }
        } else if (boundary instanceof PermissionsBoundary.CustomerManaged customer) {
            if (reference(customer.reference(), "boundary policy", findings)) {
                findings.add(Severity.WARNING, 0, 0, "CUSTOMER_MANAGED_BOUNDARY", "The boundary, customer managed policy "
                        + customer.reference().describe() + ", is defined in each account: whoever can edit IAM policies "
                        + "in an account can widen it there.");
            }
        }
        Optional<String> adminLevel = AdminLevelPolicies.reason(spec.managedPolicyArns(), spec.inlinePolicy());
        if (adminLevel.isPresent() && boundary.isNone()) {
            findings.add(Severity.SECURITY_WARNING, 0, 0, "ADMIN_WITHOUT_BOUNDARY", "This permission set gives admin-level "
                    + "access (" + adminLevel.get() + ") and has no permissions boundary: its holder can do anything in "
                    + "each account it is assigned in, including giving themselves more. Attach a boundary unless it is "
                    + "meant for administrators.");
        }
    }

    private static void tags(Map<String, String> tags, Findings findings) {
        if (tags.size() > TAGS_MAX) {
            findings.error("TOO_MANY_TAGS", tags.size() + " tags: AWS allows at most " + TAGS_MAX + ".");
        }
        tags.forEach((key, value) -> {
            if (key.isEmpty()) {
                findings.error("TAG_KEY_MISSING", "A tag has no key.");
                return;
            }
            if (key.length() > TAG_KEY_MAX) {
                findings.error("TAG_KEY_TOO_LONG", "The tag key " + key + " has " + key.length()
                        + " characters: AWS allows at most " + TAG_KEY_MAX + ".");
            }
            if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
                findings.error("TAG_KEY_RESERVED", "The tag key " + key + " starts with aws:, which AWS keeps for itself.");
            }
            if (!TAG_TEXT.matcher(key).matches()) {
                findings.error("TAG_KEY_INVALID", "The tag key " + key + " may contain letters, digits, spaces and "
                        + "_ . : / = + - @, not " + outside(key, TAG_TEXT) + ".");
            }
            if (value.length() > TAG_VALUE_MAX) {
                findings.error("TAG_VALUE_TOO_LONG", "The value of tag " + key + " has " + value.length()
                        + " characters: AWS allows at most " + TAG_VALUE_MAX + ".");
            }
            if (!TAG_TEXT.matcher(value).matches()) {
                findings.error("TAG_VALUE_INVALID", "The value of tag " + key + " may contain letters, digits, spaces and "
                        + "_ . : / = + - @, not " + outside(value, TAG_TEXT) + ".");
            }
        });
    }

    private static void inlinePolicy(String policy, Findings findings) {
        if (policy.isBlank()) {
            return;
        }
        int bytes = policy.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > POLICY_BYTES_MAX) {
            findings.error("POLICY_TOO_LARGE", String.format("The inline policy is %,d bytes: AWS allows at most %,d.",
                    bytes, POLICY_BYTES_MAX));
        }
        long characters = policy.codePoints().filter(c -> !Character.isWhitespace(c)).count();
        if (characters > POLICY_CHARACTERS_MAX) {
            findings.error("POLICY_TOO_LONG", String.format("The inline policy has %,d characters besides spaces and line "
                    + "breaks: AWS allows at most %,d. Move statements into a managed policy, or use wildcards.",
                    characters, POLICY_CHARACTERS_MAX));
        }
        PolicyParser.Parsed parsed = PolicyParser.parse(policy);
        if (!parsed.readable()) {
            PolicyParser.SyntaxError error = parsed.error();
            findings.add(Severity.ERROR, error.line(), error.column(), "JSON_SYNTAX", error.message());
            return;
        }
        for (PolicyNode.Entry duplicate : parsed.duplicateKeys()) {
            findings.error(duplicate, "DUPLICATE_KEY", "\"" + duplicate.key() + "\" appears twice in the same object: "
                    + "readers keep only one of them. Merge the two.");
        }
        PolicyGrammar.check(parsed.root(), findings);
        PolicyRisks.check(parsed.root(), findings);
    }

    /** The characters of the text the pattern does not allow, for a message: "' ', '!'". */
    private static String outside(String text, Pattern allowed) {
        return text.codePoints().filter(c -> !allowed.matcher(new String(Character.toChars(c))).matches()).distinct()
                .limit(5).mapToObj(c -> c == ' ' ? "spaces" : "'" + new String(Character.toChars(c)) + "'")
                .collect(Collectors.joining(", "));
    }
}
