package dev.gatehouse.review;

import java.time.Instant;

/**
 * A campaign's items were snapshot and sent to their reviewers.
 *
 * @param launchedBy who asked for the launch
 * @param dueAt      when the reviewers should have decided, as the messages that tell them say
 */
public record ReviewCampaignLaunched(long campaignId, String name, String launchedBy, Population population,
                                     Instant dueAt, Instant at) {
}
