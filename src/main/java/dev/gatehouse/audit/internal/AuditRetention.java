package dev.gatehouse.audit.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.shared.CsvWriter;
import dev.gatehouse.shared.SystemActor;

/**
 * Removes entries older than the retention period from the start of the trail, in batches, each in
 * one transaction: archive the batch (when a directory is set), remove it through the database's
 * audit_prune, which moves the chain's anchor so what remains still verifies, and record the removal
 * as an entry of its own. A failed archive write removes nothing.
 */
@Component
class AuditRetention {

    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);
    static final int BATCH = 10_000;

    private final AuditRepository repository;
    private final AuditProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    AuditRetention(AuditRepository repository, AuditProperties properties, Clock clock,
                   PlatformTransactionManager transactions) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** @return how many entries left the trail */
    long removeExpired() {
        if (properties.retention().isEmpty()) {
            return 0;
        }
        Instant olderThan = clock.instant().minus(properties.retention().get());
        long removed = 0;
        long batch;
        do {
            batch = transaction.execute(status -> removeBatch(olderThan));
            removed += batch;
        } while (batch > 0);
        if (removed > 0) {
            log.info("Audit retention removed {} entries older than {}", removed, olderThan);
        }
        return removed;
    }

    private long removeBatch(Instant olderThan) {
        long upTo = repository.pruneUpTo(olderThan, BATCH);
        if (upTo == 0) {
            return 0;
        }
        long first = repository.anchorSeq() + 1;
        String archived = properties.archiveDirectory().map(directory -> "; archived to "
                + archive(directory, first, upTo)).orElse("; not archived");
        long removed = repository.prune(upTo, olderThan);
        repository.append(NewEntry.of(clock.instant(), SystemActor.NAME, AuditAction.AUDIT_TRAIL_PRUNED, "audit trail",
                "Removed entries " + first + " to " + upTo + " (" + removed + "), all older than " + olderThan
                        + archived));
        return removed;
    }

    /** Writes the entries to a new file beside the final one and moves it in place once it is on disk. */
    private Path archive(Path directory, long first, long upTo) {
        Path file = directory.resolve("gatehouse-audit-entries-" + first + "-to-" + upTo + ".csv");
        Path partial = directory.resolve(file.getFileName() + ".partial");
        try {
            Files.createDirectories(directory);
            try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                 CsvWriter csv = new CsvWriter(out, false)) {
                repository.archive(first, upTo, csv);
            }
            return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not archive audit entries to " + directory, e);
        }
    }
}
