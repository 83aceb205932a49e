package dev.gatehouse.access;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a request for a permission set on an account would be subject to, before it is sent.
 *
 * @param allowed          false with the reason when the person cannot request it
 * @param approvers        names of the people who could approve; empty when granted at once
 * @param ticketPattern    empty when no ticket is asked
 * @param breakGlass       the longest break-glass access a rule allows here; empty when none does
 * @param mfaToRequest     the requester must step up before sending
 */
public record RequestPreview(String accountId, boolean allowed, String reason, String approvalSummary,
                             List<String> approvers, Duration maxDuration, Duration defaultDuration,
                             boolean justificationRequired, String ticketPattern, boolean futureStartAllowed,
                             Optional<Duration> breakGlass, boolean mfaToRequest) {
}
