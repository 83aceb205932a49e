package dev.gatehouse.review.internal;

import java.time.Instant;
import java.util.Optional;

import dev.gatehouse.review.ReviewItemRow;

/** One item as the evidence shows it: the item, and what the ledger said about its removal. */
public record EvidenceRow(ReviewItemRow item, String awsRequestId, Optional<Instant> appliedAt) {
}
