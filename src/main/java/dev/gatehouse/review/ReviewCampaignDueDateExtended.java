package dev.gatehouse.review;

import java.time.Instant;

/** An admin moved a campaign's due date later. */
public record ReviewCampaignDueDateExtended(long campaignId, String name, Instant previousDueAt, Instant dueAt,
                                           String extendedBy, Instant at) {
}
