package dev.gatehouse.permissionset;

import java.util.Optional;
import java.util.OptionalInt;

import dev.gatehouse.permissionset.internal.PolicyParser;
import dev.gatehouse.permissionset.internal.PolicyPaths;
import dev.gatehouse.permissionset.internal.PolicyPrinter;

/** An inline policy as text in the editor: formatting it, and finding the line an element is on. */
public final class InlinePolicyText {

    private InlinePolicyText() {
    }

    /**
     * The policy pretty-printed with two-space indents, keys in the order written; empty when the text is not
     * JSON ({@link PermissionSetValidator} says where). A blank text stays blank.
     */
    public static Optional<String> format(String policy) {
        if (policy == null || policy.isBlank()) {
            return Optional.of("");
        }
        PolicyParser.Parsed parsed = PolicyParser.parse(policy);
        return parsed.readable() ? Optional.of(PolicyPrinter.pretty(parsed.root())) : Optional.empty();
    }

    /**
     * The 1-based line on which the element at a path starts, as Access Analyzer names locations:
     * {@code Statement[1].Action[0]} (indexes from 0), keys with dots or brackets quoted as
     * {@code Condition["aws:ResourceTag/a.b"]}. {@code Statement[0]} also finds a single statement written
     * without a list, as {@code Action[0]} finds a single action. Empty when the text is not JSON or has no such element.
     */
    public static OptionalInt lineOf(String policy, String path) {
        if (policy == null || policy.isBlank() || path == null) {
            return OptionalInt.empty();
        }
        PolicyParser.Parsed parsed = PolicyParser.parse(policy);
        return parsed.readable() ? PolicyPaths.lineOf(parsed.root(), path) : OptionalInt.empty();
    }
}
