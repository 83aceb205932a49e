package dev.gatehouse.review.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.gatehouse.directory.PermissionSetRow;

/**
 * Which access counts as admin-level, in one place. By name: AdministratorAccess, or a permission set named
 * BreakGlass. By what the directory mirror knows of its policies (added to the names by the reviewers' risk
 * flag and the due-date policy's last-admin guard): the AWS managed
 * AdministratorAccess or IAMFullAccess, or an inline statement that allows {@code *} on {@code *} or an IAM
 * write (creating or changing users, roles, keys or their policies, or passing a role), which lets its holder
 * make themselves admin. Customer managed policies live in each account, which the mirror does not read.
 */
public final class AdminLevelAccess {

    static final Set<String> PERMISSION_SETS = Set.of("AdministratorAccess", "BreakGlass");

    private static final Set<String> ADMIN_MANAGED_POLICIES = Set.of("AdministratorAccess", "IAMFullAccess");

    /** IAM actions that let their holder give themselves more access. */
    private static final List<String> IAM_WRITES = List.of("CreateUser", "CreateRole", "CreateAccessKey",
            "CreateLoginProfile", "UpdateLoginProfile", "AttachUserPolicy", "AttachRolePolicy", "AttachGroupPolicy",
            "PutUserPolicy", "PutRolePolicy", "PutGroupPolicy", "CreatePolicyVersion", "SetDefaultPolicyVersion",
            "UpdateAssumeRolePolicy", "AddUserToGroup", "PassRole", "DeleteUserPermissionsBoundary",
            "DeleteRolePermissionsBoundary");

    private static final ObjectMapper JSON = new ObjectMapper();

    private AdminLevelAccess() {
    }

    public static boolean is(String permissionSetName) {
        return PERMISSION_SETS.contains(permissionSetName);
    }

    /** Admin-level by name, or by policies as {@link #arns} found them. */
    static Condition condition(Field<String> permissionSetName, Field<String> permissionSetArn, Set<String> arns) {
        return permissionSetName.in(PERMISSION_SETS).or(arns.isEmpty() ? DSL.noCondition() : permissionSetArn.in(arns));
    }

    /** The ARNs of the permission sets whose policies make them admin-level (names alone aside). */
    public static Set<String> arns(Collection<PermissionSetRow> sets) {
        return sets.stream().filter(set -> byPolicies(set).isPresent()).map(PermissionSetRow::arn)
                .collect(Collectors.toSet());
    }

    /**
     * Why access to the permission set is admin-level ("AWS managed AdministratorAccess", "inline policy
     * allows * on *", "inline policy allows IAM writes (iam:PutRolePolicy)"), or empty when it is not, as far
     * as its name and the mirror's copy of its policies tell.
     */
    public static Optional<String> reason(String permissionSetName, Optional<PermissionSetRow> set) {
        Optional<String> policies = set.flatMap(AdminLevelAccess::byPolicies);
        return policies.isPresent() || !is(permissionSetName) ? policies : Optional.of("named " + permissionSetName);
    }

    private static Optional<String> byPolicies(PermissionSetRow set) {
        for (String arn : set.managedPolicies()) {
            String name = arn.substring(arn.lastIndexOf('/') + 1);
            if (ADMIN_MANAGED_POLICIES.contains(name)) {
                return Optional.of("AWS managed " + name);
            }
        }
        return inline(set.inlinePolicy());
    }

    private static Optional<String> inline(String policy) {
        if (policy.isBlank()) {
            return Optional.empty();
        }
        JsonNode document;
        try {
            document = JSON.readTree(policy);
        } catch (JsonProcessingException unreadable) {
            return Optional.empty();
        }
        JsonNode statements = document == null ? null : document.get("Statement");
        List<JsonNode> each = new ArrayList<>();
        if (statements != null && statements.isArray()) {
            statements.forEach(each::add);
        } else if (statements != null && statements.isObject()) {
            each.add(statements);
        }
        Optional<String> iamWrite = Optional.empty();
        for (JsonNode statement : each) {
            if (!"Allow".equalsIgnoreCase(statement.path("Effect").asText())) {
                continue;
            }
            List<String> actions = texts(statement.get("Action"));
            List<String> resources = texts(statement.get("Resource"));
            if (statement.has("NotAction")) {
                // Everything but a list of actions: admin-level unless IAM is among the exceptions.
                List<String> except = texts(statement.get("NotAction"));
                if (except.stream().noneMatch(a -> a.equalsIgnoreCase("iam:*") || a.equals("*"))) {
                    return Optional.of("inline policy allows every action but " + String.join(", ", except));
                }
                continue;
            }
            if (actions.contains("*") && (resources.contains("*") || statement.has("NotResource"))) {
                return Optional.of("inline policy allows * on *");
            }
            if (iamWrite.isEmpty()) {
                iamWrite = actions.stream().filter(AdminLevelAccess::iamWrite).findFirst()
                        .map(action -> "inline policy allows IAM writes (" + action + ")");
            }
        }
        return iamWrite;
    }

    /** "iam:*", "iam:Put*", "iam:PassRole": an action pattern that covers one of {@link #IAM_WRITES}. */
    private static boolean iamWrite(String action) {
        String lower = action.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("iam:")) {
            return false;
        }
        Pattern pattern = Pattern.compile(wildcard(lower.substring(4)));
        return IAM_WRITES.stream().anyMatch(write -> pattern.matcher(write.toLowerCase(Locale.ROOT)).matches());
    }

    private static String wildcard(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(switch (c) {
                case '*' -> ".*";
                case '?' -> ".";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        return regex.toString();
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node == null) {
            return texts;
        }
        if (node.isArray()) {
            node.forEach(each -> texts.add(each.asText()));
        } else {
            texts.add(node.asText());
        }
        return texts;
    }
}
