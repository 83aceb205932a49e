package dev.gatehouse.review;

import java.time.Instant;

/** An admin gave an item another reviewer. */
public record ReviewItemReassigned(long campaignId, String campaignName, long itemId, ReviewItemRow.Person person,
                                   ReviewItemRow.Access access, String previousReviewer, String reviewer,
                                   String reassignedBy, Instant at) {
}
