package dev.gatehouse.permissionset;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A session-duration change an admin asked for, and how applying it went.
 *
 * @param before empty when the directory did not know the duration before
 */
public record SessionChange(long id, String permissionSetArn, String permissionSetName, Optional<Duration> before,
                            Duration after,
                            String requestedBy, Instant requestedAt, SessionChangeStatus status, String detail,
                            Optional<Instant> finishedAt) {
}
