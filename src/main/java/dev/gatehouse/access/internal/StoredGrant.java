package dev.gatehouse.access.internal;

import java.time.Instant;

import dev.gatehouse.access.GrantStatus;

/** A grant as the ledger works on it. */
public record StoredGrant(long id, long requestId, String userId, String accountId, String permissionSetArn,
                          Instant startsAt, Instant endsAt, GrantStatus status) {
}
