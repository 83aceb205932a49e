package dev.gatehouse.audit.internal;

import static dev.gatehouse.db.Tables.AUDIT_ENTRY;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Select;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import dev.gatehouse.audit.AuditEntry;
import dev.gatehouse.audit.AuditFilter;
import dev.gatehouse.audit.AuditSubjects;
import dev.gatehouse.audit.ChainReport;
import dev.gatehouse.db.tables.records.AuditEntryRecord;
import dev.gatehouse.shared.AddressText;
import dev.gatehouse.shared.CsvWriter;
import dev.gatehouse.shared.SearchText;

@Repository
public class AuditRepository {

    private static final int EXPORT_FETCH_SIZE = 5_000;
    /** Up to this many people or accounts, a page merges each one's newest entries. */
    private static final int MERGED_KEYS = 100;
    private static final List<SortField<?>> NEWEST_FIRST = List.of(AUDIT_ENTRY.OCCURRED_AT.desc(),
            AUDIT_ENTRY.ID.desc());

    private final DSLContext db;

    AuditRepository(DSLContext db) {
        this.db = db;
    }

    public void append(NewEntry entry) {
        AuditSubjects about = entry.about();
        db.insertInto(AUDIT_ENTRY)
                .set(AUDIT_ENTRY.OCCURRED_AT, entry.at().atOffset(ZoneOffset.UTC))
                .set(AUDIT_ENTRY.ACTOR, entry.actor())
                .set(AUDIT_ENTRY.ACTION, entry.action())
                .set(AUDIT_ENTRY.SUBJECT, entry.subject())
                .set(AUDIT_ENTRY.DETAILS, entry.details())
                .set(AUDIT_ENTRY.SOURCE_ADDRESS, entry.sourceAddress())
                .set(AUDIT_ENTRY.ACCOUNT_ID, blankAsNull(about.accountId()))
                .set(AUDIT_ENTRY.PERMISSION_SET, blankAsNull(about.permissionSet()))
                .set(AUDIT_ENTRY.PERSON, blankAsNull(about.person()))
                .set(AUDIT_ENTRY.REQUEST_ID, about.requestId().isPresent() ? about.requestId().getAsLong() : null)
                .set(AUDIT_ENTRY.AWS_REQUEST_ID, blankAsNull(about.awsRequestId()))
                .execute();
    }

    /**
     * The first page of entries matching the filter, newest first, or with {@code after} the page that
     * follows that entry: a keyset read that costs the same at any depth.
     *
     * @param ouAccounts the accounts of the filter's OU, when it names one
     */
    public List<AuditEntry> page(AuditFilter filter, List<String> ouAccounts, Optional<AuditEntry> after, int limit) {
        List<Condition> conditions = conditions(filter, ouAccounts);
        after.ifPresent(last -> conditions.add(DSL.row(AUDIT_ENTRY.OCCURRED_AT, AUDIT_ENTRY.ID)
                .lt(last.occurredAt().atOffset(ZoneOffset.UTC), last.id())));
        return newestFirst(filter, conditions, ouAccounts, after.map(AuditEntry::occurredAt), 0, limit);
    }

    /** Entries matching the filter from a position, newest first: for a jump deep into a grid, read by offset. */
    public List<AuditEntry> page(AuditFilter filter, List<String> ouAccounts, int offset, int limit) {
        return newestFirst(filter, conditions(filter, ouAccounts), ouAccounts, Optional.empty(), offset, limit);
    }

    /**
     * Free text, newest first. Entries are read from the word index with the words of their month: the
     * newest month, then the three before it, then all older ones. A word found in most months fills a
     * page from the first read, at the cost of its entries of one month rather than of all of them.
     */
    private List<AuditEntry> newestMonthsFirst(List<Condition> conditions, String words, YearMonth newest,
                                               int limit) {
        YearMonth older = newest.minusMonths(3);
        List<Condition> reads = List.of(
                holding("(" + words + ") & " + monthWord(newest)),
                holding("(" + words + ") & (" + monthWord(newest.minusMonths(1)) + " | "
                        + monthWord(newest.minusMonths(2)) + " | " + monthWord(older) + ")"),
                holding(words).and(AUDIT_ENTRY.OCCURRED_AT.lt(older.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC))));
        List<AuditEntry> rows = new ArrayList<>();
        for (Condition read : reads) {
            rows.addAll(db.selectFrom(AUDIT_ENTRY).where(conditions).and(read).orderBy(NEWEST_FIRST)
                    .limit(limit - rows.size()).fetch(AuditRepository::entry));
            if (rows.size() == limit) {
                break;
            }
        }
        return rows;
    }

    /** As audit_entry_words writes an entry's month: "ym202611". */
    private static String monthWord(YearMonth month) {
        return "'ym%d%02d'".formatted(month.getYear(), month.getMonthValue());
    }

    /** The month the newest entry a read can return is in: of the entry it reads after, or of the trail's end. */
    private YearMonth newestMonth(AuditFilter filter, Optional<Instant> after) {
        Instant newest = after.or(() -> filter.until().map(until -> until.minusNanos(1000)))
                .orElseGet(() -> Optional.ofNullable(db.select(DSL.max(AUDIT_ENTRY.OCCURRED_AT)).from(AUDIT_ENTRY)
                        .fetchOne().value1()).map(OffsetDateTime::toInstant).orElse(Instant.EPOCH));
        return YearMonth.from(newest.atOffset(ZoneOffset.UTC));
    }

    /**
     * The rows, newest first. One index cannot give the newest entries of several people, or of an OU's
     * accounts, in time order: that would sort every entry they have. So when the filter names a few of
     * them, each one's newest entries are read in order from its own index and merged. More than a few
     * are found fast enough in time order. Free text on its own reads the newest months first.
     *
     * @param after the time of the entry a keyset read follows
     */
    private List<AuditEntry> newestFirst(AuditFilter filter, List<Condition> conditions, List<String> ouAccounts,
                                         Optional<Instant> after, int offset, int limit) {
        Optional<String> words = words(filter);
        if (!filter.person().isEmpty()) {
            List<String> names = namesStartingWith(filter.person());
            if (names.size() <= MERGED_KEYS) {
                return merged(names, name -> List.of(lowerC(AUDIT_ENTRY.ACTOR).eq(name),
                        lowerC(AUDIT_ENTRY.PERSON).eq(name).and(AUDIT_ENTRY.PERSON.isNotNull())),
                        holdingAlso(conditions, words), offset, limit);
            }
        }
        if (filter.ouId().isPresent() && !ouAccounts.isEmpty() && ouAccounts.size() <= MERGED_KEYS) {
            return merged(ouAccounts, account -> List.of(AUDIT_ENTRY.ACCOUNT_ID.eq(account)),
                    holdingAlso(conditions, words), offset, limit);
        }
        if (words.isPresent() && offset == 0) {
            return newestMonthsFirst(conditions, words.get(), newestMonth(filter, after), limit);
        }
        return db.selectFrom(AUDIT_ENTRY).where(holdingAlso(conditions, words)).orderBy(NEWEST_FIRST).offset(offset)
                .limit(limit).fetch(AuditRepository::entry);
    }

    private static List<Condition> holdingAlso(List<Condition> conditions, Optional<String> words) {
        List<Condition> all = new ArrayList<>(conditions);
        words.ifPresent(query -> all.add(holding(query)));
        return all;
    }

    /** For each key, the newest rows of each of its branches; then the newest of all, each entry once. */
    private List<AuditEntry> merged(List<String> keys, Function<Field<String>, List<Condition>> branches,
                                    List<Condition> conditions, int offset, int limit) {
        Table<?> keyTable = DSL.table("unnest({0})", DSL.val(keys.toArray(String[]::new))).as("merge_key", "k");
        Select<AuditEntryRecord> union = null;
        for (Condition branch : branches.apply(DSL.field(DSL.name("merge_key", "k"), String.class))) {
            Select<AuditEntryRecord> newest = DSL.selectFrom(AUDIT_ENTRY).where(conditions).and(branch)
                    .orderBy(NEWEST_FIRST).limit(offset + limit);
            union = union == null ? newest : union.union(newest);
        }
        Table<AuditEntryRecord> newest = DSL.lateral(union).as("newest");
        return db.selectDistinct(newest.fields()).from(keyTable).crossJoin(newest)
                .orderBy(newest.field(AUDIT_ENTRY.OCCURRED_AT).desc(), newest.field(AUDIT_ENTRY.ID).desc())
                .offset(offset).limit(limit)
                .fetch(r -> entry(r.into(AUDIT_ENTRY)));
    }

    /**
     * Up to one more than {@link #MERGED_KEYS} actor or person names starting with the text, from the
     * indexes alone.
     */
    private List<String> namesStartingWith(String typed) {
        String prefix = SearchText.startsWithPattern(typed).toLowerCase(Locale.ROOT);
        Field<String> actor = lowerC(AUDIT_ENTRY.ACTOR);
        Field<String> person = lowerC(AUDIT_ENTRY.PERSON);
        var actors = db.selectDistinct(actor).from(AUDIT_ENTRY).where(actor.like(prefix, SearchText.ESCAPE))
                .orderBy(actor).limit(MERGED_KEYS + 1);
        var people = db.selectDistinct(person).from(AUDIT_ENTRY)
                .where(person.like(prefix, SearchText.ESCAPE), AUDIT_ENTRY.PERSON.isNotNull())
                .orderBy(person).limit(MERGED_KEYS + 1);
        return actors.union(people).fetch(0, String.class);
    }

    /** lower(column) in byte order, as V19's indexes hold it. */
    private static Field<String> lowerC(Field<String> column) {
        return DSL.lower(column).collate(DSL.collation(DSL.quotedName("C")));
    }

    static AuditEntry entry(AuditEntryRecord r) {
        AuditSubjects about = new AuditSubjects(r.getAccountId(), r.getPermissionSet(), r.getPerson(),
                r.getRequestId() == null ? OptionalLong.empty() : OptionalLong.of(r.getRequestId()),
                r.getAwsRequestId());
        return new AuditEntry(r.getId(), r.getSeq(), r.getOccurredAt().toInstant(), r.getActor(),
                r.getAction(), r.getSubject(), r.getDetails(), r.getSourceAddress(), about,
                HexFormat.of().formatHex(r.getHash()));
    }

    private static String blankAsNull(String value) {
        return value.isEmpty() ? null : value;
    }

    static final List<String> CSV_HEADER = List.of("Entry", "Time (UTC)", "Actor", "Action", "Subject", "Account",
            "Permission set", "Person", "Request", "AWS request id", "Details", "Source address");

    /**
     * Writes the entries matching the filter up to entry {@code upTo}, newest first, as CSV rows. The
     * rows stream from a database cursor (the caller holds a read-only transaction), so memory stays
     * flat however many.
     *
     * @return how many entries were written
     */
    public long export(AuditFilter filter, List<String> ouAccounts, long upTo, CsvWriter csv) {
        csv.row(CSV_HEADER);
        long rows = 0;
        try (Cursor<AuditEntryRecord> cursor = db.selectFrom(AUDIT_ENTRY)
                .where(holdingAlso(conditions(filter, ouAccounts), words(filter))).and(AUDIT_ENTRY.SEQ.le(upTo))

                .orderBy(NEWEST_FIRST)
                .fetchSize(EXPORT_FETCH_SIZE)
                .fetchLazy()) {
            for (AuditEntryRecord r : cursor) {
                csv.row(cells(r, AddressText.of(r.getSourceAddress())));
                rows++;
            }
        }
        return rows;
    }

    /**
     * Writes entries {@code first} to {@code upTo} in chain order as CSV, each row ending with its hash
     * in hex, for retention's archive: with the row before, that is what verifying the entry needs.
     */
    public void archive(long first, long upTo, CsvWriter csv) {
        List<String> header = new ArrayList<>(CSV_HEADER);
        header.add("Hash (SHA-256)");
        csv.row(header);
        try (Cursor<AuditEntryRecord> cursor = db.selectFrom(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.SEQ.between(first, upTo))
                .orderBy(AUDIT_ENTRY.SEQ)
                .fetchSize(EXPORT_FETCH_SIZE)
                .fetchLazy()) {
            for (AuditEntryRecord r : cursor) {
                // As stored, so that the row and its hash verify.
                List<String> cells = cells(r, r.getSourceAddress());
                cells.add(HexFormat.of().formatHex(r.getHash()));
                csv.row(cells);
            }
        }
    }

    private static List<String> cells(AuditEntryRecord r, String sourceAddress) {
        return new ArrayList<>(Arrays.asList(String.valueOf(r.getSeq()), CsvWriter.time(r.getOccurredAt()),
                r.getActor(), r.getAction().label(), r.getSubject(), r.getAccountId(),
                r.getPermissionSet(), r.getPerson(), r.getRequestId() == null ? null : String.valueOf(r.getRequestId()),
                r.getAwsRequestId(), r.getDetails(), sourceAddress));
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
                    select seq, seq - coalesce(lag(seq) over w, (select seq from audit_chain_anchor)) as step,
                           hash = sha256(coalesce(lag(hash) over w, (select hash from audit_chain_anchor))
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
        long anchor = anchorSeq();
        long last = db.fetchValue(DSL.field("(select coalesce(max(seq), " + anchor + ") from audit_entry)",
                Long.class));
        if (last != head) {
            return ChainReport.broken(entries, last + 1, range(last + 1, head) + " removed from the end");
        }
        return ChainReport.intact(entries, anchor);
    }

    /** The last entry retention removed; 0 when none was. */
    public long anchorSeq() {
        return db.fetchValue(DSL.field("(select seq from audit_chain_anchor)", Long.class));
    }

    /**
     * The last entry of the trail's start that retention may remove: of the oldest {@code batch} entries,
     * those before the first one at or after {@code olderThan}. 0 when there is none.
     */
    public long pruneUpTo(Instant olderThan, int batch) {
        long anchor = anchorSeq();
        Long firstKept = db.select(DSL.min(AUDIT_ENTRY.SEQ)).from(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.OCCURRED_AT.ge(olderThan.atOffset(ZoneOffset.UTC))).fetchOne().value1();
        long last = db.fetchValue(DSL.field("(select coalesce(max(seq), 0) from audit_entry)", Long.class));
        long upTo = Math.min(firstKept == null ? last : firstKept - 1, anchor + batch);
        return upTo > anchor ? upTo : 0;
    }

    /** Removes entries up to {@code upTo} through the database's audit_prune, which checks they are all old enough. */
    public long prune(long upTo, Instant olderThan) {
        return db.fetchValue(DSL.field("audit_prune({0}, {1})", Long.class, DSL.val(upTo),
                DSL.val(olderThan.atOffset(ZoneOffset.UTC))));
    }

    /** "entry 7 is", "entries 7 to 9 are". */
    private static String range(long first, long last) {
        return first == last ? "entry " + first + " is" : "entries " + first + " to " + last + " are";
    }

    /**
     * Each condition can be read from an index of V17. Free text keeps the entries holding the text as
     * typed, on whole words; {@link #words} finds them first.
     */
    private static List<Condition> conditions(AuditFilter filter, List<String> ouAccounts) {
        List<Condition> conditions = new ArrayList<>();
        filter.action().ifPresent(action -> conditions.add(AUDIT_ENTRY.ACTION.eq(action)));
        filter.from().ifPresent(from -> conditions.add(AUDIT_ENTRY.OCCURRED_AT.ge(from.atOffset(ZoneOffset.UTC))));
        filter.until().ifPresent(until -> conditions.add(AUDIT_ENTRY.OCCURRED_AT.lt(until.atOffset(ZoneOffset.UTC))));
        if (!filter.person().isEmpty()) {
            String prefix = SearchText.startsWithPattern(filter.person()).toLowerCase(Locale.ROOT);
            conditions.add(DSL.or(lowerC(AUDIT_ENTRY.ACTOR).like(prefix, SearchText.ESCAPE),
                    lowerC(AUDIT_ENTRY.PERSON).like(prefix, SearchText.ESCAPE)));
        }
        filter.accountId().ifPresent(id -> conditions.add(AUDIT_ENTRY.ACCOUNT_ID.eq(id)));
        filter.ouId().ifPresent(ou -> conditions.add(ouAccounts.isEmpty() ? DSL.falseCondition()
                : AUDIT_ENTRY.ACCOUNT_ID.eq(DSL.any(ouAccounts.toArray(String[]::new)))));
        filter.permissionSet().ifPresent(name -> conditions.add(AUDIT_ENTRY.PERMISSION_SET.eq(name)));
        filter.requestId().ifPresent(id -> conditions.add(AUDIT_ENTRY.REQUEST_ID.eq(id)));
        if (!filter.text().isEmpty()) {
            conditions.add(DSL.field("audit_entry_text(audit_entry)", String.class)
                    .likeRegex(SearchText.wholeWordsPattern(filter.text())));
        }
        return conditions;
    }

    /** The free text's words to read from the word index (the rarer ones, as audit_words_query picks them). */
    private Optional<String> words(AuditFilter filter) {
        return filter.text().isEmpty() ? Optional.empty() : Optional.ofNullable(db.fetchValue(
                DSL.field("audit_words_query({0})", String.class, DSL.val(filter.text()))));
    }

    /**
     * Entries whose words answer the tsquery. Inline, so each search is planned for its own words: entries
     * holding a word most entries hold are found fastest in time order, those holding a rare one from the index.
     */
    private static Condition holding(String tsquery) {
        return DSL.condition("audit_entry_words(audit_entry) @@ {0}::tsquery", DSL.inline(tsquery));
    }
}
