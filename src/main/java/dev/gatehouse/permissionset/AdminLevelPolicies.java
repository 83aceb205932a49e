package dev.gatehouse.permissionset;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.gatehouse.permissionset.internal.PolicyNode;
import dev.gatehouse.permissionset.internal.PolicyParser;
import dev.gatehouse.permissionset.internal.Wildcards;

/**
 * Whether a permission set's policies make its holder an administrator, in one place for reviews, the
 * last-admin guard and the editor's findings: the AWS managed AdministratorAccess or IAMFullAccess, or an
 * inline statement that allows {@code *} on {@code *}, every action but a few that leave IAM in, or an IAM
 * write (creating or changing users, roles, keys or their policies, or passing a role), which lets its holder
 * make themselves admin. Customer managed policies are defined in each account and cannot be judged here.
 */
public final class AdminLevelPolicies {

    private static final List<String> ADMIN_MANAGED_POLICIES = List.of("AdministratorAccess", "IAMFullAccess");

    /** IAM actions that let their holder give themselves more access. */
    private static final List<String> IAM_WRITES = List.of("CreateUser", "CreateRole", "CreateAccessKey",
            "CreateLoginProfile", "UpdateLoginProfile", "AttachUserPolicy", "AttachRolePolicy", "AttachGroupPolicy",
            "PutUserPolicy", "PutRolePolicy", "PutGroupPolicy", "CreatePolicyVersion", "SetDefaultPolicyVersion",
            "UpdateAssumeRolePolicy", "AddUserToGroup", "PassRole", "DeleteUserPermissionsBoundary",
            "DeleteRolePermissionsBoundary");

    private AdminLevelPolicies() {
    }

    /**
     * Why these policies are admin-level ("AWS managed AdministratorAccess", "inline policy allows * on *",
     * "inline policy allows IAM writes (iam:PutRolePolicy)"), or empty when they are not; an inline policy that
     * is not JSON says nothing.
     */
    public static Optional<String> reason(List<String> managedPolicyArns, String inlinePolicy) {
        for (String arn : managedPolicyArns) {
            String name = arn.substring(arn.lastIndexOf('/') + 1);
            if (ADMIN_MANAGED_POLICIES.contains(name)) {
                return Optional.of("AWS managed " + name);
            }
        }
        if (inlinePolicy == null || inlinePolicy.isBlank()) {
            return Optional.empty();
        }
        PolicyParser.Parsed parsed = PolicyParser.parse(inlinePolicy);
        return parsed.readable() ? inline(parsed.root()) : Optional.empty();
    }

    private static Optional<String> inline(PolicyNode document) {
        PolicyNode statements = document.get("Statement");
        if (statements == null || !(statements.isArray() || statements.isObject())) {
            return Optional.empty();
        }
        Optional<String> iamWrite = Optional.empty();
        for (PolicyNode statement : statements.each()) {
            PolicyNode effect = statement.get("Effect");
            if (effect == null || !"Allow".equalsIgnoreCase(effect.text())) {
                continue;
            }
            if (statement.has("NotAction")) {
                // Everything but a list of actions: admin-level unless IAM is among the exceptions.
                List<String> except = statement.get("NotAction").texts();
                if (except.stream().noneMatch(a -> a.equalsIgnoreCase("iam:*") || a.equals("*"))) {
                    return Optional.of("inline policy allows every action but " + String.join(", ", except));
                }
                continue;
            }
            List<String> actions = texts(statement.get("Action"));
            List<String> resources = texts(statement.get("Resource"));
            if (actions.contains("*") && (resources.contains("*") || statement.has("NotResource"))) {
                return Optional.of("inline policy allows * on *");
            }
            if (iamWrite.isEmpty()) {
                iamWrite = actions.stream().filter(AdminLevelPolicies::iamWrite).findFirst()
                        .map(action -> "inline policy allows IAM writes (" + action + ")");
            }
        }
        return iamWrite;
    }

    /** "iam:*", "iam:Put*", "iam:PassRole": an action pattern that covers one of {@link #IAM_WRITES}. */
    private static boolean iamWrite(String action) {
        return action.toLowerCase(Locale.ROOT).startsWith("iam:")
                && IAM_WRITES.stream().anyMatch(write -> Wildcards.matches(action, "iam:" + write, true));
    }

    private static List<String> texts(PolicyNode node) {
        return node == null ? List.of() : node.texts();
    }
}
