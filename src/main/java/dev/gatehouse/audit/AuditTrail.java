package dev.gatehouse.audit;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.gatehouse.audit.internal.AuditRepository;

/** Reading the audit trail; only auditors and admins may. */
@Service
public class AuditTrail {

    private final AuditRepository repository;

    AuditTrail(AuditRepository repository) {
        this.repository = repository;
    }

    /** Entries matching the filter, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
    public List<AuditEntry> page(AuditFilter filter, int offset, int limit) {
        return repository.page(filter, offset, limit);
    }
}
