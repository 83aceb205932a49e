package dev.gatehouse.access.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.gatehouse.access.AccessRequestDecided;
import dev.gatehouse.access.RequestStatus;
import dev.gatehouse.policy.ApproverType;

/**
 * An access request as the services decide on it.
 *
 * @param extendsGrant the active grant an extension request lengthens by {@code duration}
 * @param mfaToApprove approvers must have stepped up, as the rule said when the request was sent
 */
public record StoredRequest(long id, String requesterId, String requesterName, String accountId, String accountName,
                            String permissionSetArn, String permissionSetName, Duration duration,
                            Optional<Instant> startsAt, int approvalsRequired, ApproverType approverType,
                            String approverId, RequestStatus status, Instant pendingUntil,
                            Optional<Long> extendsGrant, boolean mfaToApprove) {

    /** The event for this request leaving PENDING. */
    public AccessRequestDecided decided(RequestStatus status, String actor, String comment, Instant at) {
        return new AccessRequestDecided(id, status, actor, comment, requesterId, requesterName, accountId, accountName,
                permissionSetName, at);
    }
}
