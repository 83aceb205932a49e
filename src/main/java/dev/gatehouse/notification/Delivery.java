package dev.gatehouse.notification;

import java.time.Instant;
import java.util.Optional;

/**
 * One message on one channel, as admins see it.
 *
 * @param recipient the email address; empty for Slack and webhooks
 * @param lastError why the last attempt failed; empty when none did
 */
public record Delivery(long id, Instant createdAt, NotificationKind kind, Channel channel, String recipient,
                       String subject, DeliveryStatus status, int attempts, String lastError,
                       Optional<Instant> sentAt) {
}
