package dev.gatehouse.permissionset.internal;

import java.util.Map;
import java.util.Set;

/**
 * Whether one statement matches every request another matches, so that replacing the wide one by the narrow one
 * cannot add access (for Allows) or that the wide one still denies all the narrow one did (for Denies). Sound but
 * deliberately incomplete: where Gatehouse cannot prove coverage it answers no, and the change counts as
 * adding access.
 */
final class StatementCoverage {

    private StatementCoverage() {
    }

    static boolean covers(PolicyStatement wide, PolicyStatement narrow) {
        if (wide.canonical().equals(narrow.canonical())) {
            return true;
        }
        if (wide.deny() != narrow.deny() || wide.opaque() || narrow.opaque()) {
            return false;
        }
        return covers(wide.actions(), narrow.actions(), true) && covers(wide.resources(), narrow.resources(), false)
                && conditionsCover(wide.conditions(), narrow.conditions());
    }

    /** The values the narrow Action (or NotAction) part matches are all matched by the wide one. */
    private static boolean covers(PolicyStatement.Part wide, PolicyStatement.Part narrow, boolean ignoreCase) {
        if (!wide.not() && !narrow.not()) {
            return narrow.values().stream().allMatch(n -> anyCovers(wide.values(), n, ignoreCase));
        }
        if (wide.not() && narrow.not()) {
            // Everything but a list: the narrow one must leave out at least what the wide one leaves out.
            return wide.values().stream().allMatch(w -> anyCovers(narrow.values(), w, ignoreCase));
        }
        if (!wide.not()) {
            return wide.values().contains("*");
        }
        // Wide is "everything but", narrow a list: each narrow value must be a plain name none of the exceptions match.
        return narrow.values().stream().allMatch(n -> !Wildcards.hasWildcard(n)
                && wide.values().stream().noneMatch(w -> Wildcards.matches(w, n, ignoreCase)));
    }

    private static boolean anyCovers(Set<String> patterns, String value, boolean ignoreCase) {
        return patterns.stream().anyMatch(pattern -> Wildcards.covers(pattern, value, ignoreCase));
    }

    /** Conditions all have to hold: the narrow statement keeps each of the wide one's, with the same values. */
    private static boolean conditionsCover(Map<String, Map<String, Set<String>>> wide,
            Map<String, Map<String, Set<String>>> narrow) {
        for (Map.Entry<String, Map<String, Set<String>>> operator : wide.entrySet()) {
            Map<String, Set<String>> keys = narrow.get(operator.getKey());
            if (keys == null) {
                return false;
            }
            for (Map.Entry<String, Set<String>> key : operator.getValue().entrySet()) {
                if (!key.getValue().equals(keys.get(key.getKey()))) {
                    return false;
                }
            }
        }
        return true;
    }
}
