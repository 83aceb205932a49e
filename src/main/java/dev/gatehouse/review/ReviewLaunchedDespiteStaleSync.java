package dev.gatehouse.review;

import java.time.Instant;

/** An admin launched a campaign although the directory's last successful sync was too old, or missing. */
public record ReviewLaunchedDespiteStaleSync(long campaignId, String name, String refusal, String launchedBy,
                                             Instant at) {
}
