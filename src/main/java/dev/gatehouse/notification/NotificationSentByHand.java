package dev.gatehouse.notification;

import java.time.Instant;

/** An admin sent a failed notification again, or a test message on every channel. */
public record NotificationSentByHand(String actor, String what, Instant at) {
}
