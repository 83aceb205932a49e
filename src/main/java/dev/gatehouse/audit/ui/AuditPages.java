package dev.gatehouse.audit.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.gatehouse.audit.AuditEntry;
import dev.gatehouse.audit.AuditFilter;
import dev.gatehouse.audit.AuditTrail;

/**
 * Serves the grid's offset-and-limit reads of one filter by keyset: a grid scrolling down asks for the
 * page right after one it has, whose last entry this remembers, so the read costs the same at any
 * depth. A jump to a page not next to a known one reads by offset.
 */
final class AuditPages {

    private final AuditTrail auditTrail;
    private final AuditFilter filter;
    /** The last entry of each page read, by its position. */
    private final Map<Integer, AuditEntry> lastAt = new HashMap<>();

    AuditPages(AuditTrail auditTrail, AuditFilter filter) {
        this.auditTrail = auditTrail;
        this.filter = filter;
    }

    Stream<AuditEntry> fetch(int offset, int limit) {
        AuditEntry before = lastAt.get(offset - 1);
        List<AuditEntry> page = offset == 0 || before != null
                ? auditTrail.page(filter, Optional.ofNullable(before), limit)
                : auditTrail.page(filter, offset, limit);
        if (!page.isEmpty()) {
            lastAt.put(offset + page.size() - 1, page.get(page.size() - 1));
        }
        return page.stream();
    }
}
