package dev.gatehouse.review;

import java.util.List;

/**
 * What a decision on every item matching a filter did.
 *
 * @param decided  how many items it decided
 * @param problems why the others were not decided, one line per item: "Riley Chen, Developer on payments: …"
 */
public record BulkOutcome(int decided, List<String> problems) {
}
