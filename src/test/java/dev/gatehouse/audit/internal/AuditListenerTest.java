package dev.gatehouse.audit.internal;

import static dev.gatehouse.db.Tables.AUDIT_ENTRY;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.transaction.support.TransactionTemplate;

import dev.gatehouse.TestEvents;
import dev.gatehouse.audit.AuditEntry;

/** An event from another module, published as that module does (in a transaction), and the entry it leaves. */
@SpringBootTest
abstract class AuditListenerTest {

    @Autowired
    private ApplicationEventPublisher events;
    @Autowired
    private TransactionTemplate transaction;
    @Autowired
    private DSLContext db;
    @Autowired
    private EventPublicationRegistry publications;

    /** The trail is append-only: a test looks only at what comes after the entries already there. */
    private long lastBefore;

    @BeforeEach
    void markTheEndOfTheTrail() {
        TestEvents.awaitDelivered(publications);
        lastBefore = db.select(DSL.coalesce(DSL.max(AUDIT_ENTRY.ID), 0L)).from(AUDIT_ENTRY).fetchOne().value1();
    }

    protected void publish(Object event) {
        transaction.executeWithoutResult(status -> events.publishEvent(event));
    }

    protected AuditEntry awaitOneEntry() {
        return await().atMost(Duration.ofSeconds(10)).until(() -> db.selectFrom(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.ID.gt(lastBefore)).fetch(AuditRepository::entry), entries -> entries.size() == 1)
                .get(0);
    }

    /** For events other tests in the same application may cause at the same time: the one entry with this subject. */
    protected AuditEntry awaitOneEntry(String subject) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> db.selectFrom(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.ID.gt(lastBefore), AUDIT_ENTRY.SUBJECT.eq(subject))
                .fetch(AuditRepository::entry), entries -> entries.size() == 1).get(0);
    }

    /** The entries with this subject, once there are this many. */
    protected List<AuditEntry> awaitEntries(String subject, int count) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> db.selectFrom(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.ID.gt(lastBefore), AUDIT_ENTRY.SUBJECT.eq(subject))
                .fetch(AuditRepository::entry), entries -> entries.size() == count);
    }
}
