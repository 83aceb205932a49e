package dev.gatehouse.shared;

import java.util.Locale;

/**
 * Turns what a person types into a search box into a SQL LIKE pattern or a regular expression that
 * matches it literally.
 */
public final class SearchText {

    /** The escape character the patterns use; pass it to {@code like(pattern, ESCAPE)}. */
    public static final char ESCAPE = '\\';

    private SearchText() {
    }

    /** "50%_off" becomes "%50\%\_off%": the typed %, _ and \ match only themselves. */
    public static String containsPattern(String typed) {
        return "%" + literal(typed) + "%";
    }

    /** "riley_" becomes "riley\_%": what starts with the typed text. */
    public static String startsWithPattern(String typed) {
        return literal(typed) + "%";
    }

    /**
     * "OPS-12" becomes a PostgreSQL regular expression for "ops-12" standing on whole words: not inside
     * "ops-1234" or "shops-12". Any case, given lowercase text; every typed character matches only itself.
     */
    public static String wholeWordsPattern(String typed) {
        String text = typed.strip().toLowerCase(Locale.ROOT);
        StringBuilder regex = new StringBuilder();
        if (!text.isEmpty() && Character.isLetterOrDigit(text.codePointAt(0))) {
            regex.append("(^|[^[:alnum:]])");
        }
        text.codePoints().forEach(c -> {
            // Every regular-expression metacharacter is ASCII; a backslash before a letter would make an escape.
            if (c < 128 && !Character.isLetterOrDigit(c)) {
                regex.append('\\');
            }
            regex.appendCodePoint(c);
        });
        if (!text.isEmpty() && Character.isLetterOrDigit(text.codePointBefore(text.length()))) {
            regex.append("($|[^[:alnum:]])");
        }
        return regex.toString();
    }

    private static String literal(String typed) {
        return typed.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
