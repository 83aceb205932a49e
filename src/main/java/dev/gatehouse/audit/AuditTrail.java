package dev.gatehouse.audit;

import java.time.Clock;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.gatehouse.audit.internal.AuditRepository;
import dev.gatehouse.security.CurrentUser;

/** Reading and verifying the audit trail; only auditors and admins may. */
@Service
public class AuditTrail {

    private final AuditRepository repository;
    private final CurrentUser currentUser;
    private final Clock clock;

    AuditTrail(AuditRepository repository, CurrentUser currentUser, Clock clock) {
        this.repository = repository;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Verifies the hash chain and records that it was verified, with the result. It reads every entry,
     * so it takes seconds on a large trail.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
    public ChainReport verify() {
        ChainReport report = repository.verifyChain();
        repository.append(clock.instant(), currentUser.require().displayName(), AuditAction.AUDIT_TRAIL_VERIFIED,
                "audit trail", report.summary(), null);
        return report;
    }

    /** Entries matching the filter, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
    public List<AuditEntry> page(AuditFilter filter, int offset, int limit) {
        return repository.page(filter, offset, limit);
    }
}
