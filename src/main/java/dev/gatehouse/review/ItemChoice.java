package dev.gatehouse.review;

/** An account or permission set among a reviewer's items, for My reviews' filters. */
public record ItemChoice(String id, String label) {
}
