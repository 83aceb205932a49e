package dev.gatehouse.access;

import java.time.Instant;

/**
 * A grant: a window of access to a permission set on an account.
 *
 * @param holderId      the holder's Identity Store user id
 * @param holderName    the person who holds it
 * @param failureReason AWS's reason when FAILED
 * @param endedBy       who ended it before its time (the holder, giving it back, or whoever revoked it); empty
 *                      while nobody did
 * @param endReason     who ended it early and why, for REVOKED
 */
public record GrantSummary(long id, long requestId, String holderId, String holderName, String accountId,
                           String accountName, String permissionSetName, Instant startsAt, Instant endsAt,
                           GrantStatus status, String failureReason, String endedBy, String endReason) {

    public static final String GIVEN_BACK = "Given back";

    /**
     * Someone ended it before its time and removing it is under way: the status still reads ACTIVE (or
     * SCHEDULED) until the end task has run, but the access is on its way out.
     */
    public boolean endingEarly() {
        return !endedBy.isEmpty() && !status.finished();
    }

    /** The holder ended it themselves. */
    public boolean givenBack() {
        return !endedBy.isEmpty() && endedBy.equals(holderName);
    }

    /** Its state as a person should read it: "Ending" once an early end is under way, "Given back" after. */
    public String statusLabel() {
        if (endingEarly()) {
            return GrantStatus.ENDING.label();
        }
        return status == GrantStatus.REVOKED && givenBack() ? GIVEN_BACK : status.label();
    }
}
