package dev.gatehouse.permissionset.internal;

import java.util.List;

import dev.gatehouse.permissionset.PolicyFinding.Severity;

/**
 * What Gatehouse itself warns about in an inline policy that IAM accepts: statements that make the holder an
 * administrator or let them become one. Access Analyzer's own checks come on top of these.
 */
final class PolicyRisks {

    private PolicyRisks() {
    }

    static void check(PolicyNode document, Findings findings) {
        PolicyNode statements = document.isObject() ? document.get("Statement") : null;
        if (statements == null || !(statements.isArray() || statements.isObject())) {
            return;
        }
        List<PolicyNode> each = statements.each();
        for (int i = 0; i < each.size(); i++) {
            PolicyNode statement = each.get(i);
            PolicyNode effect = statement.get("Effect");
            if (effect == null || !effect.text().equals("Allow") || !statement.has("Action")) {
                continue;
            }
            String label = "Statement " + (i + 1) + sid(statement);
            List<PolicyNode> actions = statement.get("Action").each();
            PolicyNode resource = statement.get("Resource");
            boolean everyResource = resource != null && resource.texts().contains("*");
            if (!everyResource) {
                continue;
            }
            if (actions.stream().anyMatch(action -> action.text().equals("*"))) {
                findings.add(Severity.SECURITY_WARNING, statement, "ALLOWS_EVERYTHING", label + " allows every action on "
                        + "every resource (* on *): whoever holds this permission set administers each account it is "
                        + "assigned in. Name the actions and resources they need.");
                continue;
            }
            for (PolicyNode action : actions) {
                String text = action.text();
                if (!text.toLowerCase(java.util.Locale.ROOT).startsWith("iam:")) {
                    continue;
                }
                if (text.equalsIgnoreCase("iam:*")) {
                    findings.add(Severity.SECURITY_WARNING, action, "IAM_EVERYTHING", label + " allows " + text
                            + " on every resource: the holder can create users and roles and attach any policy to "
                            + "them, so they can give themselves any access. Limit it to the IAM actions and roles needed.");
                } else if (Wildcards.matches(text, "iam:PassRole", true)) {
                    findings.add(Severity.SECURITY_WARNING, action, "PASS_ANY_ROLE", label + " allows " + text
                            + " on every resource: the holder can hand any role, an admin role included, to a service "
                            + "they control and act as it. Name the roles in Resource.");
                }
            }
        }
    }

    static String sid(PolicyNode statement) {
        PolicyNode sid = statement.get("Sid");
        return sid == null || sid.text().isEmpty() ? "" : " (" + sid.text() + ")";
    }
}
