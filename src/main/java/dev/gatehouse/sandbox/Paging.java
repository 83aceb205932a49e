package dev.gatehouse.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One page of a List operation: MaxResults within the operation's bounds, an opaque NextToken bound to
 * the query that made it, and an error for a token from elsewhere.
 */
final class Paging {

    private final String validationError;
    private final int maxLimit;

    Paging(String validationError, int maxLimit) {
        this.validationError = validationError;
        this.maxLimit = maxLimit;
    }

    <T> void page(ObjectNode out, String listName, List<T> all, JsonNode request, String query, boolean empty,
                  Function<T, JsonNode> toJson) {
        int limit = maxResults(request);
        int offset = offset(request, query);
        int end = empty ? offset : Math.min(all.size(), offset + limit);
        var array = out.putArray(listName);
        for (T item : all.subList(Math.min(offset, all.size()), end)) {
            array.add(toJson.apply(item));
        }
        if (end < all.size()) {
            out.put("NextToken", token(query, end));
        }
    }

    private int maxResults(JsonNode request) {
        JsonNode value = request.get("MaxResults");
        if (value == null || value.isNull()) {
            return maxLimit;
        }
        int limit = value.asInt();
        if (limit < 1 || limit > maxLimit) {
            throw AwsError.validation(validationError, "MaxResults must be between 1 and " + maxLimit);
        }
        return limit;
    }

    private int offset(JsonNode request, String query) {
        JsonNode value = request.get("NextToken");
        if (value == null || value.isNull()) {
            return 0;
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(value.asText()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw AwsError.validation(validationError, "Invalid NextToken");
        }
        int separator = decoded.lastIndexOf('#');
        if (separator < 0 || !decoded.substring(0, separator).equals(query)) {
            throw AwsError.validation(validationError, "NextToken does not belong to this request");
        }
        return Integer.parseInt(decoded.substring(separator + 1));
    }

    private static String token(String query, int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((query + "#" + offset).getBytes(StandardCharsets.UTF_8));
    }
}
