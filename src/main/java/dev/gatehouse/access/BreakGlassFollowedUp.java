package dev.gatehouse.access;

import java.time.Instant;

/** An admin looked into a break-glass activation and recorded what they found. */
public record BreakGlassFollowedUp(long requestId, String actor, String note, Instant at) {
}
