package dev.gatehouse.access;

import java.time.Instant;

/**
 * A grant moved on: activated, ended, revoked or failed. {@code detail} carries AWS's request id or
 * failure reason, or why it ended early.
 */
public record GrantStatusChanged(long grantId, long requestId, GrantStatus status, String userId, String userName,
                                 String accountId, String accountName, String permissionSetName, String actor,
                                 String detail, Instant at) {
}
