package dev.gatehouse.audit.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditSubjects;
import dev.gatehouse.directory.DirectoryRefreshed;
import dev.gatehouse.directory.DirectorySynced;
import dev.gatehouse.directory.OwnedKind;
import dev.gatehouse.directory.OwnerChanged;
import dev.gatehouse.directory.SyncCounts;
import dev.gatehouse.directory.SyncRun;
import dev.gatehouse.directory.SyncStatus;
import dev.gatehouse.notification.NotificationSentByHand;
import dev.gatehouse.shared.SystemActor;

/**
 * Writes each directory sync to the audit trail (who started it, what it read, what changed or why it
 * failed), each admin refresh of one entry, owner changes, and notifications an admin sent by hand.
 */
@Component
class DirectorySyncAuditor {

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
                + run.removed() + (event.changesByKind().isEmpty() ? "" : " (" + event.changesByKind() + ")")
                : run.error();
        repository.append(NewEntry.of(run.finishedAt().orElse(run.startedAt()),
                run.requestedBy().isEmpty() ? SystemActor.NAME : run.requestedBy(),
                succeeded ? AuditAction.DIRECTORY_SYNCED : AuditAction.DIRECTORY_SYNC_FAILED,
                "sync #" + run.id() + " (" + run.trigger().name().toLowerCase() + ")", details));
    }

    @ApplicationModuleListener
    void on(DirectoryRefreshed event) {
        repository.append(NewEntry.of(event.at(), event.actor(), AuditAction.DIRECTORY_REFRESHED, event.subject(),
                event.outcome()));
    }

    @ApplicationModuleListener
    void on(OwnerChanged event) {
        AuditSubjects about = event.kind() == OwnedKind.ACCOUNT ? AuditSubjects.NONE.account(event.resourceId())
                : AuditSubjects.NONE.permissionSetNamed(event.resourceName());
        repository.append(NewEntry.of(event.at(), event.actor(), AuditAction.OWNER_CHANGED,
                event.kind().label() + " " + event.resourceName() + " (" + event.resourceId() + ")",
                "before: " + event.before() + " | after: " + event.after()).about(about));
    }

    @ApplicationModuleListener
    void on(NotificationSentByHand event) {
        repository.append(NewEntry.of(event.at(), event.actor(), AuditAction.NOTIFICATION_SENT_BY_HAND,
                "notifications", event.what()));
    }

    private static String read(SyncCounts counts) {
        return "read " + counts.accounts() + " accounts, " + counts.users() + " users, " + counts.groups()
                + " groups, " + counts.permissionSets() + " permission sets, " + counts.assignments() + " assignments";
    }
}
