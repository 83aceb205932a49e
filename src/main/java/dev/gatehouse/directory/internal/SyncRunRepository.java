package dev.gatehouse.directory.internal;

import static dev.gatehouse.db.Tables.DIRECTORY_SYNC_RUN;
import static dev.gatehouse.directory.internal.PageQueries.asText;
import static dev.gatehouse.directory.internal.PageQueries.contains;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import dev.gatehouse.directory.DirectoryPage;
import dev.gatehouse.directory.DirectorySort;
import dev.gatehouse.directory.SyncCounts;
import dev.gatehouse.directory.SyncRun;
import dev.gatehouse.directory.SyncStatus;
import dev.gatehouse.directory.SyncTrigger;

@Repository
public class SyncRunRepository {

    private final DSLContext db;

    SyncRunRepository(DSLContext db) {
        this.db = db;
    }

    long start(SyncTrigger trigger, String requestedBy, Instant at) {
        return db.insertInto(DIRECTORY_SYNC_RUN)
                .set(DIRECTORY_SYNC_RUN.STARTED_AT, at.atOffset(ZoneOffset.UTC))
                .set(DIRECTORY_SYNC_RUN.STATUS, SyncStatus.RUNNING)
                .set(DIRECTORY_SYNC_RUN.TRIGGER, trigger)
                .set(DIRECTORY_SYNC_RUN.REQUESTED_BY, requestedBy)
                .returning(DIRECTORY_SYNC_RUN.ID)
                .fetchOne(DIRECTORY_SYNC_RUN.ID);
    }

    void progress(long id, String phase, SyncCounts counts) {
        db.update(DIRECTORY_SYNC_RUN)
                .set(DIRECTORY_SYNC_RUN.PHASE, phase)
                .set(DIRECTORY_SYNC_RUN.UNITS, counts.units())
                .set(DIRECTORY_SYNC_RUN.ACCOUNTS, counts.accounts())
                .set(DIRECTORY_SYNC_RUN.USERS, counts.users())
                .set(DIRECTORY_SYNC_RUN.GROUPS, counts.groups())
                .set(DIRECTORY_SYNC_RUN.MEMBERSHIPS, counts.memberships())
                .set(DIRECTORY_SYNC_RUN.PERMISSION_SETS, counts.permissionSets())
                .set(DIRECTORY_SYNC_RUN.ASSIGNMENTS, counts.assignments())
                .where(DIRECTORY_SYNC_RUN.ID.eq(id))
                .execute();
    }

    void finish(long id, SyncStatus status, MirrorRepository.Changes changes, String apiCalls, String error,
                Instant at) {
        db.update(DIRECTORY_SYNC_RUN)
                .set(DIRECTORY_SYNC_RUN.STATUS, status)
                .set(DIRECTORY_SYNC_RUN.FINISHED_AT, at.atOffset(ZoneOffset.UTC))
                .set(DIRECTORY_SYNC_RUN.PHASE, "")
                .set(DIRECTORY_SYNC_RUN.ADDED, changes.added())
                .set(DIRECTORY_SYNC_RUN.CHANGED, changes.changed())
                .set(DIRECTORY_SYNC_RUN.REMOVED, changes.removed())
                .set(DIRECTORY_SYNC_RUN.API_CALLS, apiCalls)
                .set(DIRECTORY_SYNC_RUN.ERROR, error)
                .where(DIRECTORY_SYNC_RUN.ID.eq(id))
                .execute();
    }

    /** Runs still RUNNING although no node works on them (their node stopped) failed. */
    int failAbandoned(Instant at) {
        return db.update(DIRECTORY_SYNC_RUN)
                .set(DIRECTORY_SYNC_RUN.STATUS, SyncStatus.FAILED)
                .set(DIRECTORY_SYNC_RUN.FINISHED_AT, at.atOffset(ZoneOffset.UTC))
                .set(DIRECTORY_SYNC_RUN.ERROR, "Interrupted: the node running it stopped")
                .where(DIRECTORY_SYNC_RUN.STATUS.eq(SyncStatus.RUNNING))
                .execute();
    }

    /** When the newest successful sync finished, or empty when none has. */
    public Optional<Instant> lastSucceededAt() {
        return Optional.ofNullable(db.select(DSL.max(DIRECTORY_SYNC_RUN.FINISHED_AT)).from(DIRECTORY_SYNC_RUN)
                .where(DIRECTORY_SYNC_RUN.STATUS.eq(SyncStatus.SUCCEEDED)).fetchOne(r -> r.value1()))
                .map(at -> at.toInstant());
    }

    public Optional<SyncRun> find(long id) {
        return db.selectFrom(DIRECTORY_SYNC_RUN).where(DIRECTORY_SYNC_RUN.ID.eq(id)).fetchOptional(this::toRun);
    }

    /** Newest first unless the page sorts by start time; the search matches result, trigger, who and error. */
    public List<SyncRun> page(DirectoryPage page) {
        var started = page.sort() == DirectorySort.STARTED && !page.descending()
                ? new SortField<?>[] {DIRECTORY_SYNC_RUN.STARTED_AT.asc(), DIRECTORY_SYNC_RUN.ID.asc()}
                : new SortField<?>[] {DIRECTORY_SYNC_RUN.STARTED_AT.desc(), DIRECTORY_SYNC_RUN.ID.desc()};
        return db.selectFrom(DIRECTORY_SYNC_RUN)
                .where(contains(page, asText(DIRECTORY_SYNC_RUN.STATUS), asText(DIRECTORY_SYNC_RUN.TRIGGER),
                        DIRECTORY_SYNC_RUN.REQUESTED_BY, DIRECTORY_SYNC_RUN.ERROR))
                .orderBy(started)
                .offset(page.offset()).limit(page.limit())
                .fetch(this::toRun);
    }

    private SyncRun toRun(Record r) {
        var run = r.into(DIRECTORY_SYNC_RUN);
        return new SyncRun(run.getId(), run.getStartedAt().toInstant(),
                Optional.ofNullable(run.getFinishedAt()).map(t -> t.toInstant()),
                run.getStatus(), run.getTrigger(),
                run.getRequestedBy() == null ? "" : run.getRequestedBy(), run.getPhase(),
                new SyncCounts(run.getUnits(), run.getAccounts(), run.getUsers(), run.getGroups(),
                        run.getMemberships(), run.getPermissionSets(), run.getAssignments()),
                run.getAdded(), run.getChanged(), run.getRemoved(), run.getApiCalls(),
                run.getError() == null ? "" : run.getError());
    }
}
