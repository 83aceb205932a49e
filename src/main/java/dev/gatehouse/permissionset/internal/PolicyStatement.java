package dev.gatehouse.permissionset.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One statement of an inline policy reduced to what it means for access, for comparing two versions of a
 * policy: action names in lower case (IAM ignores their case), every list as a sorted set (so "s3:GetObject"
 * and ["s3:GetObject"] are the same), and a canonical text in which key order, whitespace and Sid do not count.
 */
record PolicyStatement(int index, String sid, PolicyNode node, boolean deny, Part actions, Part resources,
        Map<String, Map<String, Set<String>>> conditions, boolean opaque, String canonical) {

    /** Action or NotAction, Resource or NotResource. */
    record Part(boolean not, Set<String> values) {
    }

    /** The statements of a policy document that are objects, in the order written. */
    static List<PolicyStatement> of(PolicyNode document) {
        PolicyNode statements = document.isObject() ? document.get("Statement") : null;
        List<PolicyStatement> all = new ArrayList<>();
        if (statements == null || !(statements.isArray() || statements.isObject())) {
            return all;
        }
        List<PolicyNode> each = statements.each();
        for (int i = 0; i < each.size(); i++) {
            if (each.get(i).isObject()) {
                all.add(read(i, each.get(i)));
            }
        }
        return all;
    }

    private static PolicyStatement read(int index, PolicyNode node) {
        PolicyNode sid = node.get("Sid");
        PolicyNode effect = node.get("Effect");
        Part actions = part(node, "Action", "NotAction", true);
        Part resources = part(node, "Resource", "NotResource", false);
        TreeMap<String, Map<String, Set<String>>> conditions = new TreeMap<>();
        // Anything Gatehouse does not read for meaning makes the statement comparable only as a whole.
        boolean opaque = false;
        PolicyNode condition = node.get("Condition");
        if (condition != null) {
            if (condition.isObject()) {
                for (PolicyNode.Entry operator : condition.entries()) {
                    if (!operator.value().isObject()) {
                        opaque = true;
                        continue;
                    }
                    Map<String, Set<String>> keys = conditions.computeIfAbsent(operator.key(), k -> new TreeMap<>());
                    for (PolicyNode.Entry key : operator.value().entries()) {
                        keys.computeIfAbsent(key.key().toLowerCase(Locale.ROOT), k -> new TreeSet<>())
                                .addAll(key.value().texts());
                    }
                }
            } else {
                opaque = true;
            }
        }
        StringBuilder canonical = new StringBuilder("{");
        canonical.append("\"Effect\":");
        PolicyPrinter.quote(effect == null ? "" : effect.text(), canonical);
        set(actions.not() ? "NotAction" : "Action", actions.values(), canonical);
        set(resources.not() ? "NotResource" : "Resource", resources.values(), canonical);
        canonical.append(",\"Condition\":{");
        boolean firstOperator = true;
        for (Map.Entry<String, Map<String, Set<String>>> operator : conditions.entrySet()) {
            canonical.append(firstOperator ? "" : ",");
            firstOperator = false;
            PolicyPrinter.quote(operator.getKey(), canonical);
            canonical.append(":{");
            boolean firstKey = true;
            for (Map.Entry<String, Set<String>> key : operator.getValue().entrySet()) {
                canonical.append(firstKey ? "" : ",");
                firstKey = false;
                PolicyPrinter.quote(key.getKey(), canonical);
                canonical.append(':');
                list(key.getValue(), canonical);
            }
            canonical.append('}');
        }
        canonical.append('}');
        TreeMap<String, String> others = new TreeMap<>();
        for (PolicyNode.Entry entry : node.entries()) {
            if (!Set.of("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource").contains(entry.key())
                    && !(entry.key().equals("Condition") && entry.value().isObject())) {
                others.put(entry.key(), PolicyPrinter.compact(entry.value()));
                opaque = true;
            }
        }
        others.forEach((key, value) -> {
            canonical.append(',');
            PolicyPrinter.quote(key, canonical);
            canonical.append(':').append(value);
        });
        canonical.append('}');
        return new PolicyStatement(index, sid == null ? "" : sid.text(), node,
                effect != null && effect.text().equals("Deny"), actions, resources, conditions, opaque,
                canonical.toString());
    }

    private static Part part(PolicyNode node, String plain, String negated, boolean ignoreCase) {
        boolean not = !node.has(plain) && node.has(negated);
        PolicyNode value = node.get(not ? negated : plain);
        Set<String> values = new TreeSet<>();
        if (value != null) {
            for (String text : value.texts()) {
                values.add(ignoreCase ? text.toLowerCase(Locale.ROOT) : text);
            }
        }
        return new Part(not, values);
    }

    private static void set(String key, Set<String> values, StringBuilder out) {
        out.append(',');
        PolicyPrinter.quote(key, out);
        out.append(':');
        list(values, out);
    }

    private static void list(Set<String> values, StringBuilder out) {
        out.append('[');
        boolean first = true;
        for (String value : values) {
            out.append(first ? "" : ",");
            first = false;
            PolicyPrinter.quote(value, out);
        }
        out.append(']');
    }

    /** "statement ReadLogs" by its Sid, else "statement 3" by its place. */
    String label() {
        return sid.isEmpty() ? "statement " + (index + 1) : "statement " + sid;
    }

    /** "s3:getobject on arn:aws:s3:::logs/*", for the reasons of a verdict. */
    String summary() {
        return (deny ? "Deny " : "Allow ") + (actions.not() ? "every action but " : "") + String.join(", ", actions.values())
                + " on " + (resources.not() ? "every resource but " : "") + String.join(", ", resources.values())
                + (conditions.isEmpty() ? "" : " under conditions");
    }
}
