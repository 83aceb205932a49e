package dev.gatehouse.audit;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.gatehouse.access.GrantHistoryRow;
import dev.gatehouse.access.GrantService;
import dev.gatehouse.audit.internal.AuditRepository;
import dev.gatehouse.audit.internal.NewEntry;
import dev.gatehouse.directory.AccessHolding;
import dev.gatehouse.directory.AccessInventory;
import dev.gatehouse.directory.InventoryOrder;
import dev.gatehouse.directory.InventoryScope;
import dev.gatehouse.security.AdminOrAuditor;
import dev.gatehouse.security.CurrentUser;
import dev.gatehouse.shared.CsvWriter;
import dev.gatehouse.shared.DurationText;

/**
 * Who has access to what now, standing and just-in-time, with where it comes from; and every request
 * with its approvers, times and outcome. CSV like the trail's export; each download is recorded in the
 * trail before it starts, and only auditors and admins may.
 */
@Service
public class AuditReports {

    private final AccessInventory inventory;
    private final GrantService grants;
    private final AuditRepository repository;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final TransactionTemplate writing;

    AuditReports(AccessInventory inventory, GrantService grants, AuditRepository repository, CurrentUser currentUser,
                 Clock clock, PlatformTransactionManager transactions) {
        this.inventory = inventory;
        this.grants = grants;
        this.repository = repository;
        this.currentUser = currentUser;
        this.clock = clock;
        this.writing = new TransactionTemplate(transactions);
    }

    /**
     * Writes the report as CSV. The grant history covers requests sent in the filter's time range; the
     * current access reports ignore the filter.
     *
     * @return how many rows were written
     */
    @AdminOrAuditor
    public long write(AuditReport report, AuditFilter range, boolean byteOrderMark, OutputStream out) {
        String by = currentUser.require().displayName();
        String covering = report == AuditReport.GRANT_HISTORY ? " (requests " + rangeText(range) + ")" : "";
        writing.executeWithoutResult(status -> repository.append(NewEntry.of(clock.instant(), by,
                AuditAction.AUDIT_REPORT_EXPORTED, "audit trail", report.label() + covering + " as CSV")));
        try (CsvWriter csv = new CsvWriter(out, byteOrderMark)) {
            return switch (report) {
                case CURRENT_ACCESS_BY_ACCOUNT -> currentAccess(false, csv);
                case CURRENT_ACCESS_BY_PERSON -> currentAccess(true, csv);
                case GRANT_HISTORY -> grantHistory(range, csv);
            };
        }
    }

    /**
     * gatehouse-current-access-by-account-2026-11-23T0846Z.csv, or
     * gatehouse-grant-history-start-to-2026-11-23T0846Z.csv.
     */
    public String fileName(AuditReport report, AuditFilter range) {
        Instant now = clock.instant();
        return "gatehouse-" + report.fileStem() + "-" + (report == AuditReport.GRANT_HISTORY ? range.fileRange(now)
                : AuditFilter.fileTime(now)) + ".csv";
    }

    /**
     * The access inventory of the whole organization: the last sync's assignments and Gatehouse's own
     * writes since, direct and through groups, with those a Gatehouse grant holds as just-in-time,
     * including grants the sync has not seen yet.
     */
    private long currentAccess(boolean byPerson, CsvWriter csv) {
        csv.row(List.of("Account id", "Account", "Permission set", "Person", "User name", "Source", "Until (UTC)"));
        AtomicLong rows = new AtomicLong();
        inventory.each(InventoryScope.ORGANIZATION, byPerson ? InventoryOrder.BY_PERSON : InventoryOrder.BY_ACCOUNT,
                access -> {
                    csv.row(List.of(access.account().id(), access.account().name(), access.permissionSet().name(),
                            access.person().displayName(), access.person().userName(), source(access),
                            access.held().grant().map(grant -> CsvWriter.time(grant.endsAt())).orElse("")));
                    rows.incrementAndGet();
                });
        return rows.get();
    }

    private long grantHistory(AuditFilter range, CsvWriter csv) {
        csv.row(List.of("Request", "Requested at (UTC)", "Requester", "Account id", "Account", "Permission set",
                "Duration", "Justification", "Ticket", "Break-glass", "Approvers", "Request status", "Decided by",
                "Decided at (UTC)", "Grant", "Grant status", "Access from (UTC)", "Access until (UTC)",
                "Ended early or failed"));
        AtomicLong rows = new AtomicLong();
        grants.eachGrantHistory(range.from(), range.until(), row -> {
            csv.row(history(row));
            rows.incrementAndGet();
        });
        return rows.get();
    }

    private static List<String> history(GrantHistoryRow row) {
        List<String> cells = new ArrayList<>(List.of(String.valueOf(row.requestId()), CsvWriter.time(row.requestedAt()),
                row.requester(), row.accountId(), row.accountName(), row.permissionSetName(),
                DurationText.of(row.duration()), row.justification(), row.ticket(), row.breakGlass() ? "yes" : "no",
                row.decisions(), row.requestStatus().label(), row.decidedBy(), time(row.decidedAt())));
        cells.addAll(List.of(row.grantId().map(String::valueOf).orElse(""),
                row.grantStatus().map(status -> status.label()).orElse(""), time(row.activatedAt()),
                time(row.endedAt()), row.endedHow()));
        return cells;
    }

    private static String source(AccessHolding access) {
        boolean unseenGrant = access.held().how() == AccessHolding.How.GRANT && access.firstSeen().isEmpty();
        return access.source() + (unseenGrant ? ", made since the last directory sync" : "");
    }

    private static String time(Optional<Instant> at) {
        return at.map(CsvWriter::time).orElse("");
    }

    private static String rangeText(AuditFilter range) {
        if (range.from().isEmpty() && range.until().isEmpty()) {
            return "of all time";
        }
        return range.from().map(t -> "from " + t).orElse("") + (range.from().isPresent() && range.until().isPresent()
                ? " " : "") + range.until().map(t -> "before " + t).orElse("");
    }
}
