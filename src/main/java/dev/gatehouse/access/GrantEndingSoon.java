package dev.gatehouse.access;

import java.time.Instant;

/** Active access ends in {@link #WARNING} or less; its holder may want to extend it. */
public record GrantEndingSoon(long grantId, long requestId, String userId, String userName, String accountId,
                              String accountName, String permissionSetName, Instant endsAt, Instant at) {

    public static final java.time.Duration WARNING = java.time.Duration.ofMinutes(15);
}
