package dev.gatehouse.access;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a requester submits: one permission set on one or more accounts (one request each).
 *
 * @param startsAt   empty to start as soon as approved
 * @param breakGlass activate at once under the accounts' break-glass rules instead of asking for approval
 */
public record RequestForm(String permissionSetArn, List<String> accountIds, Duration duration,
                          Optional<Instant> startsAt, String justification, String ticket, boolean breakGlass) {

    /** A request that asks for approval as its rule says. */
    public RequestForm(String permissionSetArn, List<String> accountIds, Duration duration,
                       Optional<Instant> startsAt, String justification, String ticket) {
        this(permissionSetArn, accountIds, duration, startsAt, justification, ticket, false);
    }
}
