package dev.gatehouse.security;

import java.time.Instant;

/** Gatehouse ended a session: past its lifetime, or because an admin signed the person out everywhere. */
public record SessionEnded(String subject, String reason, String sourceAddress, Instant at) {
}
