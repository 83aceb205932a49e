package dev.gatehouse.aws;

/** An AWS call that did not succeed within its retries, or was not retryable. */
public class AwsCallFailed extends RuntimeException {

    public AwsCallFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
