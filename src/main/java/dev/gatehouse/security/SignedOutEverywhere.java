package dev.gatehouse.security;

import java.time.Instant;

/** An admin ended every Gatehouse session of a person. */
public record SignedOutEverywhere(String subject, String actor, Instant at) {
}
