package dev.gatehouse.permissionset;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.gatehouse.permissionset.internal.SpecComparison;

/**
 * What changes from one permission set definition to another, field by field, with the inline policy compared
 * statement by statement (whitespace, key order and statement order do not count), and whether the change can
 * give anyone more access. The rules of the verdict are in {@link #between}.
 *
 * @param fields       scalar fields that changed: name, description, sessionDuration, relayState, and the inline
 *                     policy's Version as "inlinePolicy.Version"
 * @param addsAccess   why the change adds access, one sentence each; empty when it cannot
 * @param removesAccess what the change takes away, one sentence each
 */
public record PermissionSetDiff(List<ValueChange> fields, Attachments<String> managedPolicies,
        Attachments<PolicyReference> customerManagedPolicies, TagChanges tags, Optional<BoundaryChange> boundary,
        List<StatementChange> statements, List<String> addsAccess, List<String> removesAccess) {

    public enum Verdict { ADDS_ACCESS, ONLY_REMOVES_ACCESS, NO_ACCESS_CHANGE }

    public record ValueChange(String field, String before, String after) {
    }

    public record Attachments<T>(List<T> attached, List<T> detached) {

        public boolean isEmpty() {
            return attached.isEmpty() && detached.isEmpty();
        }
    }

    /** @param changed each changed tag as its key with the value before and after */
    public record TagChanges(Map<String, String> added, Map<String, String> removed, List<ValueChange> changed) {

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    public record BoundaryChange(PermissionsBoundary before, PermissionsBoundary after) {
    }

    /**
     * One statement of the inline policy added, removed or changed.
     *
     * @param before     the statement before, indented as the editor shows it; empty when added
     * @param after      the statement after; empty when removed
     * @param beforeLine where it starts in the policy before (1-based), 0 when added
     * @param afterLine  where it starts in the policy after, 0 when removed
     * @param addsAccess whether this change alone may give more access
     */
    public record StatementChange(Kind kind, String sid, String before, String after, int beforeLine, int afterLine,
            boolean addsAccess) {

        public enum Kind { ADDED, REMOVED, CHANGED }
    }

    /**
     * Compares two definitions. The verdict is conservative: the change adds access when it attaches an AWS or
     * customer managed policy (a customer managed one is whatever each account defines), lengthens sessions,
     * removes or replaces the permissions boundary, adds an Allow statement or changes one in a way Gatehouse
     * cannot prove narrower, removes a Deny or narrows it, changes the Version where policy variables are used,
     * or changes an inline policy that is not JSON. It only removes access when all it does is detach policies,
     * shorten sessions, attach a boundary where there was none, remove or provably narrow Allows, and add or
     * widen Denies. Name, description, relay state and tags do not change access.
     */
    public static PermissionSetDiff between(PermissionSetSpec before, PermissionSetSpec after) {
        return SpecComparison.compare(before, after);
    }

    public Verdict verdict() {
        if (!addsAccess.isEmpty()) {
            return Verdict.ADDS_ACCESS;
        }
        return removesAccess.isEmpty() ? Verdict.NO_ACCESS_CHANGE : Verdict.ONLY_REMOVES_ACCESS;
    }

    public boolean isEmpty() {
        return fields.isEmpty() && managedPolicies.isEmpty() && customerManagedPolicies.isEmpty() && tags.isEmpty()
                && boundary.isEmpty() && statements.isEmpty();
    }
}
