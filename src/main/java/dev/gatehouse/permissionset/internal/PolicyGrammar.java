package dev.gatehouse.permissionset.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.gatehouse.permissionset.PolicyFinding.Severity;

/**
 * The IAM policy grammar for an identity-based policy (IAM's JSON policy element reference), each finding on the
 * line of the element it is about: what IAM would refuse is an ERROR, what it takes but likely misreads a WARNING.
 */
final class PolicyGrammar {

    private static final Set<String> DOCUMENT_KEYS = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_KEYS = Set.of("Sid", "Effect", "Action", "NotAction", "Resource",
            "NotResource", "Condition", "Principal", "NotPrincipal");
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]*");
    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9-]+:[A-Za-z0-9*?]+");
    private static final Pattern ARN = Pattern.compile("arn:[^:]*:[^:]*:[^:]*:[^:]*:.+");
    private static final Pattern CONDITION_KEY = Pattern.compile("[A-Za-z0-9-]+:\\S+");

    /** IAM's condition operators; each but Null also takes the IfExists suffix. */
    static final List<String> OPERATORS = List.of("StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
            "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike", "NumericEquals", "NumericNotEquals",
            "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals",
            "DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan",
            "DateGreaterThanEquals", "Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals", "ArnLike",
            "ArnNotEquals", "ArnNotLike", "Null");

    private PolicyGrammar() {
    }

    static void check(PolicyNode document, Findings findings) {
        if (!document.isObject()) {
            findings.error(document, "POLICY_NOT_AN_OBJECT",
                    "A policy is a JSON object, {\"Version\": ..., \"Statement\": [...]}, not " + kind(document) + ".");
            return;
        }
        for (PolicyNode.Entry entry : document.entries()) {
            if (!DOCUMENT_KEYS.contains(entry.key())) {
                findings.error(entry, "UNKNOWN_POLICY_ELEMENT", "\"" + entry.key() + "\" is not a policy element: "
                        + "a policy has Version, Statement and optionally Id" + suggestion(entry.key(), DOCUMENT_KEYS) + ".");
            }
        }
        version(document, findings);
        PolicyNode id = document.get("Id");
        if (id != null && !id.isString()) {
            findings.error(id, "ID_NOT_TEXT", "Id must be text in double quotes.");
        }
        PolicyNode statements = document.get("Statement");
        if (statements == null) {
            findings.add(Severity.ERROR, document, "STATEMENT_MISSING",
                    "The policy has no Statement: add \"Statement\": [{\"Effect\": \"Allow\", \"Action\": ..., \"Resource\": ...}].");
            return;
        }
        if (statements.isArray() && statements.items().isEmpty()) {
            findings.add(Severity.WARNING, statements, "STATEMENT_EMPTY", "The policy has no statements: it allows nothing.");
            return;
        }
        if (!statements.isArray() && !statements.isObject()) {
            findings.error(statements, "STATEMENT_NOT_A_LIST",
                    "Statement must be one statement {...} or a list of them [{...}, ...], not " + kind(statements) + ".");
            return;
        }
        Map<String, PolicyNode> sids = new HashMap<>();
        List<PolicyNode> each = statements.each();
        for (int i = 0; i < each.size(); i++) {
            statement(each.get(i), "Statement " + (i + 1), sids, findings);
        }
    }

    private static void version(PolicyNode document, Findings findings) {
        PolicyNode version = document.get("Version");
        if (version == null) {
            findings.add(Severity.WARNING, document, "VERSION_MISSING", "The policy has no Version, so IAM reads it as "
                    + "2008-10-17, where policy variables such as ${aws:username} are plain text: add \"Version\": \"2012-10-17\".");
        } else if (!version.isString() || !(version.text().equals("2012-10-17") || version.text().equals("2008-10-17"))) {
            findings.error(version, "VERSION_UNKNOWN", "Version must be \"2012-10-17\" (or the older \"2008-10-17\"), not "
                    + written(version) + ": it is the policy language's version, not a date of yours.");
        } else if (version.text().equals("2008-10-17")) {
            findings.add(Severity.SUGGESTION, version, "VERSION_OLD", "Version 2008-10-17 does not support policy "
                    + "variables: use \"2012-10-17\".");
        }
    }

    private static void statement(PolicyNode statement, String name, Map<String, PolicyNode> sids, Findings findings) {
        if (!statement.isObject()) {
            findings.error(statement, "STATEMENT_NOT_AN_OBJECT", name + " must be an object {...}, not " + kind(statement) + ".");
            return;
        }
        PolicyNode sid = statement.get("Sid");
        String label = name;
        if (sid != null) {
            if (!sid.isString() || !SID.matcher(sid.text()).matches()) {
                findings.error(sid, "SID_INVALID", name + ": Sid " + written(sid)
                        + " may contain only letters A-Z and a-z and digits 0-9.");
            } else if (!sid.text().isEmpty()) {
                label = name + " (" + sid.text() + ")";
                PolicyNode first = sids.putIfAbsent(sid.text(), sid);
                if (first != null) {
                    findings.error(sid, "SID_DUPLICATE", name + ": Sid " + sid.text() + " is already used by the statement on line "
                            + first.line() + ": each statement needs its own Sid.");
                }
            }
        }
        for (PolicyNode.Entry entry : statement.entries()) {
            if (entry.key().equals("Principal") || entry.key().equals("NotPrincipal")) {
                findings.error(entry, "PRINCIPAL_IN_IDENTITY_POLICY", label + ": " + entry.key() + " belongs in resource "
                        + "policies; a permission set's policy applies to whoever holds it, so remove " + entry.key() + ".");
            } else if (!STATEMENT_KEYS.contains(entry.key())) {
                findings.error(entry, "UNKNOWN_STATEMENT_ELEMENT", label + ": \"" + entry.key() + "\" is not a statement element"
                        + suggestion(entry.key(), STATEMENT_KEYS) + "; a statement has Sid, Effect, Action or NotAction, "
                        + "Resource or NotResource, and Condition.");
            }
        }
        PolicyNode effect = statement.get("Effect");
        if (effect == null) {
            findings.error(statement, "EFFECT_MISSING", label + " has no Effect: add \"Effect\": \"Allow\" or \"Deny\".");
        } else if (!effect.isString() || !(effect.text().equals("Allow") || effect.text().equals("Deny"))) {
            findings.error(effect, "EFFECT_INVALID", label + ": Effect must be \"Allow\" or \"Deny\" (with that "
                    + "capitalisation), not " + written(effect) + ".");
        }
        exactlyOne(statement, "Action", "NotAction", label, findings);
        exactlyOne(statement, "Resource", "NotResource", label, findings);
        for (String key : List.of("Action", "NotAction")) {
            values(statement, key, label, findings, value -> value.equals("*") || ACTION.matcher(value).matches(),
                    value -> "\"" + value + "\" is not an action: write service:Action, for example s3:GetObject, "
                            + "with * or ? as wildcards");
        }
        for (String key : List.of("Resource", "NotResource")) {
            values(statement, key, label, findings, value -> value.equals("*") || ARN.matcher(value).matches(),
                    value -> "\"" + value + "\" is not a resource: write an ARN, arn:partition:service:region:account:resource, "
                            + "or *");
        }
        PolicyNode condition = statement.get("Condition");
        if (condition != null) {
            condition(condition, label, findings);
        }
    }

    private static void exactlyOne(PolicyNode statement, String element, String negated, String label, Findings findings) {
        boolean plain = statement.has(element);
        boolean not = statement.has(negated);
        if (plain && not) {
            findings.error(statement.entry(negated).orElseThrow(), "BOTH_" + element.toUpperCase(Locale.ROOT) + "_AND_"
                    + negated.toUpperCase(Locale.ROOT), label + " has both " + element + " and " + negated + ": keep one.");
        } else if (!plain && !not) {
            findings.error(statement, element.toUpperCase(Locale.ROOT) + "_MISSING", label + " has no " + element
                    + ": add \"" + element + "\" (or " + negated + ").");
        }
    }

    private static void values(PolicyNode statement, String key, String label, Findings findings,
            java.util.function.Predicate<String> valid, java.util.function.Function<String, String> problem) {
        PolicyNode value = statement.get(key);
        if (value == null) {
            return;
        }
        if (value.isArray() && value.items().isEmpty()) {
            findings.error(value, key.toUpperCase(Locale.ROOT) + "_EMPTY", label + ": " + key + " is an empty list: name at least one.");
            return;
        }
        if (!value.isArray() && !value.isString()) {
            findings.error(value, key.toUpperCase(Locale.ROOT) + "_NOT_TEXT", label + ": " + key
                    + " must be text or a list of texts, not " + kind(value) + ".");
            return;
        }
        String code = key.equals("Action") || key.equals("NotAction") ? "ACTION_INVALID" : "RESOURCE_INVALID";
        for (PolicyNode item : value.each()) {
            if (!item.isString()) {
                findings.error(item, code, label + ": each " + key + " must be text in double quotes, not " + kind(item) + ".");
            } else if (!valid.test(item.text())) {
                findings.error(item, code, label + ": " + problem.apply(item.text()) + ".");
            }
        }
    }

    private static void condition(PolicyNode condition, String label, Findings findings) {
        if (!condition.isObject()) {
            findings.error(condition, "CONDITION_NOT_AN_OBJECT", label + ": Condition must be an object, "
                    + "{\"StringEquals\": {\"aws:RequestedRegion\": \"eu-west-1\"}}, not " + kind(condition) + ".");
            return;
        }
        for (PolicyNode.Entry operator : condition.entries()) {
            if (!operator(operator.key())) {
                String close = OPERATORS.stream().filter(known -> operator.key().toLowerCase(Locale.ROOT)
                        .contains(known.toLowerCase(Locale.ROOT))).findFirst().map(known -> " (did you mean " + known + "?)")
                        .orElse("");
                findings.error(operator, "CONDITION_OPERATOR_UNKNOWN", label + ": \"" + operator.key()
                        + "\" is not a condition operator" + close + "; IAM knows StringEquals, StringLike, ArnLike, "
                        + "NumericLessThan, DateGreaterThan, Bool, IpAddress, Null and the like, optionally with IfExists "
                        + "and a ForAllValues: or ForAnyValue: prefix.");
            }
            PolicyNode keys = operator.value();
            if (!keys.isObject()) {
                findings.error(keys, "CONDITION_NOT_AN_OBJECT", label + ": " + operator.key() + " must map condition keys "
                        + "to values, {\"aws:SourceIp\": \"203.0.113.0/24\"}, not " + kind(keys) + ".");
                continue;
            }
            for (PolicyNode.Entry key : keys.entries()) {
                if (!CONDITION_KEY.matcher(key.key()).matches()) {
                    findings.error(key, "CONDITION_KEY_INVALID", label + ": \"" + key.key() + "\" is not a condition key: "
                            + "write prefix:key, for example aws:SourceIp or s3:prefix.");
                }
                for (PolicyNode value : key.value().each()) {
                    if (value.isObject() || value.isArray()) {
                        findings.error(value, "CONDITION_VALUE_INVALID", label + ": the value of " + key.key()
                                + " must be text, a number, true or false, or a list of them.");
                    }
                }
            }
        }
    }

    static boolean operator(String name) {
        String base = name;
        if (base.startsWith("ForAllValues:")) {
            base = base.substring("ForAllValues:".length());
        } else if (base.startsWith("ForAnyValue:")) {
            base = base.substring("ForAnyValue:".length());
        }
        if (base.endsWith("IfExists") && !base.equals("NullIfExists")) {
            base = base.substring(0, base.length() - "IfExists".length());
        }
        return OPERATORS.contains(base);
    }

    private static String suggestion(String key, Set<String> known) {
        return known.stream().filter(candidate -> candidate.equalsIgnoreCase(key)).findFirst()
                .map(candidate -> " (did you mean " + candidate + "? names are case-sensitive)").orElse("");
    }

    static String kind(PolicyNode node) {
        return switch (node.kind()) {
            case OBJECT -> "an object";
            case ARRAY -> "a list";
            case STRING -> "the text \"" + node.text() + "\"";
            case NUMBER -> "the number " + node.text();
            case BOOLEAN -> node.text();
            case NULL -> "null";
        };
    }

    private static String written(PolicyNode node) {
        return node.isString() ? "\"" + node.text() + "\"" : kind(node);
    }
}
