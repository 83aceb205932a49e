package dev.gatehouse.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One access request and what came of it, for the grant history report.
 *
 * @param decisions   each approver's decision in order: "Avery Patel approved at 2026-11-23 09:14 UTC: looks fine"
 * @param decidedBy   who made the request's final decision, or {@link AccessRequestDecided#AUTOMATIC}
 * @param grantStatus empty when no grant came of the request
 * @param endedHow    who ended the access early and why, or why the grant failed
 */
public record GrantHistoryRow(long requestId, Instant requestedAt, String requester, String accountId,
                              String accountName, String permissionSetName, Duration duration, String justification,
                              String ticket, boolean breakGlass, String decisions, RequestStatus requestStatus,
                              String decidedBy, Optional<Instant> decidedAt, Optional<Long> grantId,
                              Optional<GrantStatus> grantStatus, Optional<Instant> activatedAt,
                              Optional<Instant> endedAt, String endedHow) {
}
