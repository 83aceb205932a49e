package dev.gatehouse.audit.internal;

import static dev.gatehouse.db.Tables.AUDIT_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.transaction.support.TransactionTemplate;

import dev.gatehouse.TestEvents;
import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditEntry;
import dev.gatehouse.audit.AuditFilter;
import dev.gatehouse.directory.DirectorySynced;
import dev.gatehouse.directory.SyncCounts;
import dev.gatehouse.directory.SyncRun;
import dev.gatehouse.directory.SyncStatus;
import dev.gatehouse.directory.SyncTrigger;

@SpringBootTest
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DirectorySyncAuditorTest {

    private static final Instant START = Instant.parse("2026-11-21T09:00:00Z");

    @Autowired
    private ApplicationEventPublisher events;
    @Autowired
    private TransactionTemplate transaction;
    @Autowired
    private AuditRepository repository;
    @Autowired
    private DSLContext db;
    @Autowired
    private EventPublicationRegistry publications;

    @BeforeEach
    void emptyTrail() {
        TestEvents.awaitDelivered(publications);
        db.deleteFrom(AUDIT_ENTRY).execute();
    }

    @Test
    void a_manual_sync_is_recorded_with_who_asked_what_it_read_and_what_changed() {
        publish(new DirectorySynced(run(SyncStatus.SUCCEEDED, SyncTrigger.MANUAL, "morgan.reyes", "")));

        AuditEntry entry = awaitOneEntry();
        assertThat(entry.action()).isEqualTo(AuditAction.DIRECTORY_SYNCED);
        assertThat(entry.actor()).isEqualTo("morgan.reyes");
        assertThat(entry.subject()).isEqualTo("sync #7 (manual)");
        assertThat(entry.details()).isEqualTo("read 40 accounts, 120 users, 15 groups, 12 permission sets, "
                + "300 assignments; added 3, changed 2, removed 1");
    }

    @Test
    void a_failed_scheduled_sync_is_recorded_with_its_reason() {
        publish(new DirectorySynced(run(SyncStatus.FAILED, SyncTrigger.SCHEDULE, "",
                "ListUsers failed after 8 attempt(s)")));

        AuditEntry entry = awaitOneEntry();
        assertThat(entry.action()).isEqualTo(AuditAction.DIRECTORY_SYNC_FAILED);
        assertThat(entry.actor()).isEqualTo("Gatehouse");
        assertThat(entry.details()).isEqualTo("ListUsers failed after 8 attempt(s)");
    }

    private static SyncRun run(SyncStatus status, SyncTrigger trigger, String requestedBy, String error) {
        return new SyncRun(7, START, Optional.of(START.plusSeconds(26)), status, trigger, requestedBy, "",
                new SyncCounts(21, 40, 120, 15, 233, 12, 300), 3, 2, 1, "ListUsers=2", error);
    }

    private void publish(DirectorySynced event) {
        transaction.executeWithoutResult(status -> events.publishEvent(event));
    }

    private AuditEntry awaitOneEntry() {
        return await().atMost(Duration.ofSeconds(10)).until(() -> repository.page(AuditFilter.ALL, 0, 10),
                entries -> entries.size() == 1).get(0);
    }
}
