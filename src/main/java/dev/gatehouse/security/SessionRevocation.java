package dev.gatehouse.security;

import java.time.Instant;

/** A person signed out everywhere: their sessions begun before {@code at} ended. */
public record SessionRevocation(String subject, Instant at, String by) {
}
