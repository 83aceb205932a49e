package dev.gatehouse.review;

import java.time.Instant;

/** A campaign's items were snapshot and sent to their reviewers. @param launchedBy who asked for the launch */
public record ReviewCampaignLaunched(long campaignId, String name, String launchedBy, Population population,
                                     Instant at) {
}
