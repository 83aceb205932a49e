package dev.gatehouse.review;

import java.time.Instant;

/** An admin stopped a campaign's recurrence: no further occurrence is created; those running go on. */
public record ReviewRecurrenceStopped(long seriesId, long campaignId, String name, Recurrence recurrence,
                                      String stoppedBy, Instant at) {
}
