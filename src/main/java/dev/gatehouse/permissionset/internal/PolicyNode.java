package dev.gatehouse.permissionset.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A JSON value of a policy document as written, with the line and column (1-based) where it starts, so every
 * finding can point at the element it is about. Objects keep their keys in order, duplicates included.
 */
public final class PolicyNode {

    public enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL }

    /** One key of an object: where the key is written, and its value. */
    public record Entry(String key, int line, int column, PolicyNode value) {
    }

    private final Kind kind;
    private final int line;
    private final int column;
    private final String text;
    private final List<Entry> entries;
    private final List<PolicyNode> items;

    private PolicyNode(Kind kind, int line, int column, String text, List<Entry> entries, List<PolicyNode> items) {
        this.kind = kind;
        this.line = line;
        this.column = column;
        this.text = text;
        this.entries = entries;
        this.items = items;
    }

    static PolicyNode object(int line, int column) {
        return new PolicyNode(Kind.OBJECT, line, column, "", new ArrayList<>(), List.of());
    }

    static PolicyNode array(int line, int column) {
        return new PolicyNode(Kind.ARRAY, line, column, "", List.of(), new ArrayList<>());
    }

    static PolicyNode scalar(Kind kind, int line, int column, String text) {
        return new PolicyNode(kind, line, column, text, List.of(), List.of());
    }

    void add(Entry entry) {
        entries.add(entry);
    }

    void add(PolicyNode item) {
        items.add(item);
    }

    public Kind kind() {
        return kind;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public boolean isObject() {
        return kind == Kind.OBJECT;
    }

    public boolean isArray() {
        return kind == Kind.ARRAY;
    }

    public boolean isString() {
        return kind == Kind.STRING;
    }

    /** A scalar's text as written (a string without its quotes, a number's digits, "true", "null"); "" for containers. */
    public String text() {
        return text;
    }

    public List<Entry> entries() {
        return entries;
    }

    public List<PolicyNode> items() {
        return items;
    }

    /** The last entry with this key, as JSON readers that keep one value per key take it. */
    public Optional<Entry> entry(String key) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).key().equals(key)) {
                return Optional.of(entries.get(i));
            }
        }
        return Optional.empty();
    }

    /** The value of the key, or null when the object has no such key (or this is no object). */
    public PolicyNode get(String key) {
        return entry(key).map(Entry::value).orElse(null);
    }

    public boolean has(String key) {
        return entry(key).isPresent();
    }

    /** The values of a policy element that may be one value or a list of them: a scalar's text, or each item's. */
    public List<PolicyNode> each() {
        return kind == Kind.ARRAY ? items : List.of(this);
    }

    public List<String> texts() {
        return each().stream().map(PolicyNode::text).toList();
    }
}
