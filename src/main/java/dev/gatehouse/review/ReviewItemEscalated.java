package dev.gatehouse.review;

import java.time.Instant;

/** An overdue item nobody decided moved to the campaign's fallback reviewer. */
public record ReviewItemEscalated(long campaignId, String campaignName, long itemId, ReviewItemRow.Person person,
                                  ReviewItemRow.Access access, String previousReviewer, String reviewer,
                                  int daysOverdue, Instant at) {
}
