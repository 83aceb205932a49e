package dev.gatehouse.review;

import java.time.Instant;

/**
 * What a launch snapshot: when, how many items of each kind, and a SHA-256 over the item keys in a stable
 * order, so the evidence can show the list reviewed is the list launched.
 */
public record Population(Instant launchedAt, int items, int direct, int throughGroups, String sha256) {
}
