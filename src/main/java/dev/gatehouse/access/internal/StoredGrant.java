package dev.gatehouse.access.internal;

import java.time.Instant;

import dev.gatehouse.access.AssignmentKey;
import dev.gatehouse.access.GrantStatus;

/** A grant as the ledger works on it, with the names its request recorded, for events. */
public record StoredGrant(long id, long requestId, String userId, String accountId, String permissionSetArn,
                          Instant startsAt, Instant endsAt, GrantStatus status, String userName, String accountName,
                          String permissionSetName) {

    /** The user assignment the grant holds. */
    public AssignmentKey key() {
        return AssignmentKey.user(accountId, permissionSetArn, userId);
    }
}
