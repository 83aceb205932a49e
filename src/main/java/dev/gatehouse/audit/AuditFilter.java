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

    /** "all entries", or what the filter keeps, for the record of an export. */
    public String describe() {
        if (text.isEmpty() && action.isEmpty()) {
            return "all entries";
        }
        return "entries" + (text.isEmpty() ? "" : " matching \"" + text + "\"")
                + action.map(a -> (text.isEmpty() ? "" : " and") + " of action " + a.label()).orElse("");
    }
}
