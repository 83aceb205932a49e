package dev.gatehouse.access;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a requester submits: one permission set on one or more accounts (one request each).
 *
 * @param startsAt empty to start as soon as approved
 */
public record RequestForm(String permissionSetArn, List<String> accountIds, Duration duration,
                          Optional<Instant> startsAt, String justification, String ticket) {
}
