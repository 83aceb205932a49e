package dev.gatehouse.permissionset.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.gatehouse.permissionset.PermissionSetDiff;
import dev.gatehouse.permissionset.PermissionSetDiff.Attachments;
import dev.gatehouse.permissionset.PermissionSetDiff.BoundaryChange;
import dev.gatehouse.permissionset.PermissionSetDiff.StatementChange;
import dev.gatehouse.permissionset.PermissionSetDiff.TagChanges;
import dev.gatehouse.permissionset.PermissionSetDiff.ValueChange;
import dev.gatehouse.permissionset.PermissionSetSpec;
import dev.gatehouse.permissionset.PermissionsBoundary;
import dev.gatehouse.permissionset.PolicyReference;
import dev.gatehouse.shared.IsoDuration;

/** Builds {@link PermissionSetDiff}s; the verdict's rules are documented on {@code PermissionSetDiff.between}. */
public final class SpecComparison {

    /** AWS's session when a permission set names none. */
    private static final Duration DEFAULT_SESSION = Duration.ofHours(1);

    private final List<String> adds = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();

    private SpecComparison() {
    }

    public static PermissionSetDiff compare(PermissionSetSpec before, PermissionSetSpec after) {
        return new SpecComparison().diff(before, after);
    }

    private PermissionSetDiff diff(PermissionSetSpec before, PermissionSetSpec after) {
        List<ValueChange> fields = new ArrayList<>();
        scalar("name", before.name(), after.name(), fields);
        scalar("description", before.description(), after.description(), fields);
        if (scalar("sessionDuration", before.sessionDuration(), after.sessionDuration(), fields)) {
            session(before.sessionDuration(), after.sessionDuration());
        }
        scalar("relayState", before.relayState(), after.relayState(), fields);
        Attachments<String> managed = attachments(before.managedPolicyArns(), after.managedPolicyArns());
        managed.attached().forEach(arn -> adds.add("Attaches the AWS managed policy " + arn + "."));
        managed.detached().forEach(arn -> removes.add("Detaches the AWS managed policy " + arn + "."));
        Attachments<PolicyReference> customer = attachments(before.customerManagedPolicies(),
                after.customerManagedPolicies());
        customer.attached().forEach(reference -> adds.add("Attaches the customer managed policy " + reference.describe()
                + ", which grants whatever each account defines under that name."));
        customer.detached().forEach(reference -> removes.add("Detaches the customer managed policy "
                + reference.describe() + "."));
        Optional<BoundaryChange> boundary = boundary(before.permissionsBoundary(), after.permissionsBoundary());
        List<StatementChange> statements = inlinePolicy(before.inlinePolicy(), after.inlinePolicy(), fields);
        return new PermissionSetDiff(List.copyOf(fields), managed, customer, tags(before.tags(), after.tags()), boundary,
                statements, List.copyOf(adds), List.copyOf(removes));
    }

    private static boolean scalar(String field, String before, String after, List<ValueChange> fields) {
        if (before.equals(after)) {
            return false;
        }
        fields.add(new ValueChange(field, before, after));
        return true;
    }

    private void session(String before, String after) {
        Optional<Duration> was = before.isBlank() ? Optional.of(DEFAULT_SESSION) : IsoDuration.parse(before);
        Optional<Duration> is = after.isBlank() ? Optional.of(DEFAULT_SESSION) : IsoDuration.parse(after);
        String change = "Sessions change from " + shown(before) + " to " + shown(after);
        if (was.isEmpty() || is.isEmpty()) {
            adds.add(change + ", and Gatehouse cannot read one of them as a duration.");
        } else if (is.get().compareTo(was.get()) > 0) {
            adds.add(change + ": a session outlives the assignment that opened it by longer.");
        } else if (is.get().compareTo(was.get()) < 0) {
            removes.add(change + ".");
        }
    }

    private static String shown(String session) {
        return session.isBlank() ? "AWS's default (PT1H)" : session;
    }

    private static <T> Attachments<T> attachments(List<T> before, List<T> after) {
        return new Attachments<>(after.stream().filter(each -> !before.contains(each)).distinct().toList(),
                before.stream().filter(each -> !after.contains(each)).distinct().toList());
    }

    private Optional<BoundaryChange> boundary(PermissionsBoundary before, PermissionsBoundary after) {
        if (before.equals(after)) {
            return Optional.empty();
        }
        if (before.isNone()) {
            removes.add("Attaches the permissions boundary " + after.describe() + ".");
        } else if (after.isNone()) {
            adds.add("Removes the permissions boundary " + before.describe() + ".");
        } else {
            adds.add("Replaces the permissions boundary " + before.describe() + " with " + after.describe()
                    + ", which Gatehouse cannot prove allows no more.");
        }
        return Optional.of(new BoundaryChange(before, after));
    }

    private static TagChanges tags(Map<String, String> before, Map<String, String> after) {
        Map<String, String> added = new LinkedHashMap<>();
        Map<String, String> removed = new LinkedHashMap<>();
        List<ValueChange> changed = new ArrayList<>();
        after.forEach((key, value) -> {
            if (!before.containsKey(key)) {
                added.put(key, value);
            } else if (!before.get(key).equals(value)) {
                changed.add(new ValueChange(key, before.get(key), value));
            }
        });
        before.forEach((key, value) -> {
            if (!after.containsKey(key)) {
                removed.put(key, value);
            }
        });
        return new TagChanges(Map.copyOf(added), Map.copyOf(removed), List.copyOf(changed));
    }

    private List<StatementChange> inlinePolicy(String beforeText, String afterText, List<ValueChange> fields) {
        if (beforeText.equals(afterText)) {
            return List.of();
        }
        PolicyParser.Parsed before = beforeText.isBlank() ? null : PolicyParser.parse(beforeText);
        PolicyParser.Parsed after = afterText.isBlank() ? null : PolicyParser.parse(afterText);
        if ((before != null && !before.readable()) || (after != null && !after.readable())) {
            adds.add("The inline policy " + (after != null && !after.readable() ? "after" : "before")
                    + " the change is not JSON, so Gatehouse cannot tell what the change allows.");
            return List.of();
        }
        PolicyNode beforeRoot = before == null ? null : before.root();
        PolicyNode afterRoot = after == null ? null : after.root();
        version(beforeRoot, afterRoot, beforeText + afterText, fields);
        List<PolicyStatement> was = beforeRoot == null ? List.of() : PolicyStatement.of(beforeRoot);
        List<PolicyStatement> is = afterRoot == null ? List.of() : PolicyStatement.of(afterRoot);
        return statements(was, is);
    }

    private void version(PolicyNode before, PolicyNode after, String texts, List<ValueChange> fields) {
        String was = version(before);
        String is = version(after);
        if (before == null || after == null || was.equals(is)) {
            return;
        }
        fields.add(new ValueChange("inlinePolicy.Version", was, is));
        if (texts.contains("${")) {
            adds.add("The policy's Version changes from " + shownVersion(was) + " to " + shownVersion(is)
                    + ", which changes how its policy variables (${...}) are read.");
        }
    }

    private static String version(PolicyNode document) {
        PolicyNode version = document == null || !document.isObject() ? null : document.get("Version");
        return version == null ? "" : version.text();
    }

    private static String shownVersion(String version) {
        return version.isEmpty() ? "none" : version;
    }

    /**
     * Pairs statements by Sid where both have one, the rest by canonical form; what stays unpaired was added or
     * removed. Whether each change adds access is judged against all statements of the other side: an Allow after
     * must be covered by some Allow before, and each Deny before by some Deny after.
     */
    private List<StatementChange> statements(List<PolicyStatement> was, List<PolicyStatement> is) {
        Map<PolicyStatement, PolicyStatement> pairs = new LinkedHashMap<>();
        List<PolicyStatement> unpairedBefore = new ArrayList<>(was);
        List<PolicyStatement> unpairedAfter = new ArrayList<>();
        for (PolicyStatement statement : is) {
            Optional<PolicyStatement> sameSid = statement.sid().isEmpty() ? Optional.empty()
                    : unpairedBefore.stream().filter(old -> old.sid().equals(statement.sid())).findFirst();
            sameSid.ifPresentOrElse(old -> {
                pairs.put(statement, old);
                unpairedBefore.remove(old);
            }, () -> unpairedAfter.add(statement));
        }
        for (PolicyStatement statement : List.copyOf(unpairedAfter)) {
            unpairedBefore.stream().filter(old -> old.canonical().equals(statement.canonical())).findFirst()
                    .ifPresent(old -> {
                        pairs.put(statement, old);
                        unpairedBefore.remove(old);
                        unpairedAfter.remove(statement);
                    });
        }
        List<StatementChange> changes = new ArrayList<>();
        for (PolicyStatement statement : is) {
            PolicyStatement old = pairs.get(statement);
            if (old == null) {
                boolean widens = !statement.deny() && !coveredBy(was, statement, false);
                if (widens) {
                    adds.add("Adds " + statement.label() + " (line " + statement.node().line() + "): " + statement.summary() + ".");
                } else if (statement.deny()) {
                    removes.add("Adds " + statement.label() + " (line " + statement.node().line() + "): " + statement.summary() + ".");
                }
                changes.add(change(StatementChange.Kind.ADDED, null, statement, widens));
            } else if (!old.canonical().equals(statement.canonical()) || !old.sid().equals(statement.sid())) {
                boolean widens = (!statement.deny() && !coveredBy(was, statement, false))
                        || (old.deny() && !coveredBy(is, old, true));
                if (widens) {
                    adds.add("Changes " + statement.label() + " (line " + statement.node().line() + ") in a way Gatehouse "
                            + "cannot prove narrower: now " + statement.summary() + ".");
                } else if (!old.canonical().equals(statement.canonical())) {
                    removes.add("Narrows " + statement.label() + " (line " + statement.node().line() + "): now "
                            + statement.summary() + ".");
                }
                changes.add(change(StatementChange.Kind.CHANGED, old, statement, widens));
            }
        }
        for (PolicyStatement old : unpairedBefore) {
            boolean widens = old.deny() && !coveredBy(is, old, true);
            if (widens) {
                adds.add("Removes " + old.label() + " (line " + old.node().line() + " before): " + old.summary() + ".");
            } else if (!old.deny()) {
                removes.add("Removes " + old.label() + " (line " + old.node().line() + " before): " + old.summary() + ".");
            }
            changes.add(change(StatementChange.Kind.REMOVED, old, null, widens));
        }
        return List.copyOf(changes);
    }

    /** Whether some statement of the policy with the same effect matches everything the statement matches. */
    private static boolean coveredBy(List<PolicyStatement> policy, PolicyStatement statement, boolean deny) {
        return policy.stream().filter(each -> each.deny() == deny).anyMatch(each -> StatementCoverage.covers(each, statement));
    }

    private static StatementChange change(StatementChange.Kind kind, PolicyStatement before, PolicyStatement after,
            boolean addsAccess) {
        String sid = after != null && !after.sid().isEmpty() ? after.sid() : before != null ? before.sid() : "";
        return new StatementChange(kind, sid, before == null ? "" : PolicyPrinter.pretty(before.node()),
                after == null ? "" : PolicyPrinter.pretty(after.node()), before == null ? 0 : before.node().line(),
                after == null ? 0 : after.node().line(), addsAccess);
    }
}
