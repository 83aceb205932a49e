package dev.gatehouse.review;

import java.time.Instant;

/** An admin cancelled a campaign: undecided items stay as they are, applied decisions stay applied. */
public record ReviewCampaignCancelled(long campaignId, String name, CampaignStatus was, String cancelledBy,
                                     Instant at) {
}
