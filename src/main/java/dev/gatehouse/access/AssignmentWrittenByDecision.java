package dev.gatehouse.access;

import java.time.Instant;

import dev.gatehouse.aws.WriteOutcome;

/**
 * Gatehouse wrote an account assignment because a named decision asked for it (not for a grant), or
 * learnt how an earlier such write ended. A call that failed before AWS answered has FAILED with no AWS
 * request id; it is tried again.
 *
 * @param creating CreateAccountAssignment; otherwise DeleteAccountAssignment
 */
public record AssignmentWrittenByDecision(AssignmentKey key, String decisionId, String actor, boolean creating,
                                          WriteOutcome outcome, Instant at) {

    /** The Identity Center operation, as AWS names it. */
    public String operation() {
        return creating ? "CreateAccountAssignment" : "DeleteAccountAssignment";
    }
}
