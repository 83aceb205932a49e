package dev.gatehouse.audit.internal;

import static dev.gatehouse.db.Tables.AUDIT_ENTRY;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.Record7;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditEntry;
import dev.gatehouse.audit.AuditFilter;
import dev.gatehouse.audit.ChainReport;
import dev.gatehouse.shared.SearchText;

@Repository
public class AuditRepository {

    private static final int EXPORT_FETCH_SIZE = 5_000;

    private final DSLContext db;

    AuditRepository(DSLContext db) {
        this.db = db;
    }

    public void append(Instant at, String actor, AuditAction action, String subject, String details,
                       String sourceAddress) {
        db.insertInto(AUDIT_ENTRY)
                .set(AUDIT_ENTRY.OCCURRED_AT, at.atOffset(ZoneOffset.UTC))
                .set(AUDIT_ENTRY.ACTOR, actor)
                .set(AUDIT_ENTRY.ACTION, action.name())
                .set(AUDIT_ENTRY.SUBJECT, subject)
                .set(AUDIT_ENTRY.DETAILS, details)
                .set(AUDIT_ENTRY.SOURCE_ADDRESS, sourceAddress)
                .execute();
    }

    public List<AuditEntry> page(AuditFilter filter, int offset, int limit) {
        return db.select(AUDIT_ENTRY.ID, AUDIT_ENTRY.OCCURRED_AT, AUDIT_ENTRY.ACTOR, AUDIT_ENTRY.ACTION,
                        AUDIT_ENTRY.SUBJECT, AUDIT_ENTRY.DETAILS, AUDIT_ENTRY.SOURCE_ADDRESS)
                .from(AUDIT_ENTRY)
                .where(conditions(filter))
                .orderBy(AUDIT_ENTRY.OCCURRED_AT.desc(), AUDIT_ENTRY.ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(r -> new AuditEntry(r.value1(), r.value2().toInstant(), r.value3(),
                        AuditAction.valueOf(r.value4()), r.value5(), r.value6(), r.value7()));
    }

    static final List<String> CSV_HEADER = List.of("Entry", "Time (UTC)", "Actor", "Action", "Subject", "Details",
            "Source address");

    /**
     * Writes the entries matching the filter up to entry {@code upTo}, newest first, as CSV rows. The
     * rows stream from a database cursor (the caller holds a read-only transaction), so memory stays
     * flat however many.
     *
     * @return how many entries were written
     */
    public long export(AuditFilter filter, long upTo, CsvWriter csv) {
        csv.row(CSV_HEADER);
        long rows = 0;
        try (Cursor<Record7<Long, OffsetDateTime, String, String, String, String, String>> cursor = db
                .select(AUDIT_ENTRY.SEQ, AUDIT_ENTRY.OCCURRED_AT, AUDIT_ENTRY.ACTOR, AUDIT_ENTRY.ACTION,
                        AUDIT_ENTRY.SUBJECT, AUDIT_ENTRY.DETAILS, AUDIT_ENTRY.SOURCE_ADDRESS)
                .from(AUDIT_ENTRY)
                .where(conditions(filter)).and(AUDIT_ENTRY.SEQ.le(upTo))
                .orderBy(AUDIT_ENTRY.OCCURRED_AT.desc(), AUDIT_ENTRY.ID.desc())
                .fetchSize(EXPORT_FETCH_SIZE)
                .fetchLazy()) {
            for (var r : cursor) {
                csv.row(Arrays.asList(String.valueOf(r.value1()),
                        r.value2().atZoneSameInstant(ZoneOffset.UTC).toLocalDateTime().toString(), r.value3(),
                        AuditAction.valueOf(r.value4()).label(), r.value5(), r.value6(), r.value7()));
                rows++;
            }
        }
        return rows;
    }

    /** The last entry's seq; 0 for an empty trail. */
    public long lastSeq() {
        return db.fetchValue(DSL.field("(select seq from audit_chain_head)", Long.class));
    }

    /**
     * Walks the hash chain once in seq order, recomputing each entry's hash from the previous entry's
     * stored hash and its own fields, in the database (the same function the insert trigger uses).
     */
    public ChainReport verifyChain() {
        long entries = db.fetchCount(AUDIT_ENTRY);
        long head = lastSeq();
        Record2<Long, Long> broken = db.resultQuery("""
                select seq, step from (
                    select seq, seq - coalesce(lag(seq) over w, 0) as step,
                           hash = sha256(coalesce(lag(hash) over w, decode(repeat('00', 32), 'hex'))
                                         || audit_entry_bytes(e)) as intact
                    from audit_entry e
                    window w as (order by seq)) links
                where step <> 1 or not intact
                order by seq
                limit 1""")
                .coerce(DSL.field("seq", Long.class), DSL.field("step", Long.class))
                .fetchOne();
        if (broken != null) {
            long seq = broken.value1();
            return ChainReport.broken(entries, seq, broken.value2() != 1
                    ? range(seq - broken.value2() + 1, seq - 1) + " missing before entry " + seq
                    : "entry " + seq + " differs from what its hash covers (edited, or its predecessor was)");
        }
        long last = db.fetchValue(DSL.field("(select coalesce(max(seq), 0) from audit_entry)", Long.class));
        if (last != head) {
            return ChainReport.broken(entries, last + 1, range(last + 1, head) + " removed from the end");
        }
        return ChainReport.intact(entries);
    }

    /** "entry 7 is", "entries 7 to 9 are". */
    private static String range(long first, long last) {
        return first == last ? "entry " + first + " is" : "entries " + first + " to " + last + " are";
    }

    private static List<Condition> conditions(AuditFilter filter) {
        List<Condition> conditions = new ArrayList<>();
        filter.action().ifPresent(action -> conditions.add(AUDIT_ENTRY.ACTION.eq(action.name())));
        if (!filter.text().isEmpty()) {
            String pattern = SearchText.containsPattern(filter.text());
            conditions.add(DSL.or(AUDIT_ENTRY.ACTOR.likeIgnoreCase(pattern, SearchText.ESCAPE),
                    AUDIT_ENTRY.SUBJECT.likeIgnoreCase(pattern, SearchText.ESCAPE),
                    AUDIT_ENTRY.DETAILS.likeIgnoreCase(pattern, SearchText.ESCAPE)));
        }
        return conditions;
    }
}
