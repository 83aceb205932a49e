package dev.gatehouse.review;

/**
 * Puts a reviewer's digest in the notification outbox, in the caller's transaction, so a digest is
 * recorded as sent exactly when its messages are queued. Implemented by the notification module, which
 * depends on this one.
 */
public interface ReviewMessages {

    void send(ReviewDigest digest);
}
