package dev.gatehouse.aws;

/**
 * The result of an account assignment write.
 *
 * @param requestId     AWS's request id, for polling again and for the audit trail
 * @param failureReason AWS's reason when FAILED, else empty
 */
public record WriteOutcome(WriteStatus status, String requestId, String failureReason) {
}
