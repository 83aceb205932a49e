package dev.gatehouse.audit;

import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.gatehouse.audit.internal.AuditRepository;
import dev.gatehouse.audit.internal.NewEntry;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.AccountScopes;
import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.DirectoryPage;
import dev.gatehouse.directory.DirectorySort;
import dev.gatehouse.directory.OuRow;
import dev.gatehouse.directory.PermissionSetRow;
import dev.gatehouse.security.AdminOrAuditor;
import dev.gatehouse.security.CurrentUser;
import dev.gatehouse.shared.CsvWriter;

/** Reading and verifying the audit trail; only auditors and admins may. */
@Service
public class AuditTrail {

    /** The most accounts an OU filter covers: far more than one OU holds in practice. */
    private static final int MAX_OU_ACCOUNTS = 10_000;

    private static final AccountScopes WHOLE_ORGANIZATION = new AccountScopes(true, Set.of(), Set.of());

    private final AuditRepository repository;
    private final DirectoryLookup directory;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;

    AuditTrail(AuditRepository repository, DirectoryLookup directory, CurrentUser currentUser, Clock clock,
               PlatformTransactionManager transactions) {
        this.repository = repository;
        this.directory = directory;
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
    @AdminOrAuditor
    public ChainReport verify() {
        ChainReport report = repository.verifyChain();
        repository.append(NewEntry.of(clock.instant(), currentUser.require().displayName(),
                AuditAction.AUDIT_TRAIL_VERIFIED, "audit trail", report.summary()));
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
    @AdminOrAuditor
    public long export(AuditFilter filter, boolean byteOrderMark, OutputStream out) {
        String by = currentUser.require().displayName();
        long upTo = writing.execute(status -> {
            long last = repository.lastSeq();
            repository.append(NewEntry.of(clock.instant(), by, AuditAction.AUDIT_TRAIL_EXPORTED, "audit trail",
                    "CSV of " + filter.describe() + " up to entry " + last));
            return last;
        });
        List<String> ouAccounts = ouAccounts(filter);
        return reading.execute(status -> {
            try (CsvWriter csv = new CsvWriter(out, byteOrderMark)) {
                return repository.export(filter, ouAccounts, upTo, csv);
            }
        });
    }

    /** The export's file name, with the time range it covers: gatehouse-audit-start-to-2026-11-23T0846Z.csv. */
    public String exportFileName(AuditFilter filter) {
        return "gatehouse-audit-" + filter.fileRange(clock.instant()) + ".csv";
    }

    /** The first page of entries matching the filter, newest first, or the page after {@code after}. */
    @Transactional(readOnly = true)
    @AdminOrAuditor
    public List<AuditEntry> page(AuditFilter filter, Optional<AuditEntry> after, int limit) {
        return repository.page(filter, ouAccounts(filter), after, limit);
    }

    /**
     * Entries matching the filter from a position, newest first; {@link #page(AuditFilter, Optional, int)}
     * is faster.
     */
    @Transactional(readOnly = true)
    @AdminOrAuditor
    public List<AuditEntry> page(AuditFilter filter, int offset, int limit) {
        return repository.page(filter, ouAccounts(filter), offset, limit);
    }

    /** Accounts whose name, id or OU path contains the text, for the account filter. */
    @Transactional(readOnly = true)
    @AdminOrAuditor
    public List<AccountRow> findAccounts(String text, int offset, int limit) {
        return directory.accountsWithin(WHOLE_ORGANIZATION,
                new DirectoryPage(text, DirectorySort.NAME, false, offset, limit));
    }

    /** OUs whose name or path contains the text, for the OU filter. */
    @Transactional(readOnly = true)
    @AdminOrAuditor
    public List<OuRow> findOus(String text, int limit) {
        return directory.findOrganizationalUnits(text, limit);
    }

    /** Every permission set's name, for the permission set filter. */
    @Transactional(readOnly = true)
    @AdminOrAuditor
    public List<String> permissionSetNames() {
        return directory.permissionSets().stream().map(PermissionSetRow::name).toList();
    }

    /** The accounts in the filter's OU and the OUs below it, as the last directory sync saw them. */
    private List<String> ouAccounts(AuditFilter filter) {
        return filter.ouId().map(ou -> directory.accountsWithin(new AccountScopes(false, Set.of(ou), Set.of()),
                DirectoryPage.first(MAX_OU_ACCOUNTS)).stream().map(AccountRow::id).toList()).orElse(List.of());
    }
}
