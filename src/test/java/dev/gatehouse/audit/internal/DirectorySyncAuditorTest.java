package dev.gatehouse.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditEntry;
import dev.gatehouse.directory.DirectoryRefreshed;
import dev.gatehouse.directory.DirectorySynced;
import dev.gatehouse.directory.SyncCounts;
import dev.gatehouse.directory.SyncRun;
import dev.gatehouse.directory.SyncStatus;
import dev.gatehouse.directory.SyncTrigger;
import dev.gatehouse.notification.NotificationSentByHand;

class DirectorySyncAuditorTest extends AuditListenerTest {

    private static final Instant START = Instant.parse("2026-11-21T09:00:00Z");

    @Test
    void a_manual_sync_is_recorded_with_who_asked_what_it_read_and_what_changed() {
        publish(new DirectorySynced(run(SyncStatus.SUCCEEDED, SyncTrigger.MANUAL, "morgan.reyes", ""),
                "user +3, assignment ~2 -1"));

        AuditEntry entry = awaitOneEntry();
        assertThat(entry.action()).isEqualTo(AuditAction.DIRECTORY_SYNCED);
        assertThat(entry.actor()).isEqualTo("morgan.reyes");
        assertThat(entry.subject()).isEqualTo("sync #7 (manual)");
        assertThat(entry.details()).isEqualTo("read 40 accounts, 120 users, 15 groups, 12 permission sets, "
                + "300 assignments; added 3, changed 2, removed 1 (user +3, assignment ~2 -1)");
    }

    @Test
    void a_failed_scheduled_sync_is_recorded_with_its_reason() {
        publish(new DirectorySynced(run(SyncStatus.FAILED, SyncTrigger.SCHEDULE, "",
                "ListUsers failed after 8 attempt(s)"), ""));

        AuditEntry entry = awaitOneEntry();
        assertThat(entry.action()).isEqualTo(AuditAction.DIRECTORY_SYNC_FAILED);
        assertThat(entry.actor()).isEqualTo("Gatehouse");
        assertThat(entry.details()).isEqualTo("ListUsers failed after 8 attempt(s)");
    }

    @Test
    void an_admins_refresh_of_one_account_is_recorded_with_what_it_found() {
        publish(new DirectoryRefreshed("Morgan Reyes", "account 111122223333",
                "Refreshed from Identity Center: 4 assignments on this account.", START));

        AuditEntry entry = awaitOneEntry();
        assertThat(entry.action()).isEqualTo(AuditAction.DIRECTORY_REFRESHED);
        assertThat(entry.subject()).isEqualTo("account 111122223333");
        assertThat(entry.details()).isEqualTo("Refreshed from Identity Center: 4 assignments on this account.");
    }

    @Test
    void a_notification_an_admin_sent_again_is_recorded() {
        publish(new NotificationSentByHand("Morgan Reyes", "Delivery #12 sent again", START));

        AuditEntry entry = awaitOneEntry();
        assertThat(entry.action()).isEqualTo(AuditAction.NOTIFICATION_SENT_BY_HAND);
        assertThat(entry.actor()).isEqualTo("Morgan Reyes");
        assertThat(entry.details()).isEqualTo("Delivery #12 sent again");
    }

    private static SyncRun run(SyncStatus status, SyncTrigger trigger, String requestedBy, String error) {
        return new SyncRun(7, START, Optional.of(START.plusSeconds(26)), status, trigger, requestedBy, "",
                new SyncCounts(21, 40, 120, 15, 233, 12, 300), 3, 2, 1, "ListUsers=2", error);
    }
}
