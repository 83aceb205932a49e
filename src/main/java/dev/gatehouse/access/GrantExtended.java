package dev.gatehouse.access;

import java.time.Instant;

/** A grant's end moved later: by its rule at once, or by an approved extension request. */
public record GrantExtended(long grantId, long requestId, String actor, String holderName, String accountId,
                            String accountName, String permissionSetName,
                            Instant newEnd, String detail, Instant at) {
}
