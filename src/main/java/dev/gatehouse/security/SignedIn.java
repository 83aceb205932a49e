package dev.gatehouse.security;

import java.time.Instant;

/** A person signed in to Gatehouse. */
public record SignedIn(String subject, String displayName, String roles, SignInMethod method,
                       String sourceAddress, Instant at) {
}
