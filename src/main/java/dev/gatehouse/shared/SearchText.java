package dev.gatehouse.shared;

/** Turns what a person types into a search box into a SQL LIKE pattern that matches it literally. */
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

    private static String literal(String typed) {
        return typed.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
