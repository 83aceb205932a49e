package dev.gatehouse.permissionset.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/** Writes policy JSON back out: indented for people, or on one line. Keys stay in the order they were written. */
public final class PolicyPrinter {

    private static final String INDENT = "  ";

    private PolicyPrinter() {
    }

    public static String pretty(PolicyNode node) {
        StringBuilder out = new StringBuilder();
        write(node, 0, true, out);
        return out.toString();
    }

    public static String compact(PolicyNode node) {
        StringBuilder out = new StringBuilder();
        write(node, 0, false, out);
        return out.toString();
    }

    private static void write(PolicyNode node, int depth, boolean indent, StringBuilder out) {
        switch (node.kind()) {
            case OBJECT -> {
                if (node.entries().isEmpty()) {
                    out.append("{}");
                    return;
                }
                out.append('{');
                for (int i = 0; i < node.entries().size(); i++) {
                    PolicyNode.Entry entry = node.entries().get(i);
                    out.append(i == 0 ? "" : ",");
                    newLine(depth + 1, indent, out);
                    quote(entry.key(), out);
                    out.append(indent ? ": " : ":");
                    write(entry.value(), depth + 1, indent, out);
                }
                newLine(depth, indent, out);
                out.append('}');
            }
            case ARRAY -> {
                if (node.items().isEmpty()) {
                    out.append("[]");
                    return;
                }
                out.append('[');
                for (int i = 0; i < node.items().size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    newLine(depth + 1, indent, out);
                    write(node.items().get(i), depth + 1, indent, out);
                }
                newLine(depth, indent, out);
                out.append(']');
            }
            case STRING -> quote(node.text(), out);
            default -> out.append(node.text());
        }
    }

    private static void newLine(int depth, boolean indent, StringBuilder out) {
        if (indent) {
            out.append('\n').append(INDENT.repeat(depth));
        }
    }

    static void quote(String text, StringBuilder out) {
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(text, out);
        out.append('"');
    }
}
