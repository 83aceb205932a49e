package dev.gatehouse.access;

import java.time.Instant;

import dev.gatehouse.shared.SystemActor;

/**
 * Someone decided a request. Usually it left PENDING: approved (by the last approval needed, or
 * automatically), denied, cancelled or expired. Status PENDING is an approval recorded while the rule
 * still needs more. {@code actor} is the approver, the requester, {@link #AUTOMATIC}, or
 * {@link SystemActor#NAME} for a timeout.
 */
public record AccessRequestDecided(long requestId, RequestStatus status, String actor, String comment,
                                   String requesterId, String requester, String accountId, String accountName,
                                   String permissionSetName, Instant at) {

    /** The actor of a request approved by its rule, without a person deciding. */
    public static final String AUTOMATIC = SystemActor.NAME + " (automatic rule)";
}
