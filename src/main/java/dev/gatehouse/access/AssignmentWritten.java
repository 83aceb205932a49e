package dev.gatehouse.access;

import java.time.Instant;

import dev.gatehouse.aws.WriteOutcome;

/**
 * Gatehouse wrote a grant's account assignment in Identity Center, or learnt how an earlier write
 * ended. A call that failed before AWS answered has FAILED with no AWS request id; it is tried again.
 *
 * @param creating CreateAccountAssignment; otherwise DeleteAccountAssignment
 */
public record AssignmentWritten(long grantId, long requestId, boolean creating, String holderName, String accountId,
                                String accountName, String permissionSetName, WriteOutcome outcome, Instant at) {

    /** The Identity Center operation, as AWS names it. */
    public String operation() {
        return creating ? "CreateAccountAssignment" : "DeleteAccountAssignment";
    }
}
