package dev.gatehouse.audit;

import java.time.Instant;

/**
 * One line of the audit trail as the audit screen shows it.
 *
 * @param seq  the entry's place in the hash chain
 * @param hash the entry's link in the chain, SHA-256 in hex
 */
public record AuditEntry(long id, long seq, Instant occurredAt, String actor, AuditAction action, String subject,
                         String details, String sourceAddress, AuditSubjects about, String hash) {
}
