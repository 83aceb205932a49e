package dev.gatehouse.permissionset.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads a policy document with Jackson's streaming parser into {@link PolicyNode}s that remember where each
 * value starts, which a tree from {@code ObjectMapper.readTree} forgets.
 */
public final class PolicyParser {

    /** What reading gave: the document, or where and why the text is not JSON. */
    public record Parsed(PolicyNode root, SyntaxError error, List<PolicyNode.Entry> duplicateKeys) {

        public boolean readable() {
            return root != null;
        }
    }

    public record SyntaxError(int line, int column, String message) {
    }

    private static final JsonFactory JSON = new JsonFactory();

    private PolicyParser() {
    }

    public static Parsed parse(String text) {
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() == null) {
                return new Parsed(null, new SyntaxError(1, 1, "The policy is empty: it must be a JSON object, {...}."),
                        List.of());
            }
            List<PolicyNode.Entry> duplicates = new ArrayList<>();
            PolicyNode root = read(parser, duplicates);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                return new Parsed(null, new SyntaxError(line(at), column(at),
                        "There is more text after the end of the policy: a policy is one JSON object."), List.of());
            }
            return new Parsed(root, null, duplicates);
        } catch (JsonProcessingException unreadable) {
            JsonLocation at = unreadable.getLocation();
            return new Parsed(null, new SyntaxError(at == null ? 1 : line(at), at == null ? 1 : column(at),
                    inWords(unreadable.getOriginalMessage())), List.of());
        } catch (IOException unexpected) {
            // A String source does no I/O; should Jackson still fail this way, say so rather than throw.
            return new Parsed(null, new SyntaxError(1, 1, "The policy could not be read: " + unexpected.getMessage()),
                    List.of());
        }
    }

    private static PolicyNode read(JsonParser parser, List<PolicyNode.Entry> duplicates) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = line(at);
        int column = column(at);
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                PolicyNode object = PolicyNode.object(line, column);
                Set<String> keys = new HashSet<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    JsonLocation keyAt = parser.currentTokenLocation();
                    String key = parser.currentName();
                    parser.nextToken();
                    PolicyNode.Entry entry = new PolicyNode.Entry(key, line(keyAt), column(keyAt), read(parser, duplicates));
                    if (!keys.add(key)) {
                        duplicates.add(entry);
                    }
                    object.add(entry);
                }
                return object;
            }
            case START_ARRAY -> {
                PolicyNode array = PolicyNode.array(line, column);
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, duplicates));
                }
                return array;
            }
            case VALUE_STRING -> {
                return PolicyNode.scalar(PolicyNode.Kind.STRING, line, column, parser.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return PolicyNode.scalar(PolicyNode.Kind.NUMBER, line, column, parser.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return PolicyNode.scalar(PolicyNode.Kind.BOOLEAN, line, column, parser.getText());
            }
            default -> {
                return PolicyNode.scalar(PolicyNode.Kind.NULL, line, column, "null");
            }
        }
    }

    private static int line(JsonLocation at) {
        return Math.max(1, at.getLineNr());
    }

    private static int column(JsonLocation at) {
        return Math.max(1, at.getColumnNr());
    }

    private static final Pattern UNEXPECTED = Pattern.compile("Unexpected character \\('(.+?)' \\(code \\d+\\)\\)(?:: (.*))?",
            Pattern.DOTALL);
    private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '(.*?)'.*", Pattern.DOTALL);

    /** Jackson's messages, reworded for someone editing a policy by hand. */
    static String inWords(String jackson) {
        String message = jackson == null ? "" : jackson.strip();
        if (message.contains("end-of-input")) {
            return "The policy ends too early: a closing } or ], or a closing quote, is missing.";
        }
        if (message.contains("Illegal unquoted character") || message.contains("CTRL-CHAR")) {
            return "A string contains a line break or control character: close the string on its own line, or write \\n.";
        }
        Matcher unrecognized = UNRECOGNIZED.matcher(message);
        if (unrecognized.matches()) {
            return "\"" + unrecognized.group(1) + "\" is not a JSON value: put text in double quotes.";
        }
        Matcher unexpected = UNEXPECTED.matcher(message);
        if (unexpected.matches()) {
            String expected = expected(unexpected.group(2) == null ? "" : unexpected.group(2));
            return "Unexpected " + unexpected.group(1) + " here" + (expected.isEmpty() ? "." : ": " + expected + ".");
        }
        int cut = message.indexOf('\n');
        return "The policy is not valid JSON: " + (cut < 0 ? message : message.substring(0, cut));
    }

    private static String expected(String jackson) {
        if (jackson.contains("double-quote to start field name")) {
            return "expected a key in double quotes (is there a comma too many?)";
        }
        if (jackson.contains("colon to separate field name and value")) {
            return "expected a colon between the key and its value";
        }
        if (jackson.contains("comma to separate Object entries")) {
            return "expected a comma between two entries, or a closing }";
        }
        if (jackson.contains("comma to separate Array entries")) {
            return "expected a comma between two items, or a closing ]";
        }
        if (jackson.contains("expected a value") || jackson.contains("expected a valid value")) {
            return "expected a value";
        }
        int cut = jackson.indexOf('\n');
        return cut < 0 ? jackson : jackson.substring(0, cut);
    }
}
