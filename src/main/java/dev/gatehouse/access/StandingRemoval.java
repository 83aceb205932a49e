package dev.gatehouse.access;

import java.time.Instant;

/**
 * Where the removal of a standing assignment that a decision asked for stands.
 *
 * @param detail the last thing AWS or the ledger said about it ("Waits for grant #12 to end", an AWS failure
 *               being retried), or empty
 */
public record StandingRemoval(AssignmentKey key, String decisionId, String actor, Status status, String detail,
                              String awsRequestId, Instant updatedAt) {

    public enum Status {
        /** A live grant holds the assignment; it is deleted when the last such grant ends. */
        WAITING_FOR_GRANT,
        /** Being deleted, or retried after a failure the detail names. */
        REMOVING,
        REMOVED
    }
}
