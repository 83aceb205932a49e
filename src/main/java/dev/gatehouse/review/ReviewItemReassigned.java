package dev.gatehouse.review;

import java.time.Instant;

/**
 * An item got another reviewer: an admin reassigned it, or its reviewer delegated it.
 *
 * @param reason why the reviewer delegated it; empty for an admin's reassignment
 */
public record ReviewItemReassigned(long campaignId, String campaignName, long itemId, ReviewItemRow.Person person,
                                   ReviewItemRow.Access access, String previousReviewer, String reviewer,
                                   String reassignedBy, String reason, Instant at) {
}
