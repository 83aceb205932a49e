package dev.gatehouse.review;

/**
 * A reviewer's undecided items in one campaign, for the messages that tell them.
 *
 * @param type USER or GROUP (any member decides)
 */
public record ReviewerLoad(Reviewer.Type type, String id, String name, int pendingItems) {
}
