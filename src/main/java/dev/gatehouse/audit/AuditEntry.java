package dev.gatehouse.audit;

import java.time.Instant;

/** One line of the audit trail as the audit screen shows it. */
public record AuditEntry(long id, Instant occurredAt, String actor, AuditAction action, String subject,
                         String details, String sourceAddress) {
}
