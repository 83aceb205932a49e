package dev.gatehouse.audit;

import java.io.OutputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.gatehouse.audit.internal.AuditRepository;
import dev.gatehouse.audit.internal.CsvWriter;
import dev.gatehouse.security.CurrentUser;

/** Reading and verifying the audit trail; only auditors and admins may. */
@Service
public class AuditTrail {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm'Z'")
            .withZone(ZoneOffset.UTC);

    private final AuditRepository repository;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;

    AuditTrail(AuditRepository repository, CurrentUser currentUser, Clock clock,
               PlatformTransactionManager transactions) {
        this.repository = repository;
        this.currentUser = currentUser;
        this.clock = clock;
        this.writing = new TransactionTemplate(transactions);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
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

    /**
     * Writes the entries matching the filter, newest first, to the stream as CSV (see {@link CsvWriter}),
     * streaming from the database. It covers the trail as it was when the export began; the export is
     * recorded in the trail then, so even an interrupted one is on record.
     *
     * @param byteOrderMark start with a UTF-8 byte order mark, for Excel
     * @return how many entries were written
     */
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
    public long export(AuditFilter filter, boolean byteOrderMark, OutputStream out) {
        String by = currentUser.require().displayName();
        long upTo = writing.execute(status -> {
            long last = repository.lastSeq();
            repository.append(clock.instant(), by, AuditAction.AUDIT_TRAIL_EXPORTED, "audit trail",
                    "CSV of " + filter.describe() + " up to entry " + last, null);
            return last;
        });
        return reading.execute(status -> {
            try (CsvWriter csv = new CsvWriter(out, byteOrderMark)) {
                return repository.export(filter, upTo, csv);
            }
        });
    }

    /** The export's file name, with the moment it covers up to: gatehouse-audit-until-2026-11-23T0846Z.csv. */
    public String exportFileName() {
        return "gatehouse-audit-until-" + FILE_TIME.format(clock.instant()) + ".csv";
    }

    /** Entries matching the filter, newest first. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
    public List<AuditEntry> page(AuditFilter filter, int offset, int limit) {
        return repository.page(filter, offset, limit);
    }
}
