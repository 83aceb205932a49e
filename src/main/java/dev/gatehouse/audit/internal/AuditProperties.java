package dev.gatehouse.audit.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.gatehouse.shared.StartupProblem;

/**
 * gatehouse.audit.*: how long the trail keeps entries.
 *
 * @param retention        entries older than this leave the trail, oldest first; empty keeps them all
 * @param archiveDirectory where removed entries are written as CSV, with their seq and hash, before they go;
 *                         empty removes them without an archive
 */
@ConfigurationProperties("gatehouse.audit")
record AuditProperties(Optional<Duration> retention, Optional<Path> archiveDirectory) {

    /** The database's audit_prune refuses anything younger, too. */
    static final Duration MINIMUM_RETENTION = Duration.ofDays(30);

    AuditProperties {
        retention = retention == null ? Optional.empty() : retention;
        archiveDirectory = archiveDirectory == null ? Optional.empty() : archiveDirectory;
        if (retention.filter(r -> r.compareTo(MINIMUM_RETENTION) < 0).isPresent()) {
            throw new StartupProblem("GATEHOUSE_AUDIT_RETENTION is " + retention.get().toDays()
                    + " days; the audit trail keeps entries at least 30 days.",
                    "Set it to 30d or more, or leave it empty to keep every entry.");
        }
    }
}
