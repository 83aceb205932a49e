package dev.gatehouse.permissionset.internal;

import static dev.gatehouse.db.Tables.PERMISSION_SET_CHANGE;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import dev.gatehouse.permissionset.SessionChange;
import dev.gatehouse.permissionset.SessionChangeStatus;

@Repository
public class ChangeRepository {

    private final DSLContext db;

    ChangeRepository(DSLContext db) {
        this.db = db;
    }

    public long insert(String arn, String name, Optional<Duration> before, Duration after, String by, Instant at) {
        return db.insertInto(PERMISSION_SET_CHANGE)
                .set(PERMISSION_SET_CHANGE.PERMISSION_SET_ARN, arn)
                .set(PERMISSION_SET_CHANGE.PERMISSION_SET_NAME, name)
                .set(PERMISSION_SET_CHANGE.SESSION_BEFORE, before.orElse(null))
                .set(PERMISSION_SET_CHANGE.SESSION_AFTER, after)
                .set(PERMISSION_SET_CHANGE.REQUESTED_BY, by)
                .set(PERMISSION_SET_CHANGE.REQUESTED_AT, utc(at))
                .set(PERMISSION_SET_CHANGE.STATUS, SessionChangeStatus.UPDATING)
                .returning(PERMISSION_SET_CHANGE.ID).fetchOne(PERMISSION_SET_CHANGE.ID);
    }

    public Optional<SessionChange> find(long id) {
        return db.selectFrom(PERMISSION_SET_CHANGE).where(PERMISSION_SET_CHANGE.ID.eq(id))
                .fetchOptional(ChangeRepository::change);
    }

    /** The change of this permission set still being applied, if any. */
    public Optional<SessionChange> inFlight(String arn) {
        return db.selectFrom(PERMISSION_SET_CHANGE)
                .where(PERMISSION_SET_CHANGE.PERMISSION_SET_ARN.eq(arn), PERMISSION_SET_CHANGE.STATUS.in(
                        SessionChangeStatus.UPDATING, SessionChangeStatus.PROVISIONING))
                .limit(1).fetchOptional(ChangeRepository::change);
    }

    /** When the last change finished, applied or failed; empty while none has. */
    public Optional<Instant> lastFinished() {
        return db.select(DSL.max(PERMISSION_SET_CHANGE.FINISHED_AT)).from(PERMISSION_SET_CHANGE)
                .fetchOptional(0, OffsetDateTime.class).map(OffsetDateTime::toInstant);
    }

    public List<SessionChange> recent(int offset, int limit) {
        return db.selectFrom(PERMISSION_SET_CHANGE)
                .orderBy(PERMISSION_SET_CHANGE.REQUESTED_AT.desc(), PERMISSION_SET_CHANGE.ID.desc())
                .offset(offset).limit(limit).fetch(ChangeRepository::change);
    }

    void status(long id, SessionChangeStatus status, String detail, Instant at) {
        db.update(PERMISSION_SET_CHANGE)
                .set(PERMISSION_SET_CHANGE.STATUS, status)
                .set(PERMISSION_SET_CHANGE.DETAIL, detail)
                .set(PERMISSION_SET_CHANGE.FINISHED_AT, status.finished() ? utc(at) : null)
                .where(PERMISSION_SET_CHANGE.ID.eq(id))
                .execute();
    }

    /** @return the attempts made so far, this one included */
    int attempt(long id) {
        return db.update(PERMISSION_SET_CHANGE)
                .set(PERMISSION_SET_CHANGE.ATTEMPTS, PERMISSION_SET_CHANGE.ATTEMPTS.plus(1))
                .where(PERMISSION_SET_CHANGE.ID.eq(id))
                .returning(PERMISSION_SET_CHANGE.ATTEMPTS).fetchOne(PERMISSION_SET_CHANGE.ATTEMPTS);
    }

    private static SessionChange change(Record record) {
        var r = record.into(PERMISSION_SET_CHANGE);
        return new SessionChange(r.getId(), r.getPermissionSetArn(), r.getPermissionSetName(),
                Optional.ofNullable(r.getSessionBefore()),
                r.getSessionAfter(), r.getRequestedBy(), r.getRequestedAt().toInstant(),
                r.getStatus(), r.getDetail(),
                Optional.ofNullable(r.getFinishedAt()).map(OffsetDateTime::toInstant));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
