package dev.gatehouse.sandbox;

/** An error the sandbox answers as AWS would: HTTP status, {@code __type} and message. */
final class AwsError extends RuntimeException {

    final int status;
    final String type;
    final Integer retryAfterSeconds;

    AwsError(int status, String type, String message) {
        this(status, type, message, null);
    }

    AwsError(int status, String type, String message, Integer retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static AwsError validation(String type, String message) {
        return new AwsError(400, type, message);
    }
}
