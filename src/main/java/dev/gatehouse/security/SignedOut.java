package dev.gatehouse.security;

import java.time.Instant;

/** A person signed out of Gatehouse. */
public record SignedOut(String subject, String displayName, String sourceAddress, Instant at) {
}
