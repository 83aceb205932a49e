package dev.gatehouse.security;

import java.time.Instant;

/**
 * Something happened to a person's second factors: enrolled, removed, verified, failed, locked out, reset.
 *
 * @param subject           the person's sign-in name
 * @param directoryUserName finds the person in the directory (to tell them of a reset); may be empty
 * @param detail            which factor, or why it failed
 * @param actor             who did it: the person, or the admin for a reset
 * @param sourceAddress     the browser's address, when known
 */
public record MfaActivity(MfaAction action, String subject, String directoryUserName, String detail, String actor,
                          String sourceAddress, Instant at) {
}
