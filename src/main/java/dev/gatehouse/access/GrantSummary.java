package dev.gatehouse.access;

import java.time.Instant;

/**
 * A grant: a window of access to a permission set on an account.
 *
 * @param holderId      the holder's Identity Store user id
 * @param holderName    the person who holds it
 * @param failureReason AWS's reason when FAILED
 * @param endReason     who ended it early and why, for REVOKED
 */
public record GrantSummary(long id, long requestId, String holderId, String holderName, String accountId,
                           String accountName, String permissionSetName, Instant startsAt, Instant endsAt,
                           GrantStatus status, String failureReason, String endReason) {
}
