package dev.gatehouse.security;

import java.time.Instant;
import java.util.Optional;

/** A second factor a person enrolled: an authenticator app or a security key / passkey. */
public record MfaFactor(long id, MfaMethod method, String label, Instant createdAt, Optional<Instant> lastUsedAt) {
}
