package dev.gatehouse.security.internal;

import static dev.gatehouse.db.Tables.REFUSED_ATTEMPT;

import java.time.Instant;
import java.time.ZoneOffset;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class RefusedAttemptRepository {

    private final DSLContext db;

    RefusedAttemptRepository(DSLContext db) {
        this.db = db;
    }

    /** Counts one more refusal in the window and returns how many there are now. */
    int add(AttemptKind kind, String address, Instant windowStart) {
        return db.insertInto(REFUSED_ATTEMPT)
                .set(REFUSED_ATTEMPT.KIND, kind.name())
                .set(REFUSED_ATTEMPT.SOURCE_ADDRESS, address)
                .set(REFUSED_ATTEMPT.WINDOW_START, windowStart.atOffset(ZoneOffset.UTC))
                .set(REFUSED_ATTEMPT.REFUSALS, 1)
                .onConflict(REFUSED_ATTEMPT.KIND, REFUSED_ATTEMPT.SOURCE_ADDRESS, REFUSED_ATTEMPT.WINDOW_START)
                .doUpdate().set(REFUSED_ATTEMPT.REFUSALS, REFUSED_ATTEMPT.REFUSALS.plus(1))
                .returning(REFUSED_ATTEMPT.REFUSALS)
                .fetchOne(REFUSED_ATTEMPT.REFUSALS);
    }

    int count(AttemptKind kind, String address, Instant windowStart) {
        Integer refusals = db.select(REFUSED_ATTEMPT.REFUSALS).from(REFUSED_ATTEMPT)
                .where(REFUSED_ATTEMPT.KIND.eq(kind.name()), REFUSED_ATTEMPT.SOURCE_ADDRESS.eq(address),
                        REFUSED_ATTEMPT.WINDOW_START.eq(windowStart.atOffset(ZoneOffset.UTC)))
                .fetchOne(REFUSED_ATTEMPT.REFUSALS);
        return refusals == null ? 0 : refusals;
    }

    int deleteBefore(Instant windowStart) {
        return db.deleteFrom(REFUSED_ATTEMPT)
                .where(REFUSED_ATTEMPT.WINDOW_START.lt(windowStart.atOffset(ZoneOffset.UTC))).execute();
    }
}
