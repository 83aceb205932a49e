package dev.gatehouse.permissionset.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Paths into a policy as Access Analyzer names its findings' locations: {@code Statement[1].Action[0]}. */
public final class PolicyPaths {

    private PolicyPaths() {
    }

    public static OptionalInt lineOf(PolicyNode root, String path) {
        List<Object> steps = steps(path.strip());
        if (steps == null) {
            return OptionalInt.empty();
        }
        PolicyNode at = root;
        for (Object step : steps) {
            if (step instanceof Integer index) {
                if (at.isArray()) {
                    if (index >= at.items().size()) {
                        return OptionalInt.empty();
                    }
                    at = at.items().get(index);
                } else if (index != 0) {
                    // A single value written without a list is that list's only item.
                    return OptionalInt.empty();
                }
            } else {
                PolicyNode next = at.get((String) step);
                if (next == null) {
                    return OptionalInt.empty();
                }
                at = next;
            }
        }
        return OptionalInt.of(at.line());
    }

    /** Keys as Strings, indexes as Integers; null when the path cannot be read. */
    static List<Object> steps(String path) {
        List<Object> steps = new ArrayList<>();
        int i = 0;
        int n = path.length();
        while (i < n) {
            char c = path.charAt(i);
            if (c == '.') {
                i++;
                if (i >= n || path.charAt(i) == '.' || path.charAt(i) == '[') {
                    return null;
                }
            } else if (c == '[') {
                int close = path.indexOf(']', i);
                if (i + 1 < n && path.charAt(i + 1) == '"') {
                    close = path.indexOf("\"]", i + 2);
                    if (close < 0) {
                        return null;
                    }
                    steps.add(path.substring(i + 2, close));
                    i = close + 2;
                    continue;
                }
                if (close < 0) {
                    return null;
                }
                try {
                    int index = Integer.parseInt(path.substring(i + 1, close).strip());
                    if (index < 0) {
                        return null;
                    }
                    steps.add(index);
                } catch (NumberFormatException notAnIndex) {
                    return null;
                }
                i = close + 1;
            } else {
                int end = i;
                while (end < n && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                steps.add(path.substring(i, end));
                i = end;
            }
        }
        return steps;
    }
}
