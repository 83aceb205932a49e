package dev.gatehouse.audit.internal;

import static dev.gatehouse.TestUsers.as;
import static dev.gatehouse.db.Tables.AUDIT_ENTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.AccessDeniedException;

import dev.gatehouse.TestDatabase;
import dev.gatehouse.TestEvents;
import dev.gatehouse.TestUsers;
import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditSubjects;
import dev.gatehouse.audit.AuditTrail;
import dev.gatehouse.audit.AuditVerification;
import dev.gatehouse.audit.ChainReport;

/**
 * The audit trail is append-only in the database itself, and its hash chain shows an edit made past
 * that (by someone who may switch the triggers off) at the first entry whose link no longer holds.
 */
@SpringBootTest
class AuditIntegrityTest {

    @Autowired
    private AuditRepository repository;
    @Autowired
    private AuditTrail audit;
    @Autowired
    private DSLContext db;
    @Autowired
    private Environment environment;
    @Autowired
    private EventPublicationRegistry publications;

    @Test
    void the_application_cannot_change_delete_or_truncate_entries() {
        long id = append("nothing to hide");

        assertThatThrownBy(() -> db.update(AUDIT_ENTRY).set(AUDIT_ENTRY.DETAILS, "rewritten")
                .where(AUDIT_ENTRY.ID.eq(id)).execute())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> db.deleteFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.ID.eq(id)).execute())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> db.truncate(AUDIT_ENTRY).execute())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThat(db.fetchValue(AUDIT_ENTRY.DETAILS, AUDIT_ENTRY.ID.eq(id))).isEqualTo("nothing to hide");
    }

    @Test
    void even_the_owner_cannot_change_delete_or_truncate_entries_while_the_triggers_are_on() {
        long id = append("nothing to hide from the owner");
        DSLContext owner = DSL.using(TestDatabase.asOwner(), SQLDialect.POSTGRES);

        assertThatThrownBy(() -> owner.update(AUDIT_ENTRY).set(AUDIT_ENTRY.DETAILS, "rewritten")
                .where(AUDIT_ENTRY.ID.eq(id)).execute())
                .isInstanceOf(org.jooq.exception.DataAccessException.class)
                .rootCause().hasMessageContaining("append-only: UPDATE");
        assertThatThrownBy(() -> owner.deleteFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.ID.eq(id)).execute())
                .isInstanceOf(org.jooq.exception.DataAccessException.class)
                .rootCause().hasMessageContaining("append-only: DELETE");
        assertThatThrownBy(() -> owner.truncate(AUDIT_ENTRY).execute())
                .isInstanceOf(org.jooq.exception.DataAccessException.class)
                .rootCause().hasMessageContaining("append-only: TRUNCATE");
        assertThat(db.fetchValue(AUDIT_ENTRY.DETAILS, AUDIT_ENTRY.ID.eq(id)))
                .isEqualTo("nothing to hide from the owner");
    }

    @Test
    void an_edit_made_directly_in_sql_is_found_at_the_edited_entry() throws Exception {
        long id = append("approved by Avery Patel");
        long seq = db.fetchValue(AUDIT_ENTRY.SEQ, AUDIT_ENTRY.ID.eq(id));
        assertThat(repository.verifyChain().intact()).isTrue();

        rewriteBypassingTriggers(id, "approved by Jordan Kim");
        try {
            ChainReport report = repository.verifyChain();
            assertThat(report.brokenAt()).hasValue(seq);
            assertThat(report.summary()).isEqualTo("Broken at entry " + seq + ": entry " + seq + " differs from "
                    + "what its hash covers (edited, or its predecessor was).");
        } finally {
            rewriteBypassingTriggers(id, "approved by Avery Patel");
        }
        assertThat(repository.verifyChain().intact()).isTrue();
    }

    @Test
    void moving_an_entry_to_another_account_in_sql_is_found_too() throws Exception {
        long id = append("granted on the payments account");
        long seq = db.fetchValue(AUDIT_ENTRY.SEQ, AUDIT_ENTRY.ID.eq(id));

        bypassingTriggers("update audit_entry set account_id = '999999999999' where id = ?", id);
        try {
            assertThat(repository.verifyChain().brokenAt()).hasValue(seq);
        } finally {
            bypassingTriggers("update audit_entry set account_id = '111122223333' where id = ?", id);
        }
        assertThat(repository.verifyChain().intact()).isTrue();
    }

    @Test
    void entries_removed_from_the_end_are_found_before_and_after_the_next_append() throws Exception {
        TestEvents.awaitDelivered(publications);
        long id = append("the last words");
        var removed = db.selectFrom(AUDIT_ENTRY).where(AUDIT_ENTRY.ID.eq(id)).fetchOne();
        bypassingTriggers("delete from audit_entry where id = ?", id);
        try {
            assertThat(repository.verifyChain().summary()).isEqualTo("Broken at entry " + removed.getSeq()
                    + ": entry " + removed.getSeq() + " is removed from the end.");

            long next = db.fetchValue(AUDIT_ENTRY.SEQ, AUDIT_ENTRY.ID.eq(append("written after the removal")));

            assertThat(next).isEqualTo(removed.getSeq() + 1);
            assertThat(repository.verifyChain().summary()).isEqualTo("Broken at entry " + next + ": entry "
                    + removed.getSeq() + " is missing before entry " + next + ".");
        } finally {
            bypassingTriggers("insert into audit_entry (id, occurred_at, actor, action, subject, details, "
                    + "source_address, account_id, request_id, seq, hash) overriding system value "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    removed.getId(), removed.getOccurredAt(), removed.getActor(), removed.getAction().name(),
                    removed.getSubject(), removed.getDetails(), removed.getSourceAddress(), removed.getAccountId(),
                    removed.getRequestId(), removed.getSeq(), removed.getHash());
        }
        assertThat(repository.verifyChain().intact()).isTrue();
    }

    @Test
    void verifying_is_for_auditors_and_admins_and_is_recorded() {
        append("something to verify");
        assertThatThrownBy(() -> as(TestUsers.REQUESTER, audit::verify)).isInstanceOf(AccessDeniedException.class);

        ChainReport report = as(TestUsers.AUDITOR, audit::verify);

        assertThat(report.intact()).isTrue();
        assertThat(report.entries()).isPositive();
        assertThat(db.fetchExists(AUDIT_ENTRY, AUDIT_ENTRY.ACTION.eq(AuditAction.AUDIT_TRAIL_VERIFIED),
                AUDIT_ENTRY.ACTOR.eq("Sam Okafor"), AUDIT_ENTRY.DETAILS.eq(report.summary()))).isTrue();
    }

    @Test
    void the_command_line_verification_exits_0_for_an_intact_chain_and_1_for_a_broken_one() throws Exception {
        String url = environment.getProperty("spring.datasource.url");
        assertThat(AuditVerification.run("--spring.datasource.url=" + url)).isZero();

        long id = append("granted for 1 h");
        rewriteBypassingTriggers(id, "granted for 12 h");
        try {
            assertThat(AuditVerification.run("--spring.datasource.url=" + url)).isEqualTo(1);
        } finally {
            rewriteBypassingTriggers(id, "granted for 1 h");
        }
    }

    private long append(String details) {
        Instant now = Instant.now();
        repository.append(NewEntry.of(now, "integrity test", AuditAction.ACCESS_REQUESTED, "request #1", details)
                .about(AuditSubjects.NONE.request(1).account("111122223333")));
        return db.fetchValue(db.select(DSL.max(AUDIT_ENTRY.ID)).from(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.DETAILS.eq(details)));
    }

    /** What a database superuser could do: switch triggers off for the session and change rows. */
    private void bypassingTriggers(String sql, Object... parameters) throws Exception {
        try (Connection connection = TestDatabase.asOwner().getConnection();
             Statement session = connection.createStatement();
             PreparedStatement change = connection.prepareStatement(sql)) {
            session.execute("set session_replication_role = replica");
            for (int i = 0; i < parameters.length; i++) {
                change.setObject(i + 1, parameters[i]);
            }
            change.executeUpdate();
            session.execute("set session_replication_role = origin");
        }
    }

    private void rewriteBypassingTriggers(long id, String details) throws Exception {
        bypassingTriggers("update audit_entry set details = ? where id = ?", details, id);
    }
}
