package dev.gatehouse.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** An AWS call that did not succeed within its retries, or was not retryable. */
public class AwsCallFailed extends RuntimeException {

    public AwsCallFailed(String message, Throwable cause) {
        super(message, cause);
    }

    /** AWS's own words for the refusal ("PermissionSet with name X already exists."), for people to read. */
    public String awsMessage() {
        if (getCause() instanceof AwsServiceException e && e.awsErrorDetails() != null
                && e.awsErrorDetails().errorMessage() != null) {
            return e.awsErrorDetails().errorMessage();
        }
        return getMessage();
    }

    /** AWS's error code ("ConflictException", "ValidationException"), or empty when AWS never answered. */
    public String awsErrorCode() {
        if (getCause() instanceof AwsServiceException e && e.awsErrorDetails() != null
                && e.awsErrorDetails().errorCode() != null) {
            return e.awsErrorDetails().errorCode();
        }
        return "";
    }
}
