package dev.gatehouse.permissionset.internal;

/**
 * IAM's wildcards in actions and resources: {@code *} for any run of characters, {@code ?} for one. Actions
 * compare without regard to case, resources with.
 */
public final class Wildcards {

    private Wildcards() {
    }

    /** Whether the pattern matches the text, taking the text's own * and ? as plain characters. */
    public static boolean matches(String pattern, String text, boolean ignoreCase) {
        return covers(pattern, text, ignoreCase, false);
    }

    /**
     * Whether every value the narrow pattern matches is matched by the wide one as well. Sound but not complete:
     * a narrow * is taken as covered only by a wide *, a narrow ? only by a wide ? or *; when this says no,
     * the narrow pattern may still be covered.
     */
    public static boolean covers(String wide, String narrow, boolean ignoreCase) {
        return covers(wide, narrow, ignoreCase, true);
    }

    private static boolean covers(String wide, String narrow, boolean ignoreCase, boolean narrowHasWildcards) {
        if (wide.equals("*") || (ignoreCase ? wide.equalsIgnoreCase(narrow) : wide.equals(narrow))) {
            return true;
        }
        int w = wide.length();
        int n = narrow.length();
        // covered[j]: the rest of wide from i covers the rest of narrow from j; filled from the end of both.
        boolean[] next = new boolean[n + 1];
        next[n] = true;
        for (int i = w - 1; i >= 0; i--) {
            boolean[] covered = new boolean[n + 1];
            char p = wide.charAt(i);
            covered[n] = p == '*' && next[n];
            for (int j = n - 1; j >= 0; j--) {
                char c = narrow.charAt(j);
                boolean wildcard = narrowHasWildcards && (c == '*' || c == '?');
                if (p == '*') {
                    covered[j] = next[j] || covered[j + 1];
                } else if (p == '?') {
                    covered[j] = !(narrowHasWildcards && c == '*') && next[j + 1];
                } else {
                    covered[j] = !wildcard && same(p, c, ignoreCase) && next[j + 1];
                }
            }
            next = covered;
        }
        return next[0];
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b || (ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b));
    }

    public static boolean hasWildcard(String value) {
        return value.indexOf('*') >= 0 || value.indexOf('?') >= 0 || value.contains("${");
    }
}
