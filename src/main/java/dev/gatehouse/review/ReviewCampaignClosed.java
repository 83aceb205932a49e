package dev.gatehouse.review;

import java.time.Instant;

/**
 * A campaign closed: at its due date (by Gatehouse) or early (by an admin). Its undecided items follow the
 * due-date policy after this.
 *
 * @param preview what the policy was about to do to the undecided items when it closed
 */
public record ReviewCampaignClosed(long campaignId, String name, boolean early, ClosePreview preview, String closedBy,
                                   Instant at) {
}
