package dev.gatehouse.audit.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.directory.DirectorySynced;
import dev.gatehouse.directory.SyncCounts;
import dev.gatehouse.directory.SyncRun;
import dev.gatehouse.directory.SyncStatus;

/** Writes each directory sync to the audit trail: who started it, what it read, what changed or why it failed. */
@Component
class DirectorySyncAuditor {

    static final String SYSTEM_ACTOR = "Gatehouse";

    private final AuditRepository repository;

    DirectorySyncAuditor(AuditRepository repository) {
        this.repository = repository;
    }

    @ApplicationModuleListener
    void on(DirectorySynced event) {
        SyncRun run = event.run();
        boolean succeeded = run.status() == SyncStatus.SUCCEEDED;
        String details = succeeded
                ? read(run.counts()) + "; added " + run.added() + ", changed " + run.changed() + ", removed "
                + run.removed()
                : run.error();
        repository.append(run.finishedAt().orElse(run.startedAt()),
                run.requestedBy().isEmpty() ? SYSTEM_ACTOR : run.requestedBy(),
                succeeded ? AuditAction.DIRECTORY_SYNCED : AuditAction.DIRECTORY_SYNC_FAILED,
                "sync #" + run.id() + " (" + run.trigger().name().toLowerCase() + ")", details, null);
    }

    private static String read(SyncCounts counts) {
        return "read " + counts.accounts() + " accounts, " + counts.users() + " users, " + counts.groups()
                + " groups, " + counts.permissionSets() + " permission sets, " + counts.assignments() + " assignments";
    }
}
