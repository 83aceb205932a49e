package dev.gatehouse.access;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An access request as the requester's and the approvers' screens show it.
 *
 * @param approvedBy      names of those who approved so far
 * @param grant           the grant an approved request yielded
 * @param requesterAccess the requester's active grants now ("Developer on payments-prod"), for approvers
 * @param extendsGrant    for an extension, the grant it lengthens by {@code duration}
 * @param breakGlass      activated at once under a break-glass rule
 * @param followUp        for break-glass: who followed it up and what they found; empty while nobody has
 */
public record RequestSummary(long id, String requesterId, String requesterName, String accountId, String accountName,
                             String permissionSetName, Duration duration, Optional<Instant> startsAt,
                             String justification, String ticket, RequestStatus status, Instant createdAt,
                             Instant pendingUntil, int approvalsRequired, String approvalSummary,
                             List<String> approvedBy, String decidedBy, String decisionComment,
                             Optional<GrantSummary> grant, List<String> requesterAccess,
                             Optional<Long> extendsGrant, boolean breakGlass, Optional<String> followUp) {
}
