package dev.gatehouse.access;

import java.time.Duration;
import java.util.Optional;

/**
 * What a request for a permission set on an account would be subject to, before it is sent.
 *
 * @param allowed          false with the reason when the person cannot request it
 * @param approvers        who could approve, in words ("Avery Patel", "…, Blake Bauer and 11 more"); empty when
 *                         granted at once
 * @param ticketExample    a ticket of the form the rule asks for, to show instead of its pattern; empty when no
 *                         ticket is asked or the rule has no example
 * @param breakGlass       the longest break-glass access a rule allows here; empty when none does
 * @param mfaToRequest     the requester must step up before sending
 */
public record RequestPreview(String accountId, boolean allowed, String reason, String approvalSummary,
                             String approvers, Duration maxDuration, Duration defaultDuration,
                             boolean justificationRequired, boolean ticketRequired, String ticketExample,
                             boolean futureStartAllowed, Optional<Duration> breakGlass, boolean mfaToRequest) {
}
