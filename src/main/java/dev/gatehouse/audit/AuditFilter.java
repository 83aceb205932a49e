package dev.gatehouse.audit;

import java.util.Optional;

/**
 * What the auditor is looking for.
 *
 * @param text   matched, case-insensitively, against actor, subject and details; blank matches all
 * @param action only entries of this action, when present
 */
public record AuditFilter(String text, Optional<AuditAction> action) {

    public static final AuditFilter ALL = new AuditFilter("", Optional.empty());

    public AuditFilter {
        text = text == null ? "" : text.strip();
    }
}
