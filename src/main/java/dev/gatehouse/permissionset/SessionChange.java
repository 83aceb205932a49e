package dev.gatehouse.permissionset;

import java.time.Instant;
import java.util.Optional;

/** A session-duration change an admin asked for, and how applying it went. */
public record SessionChange(long id, String permissionSetArn, String permissionSetName, String before, String after,
                            String requestedBy, Instant requestedAt, SessionChangeStatus status, String detail,
                            Optional<Instant> finishedAt) {
}
