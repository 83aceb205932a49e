package dev.gatehouse.security;

import java.time.Instant;

/** A sign-in attempt that Gatehouse refused, with the reason the identity provider's response failed. */
public record SignInRejected(SignInFailure reason, String detail, String sourceAddress, Instant at) {
}
