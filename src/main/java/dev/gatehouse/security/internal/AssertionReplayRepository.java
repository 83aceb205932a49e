package dev.gatehouse.security.internal;

import static dev.gatehouse.db.Tables.SAML_ASSERTION_REPLAY;

import java.time.Instant;
import java.time.ZoneOffset;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class AssertionReplayRepository {

    private final DSLContext db;

    AssertionReplayRepository(DSLContext db) {
        this.db = db;
    }

    /** Records the id; false when it was already recorded. */
    boolean recordFirstUse(String assertionId, Instant expiresAt) {
        return db.insertInto(SAML_ASSERTION_REPLAY)
                .set(SAML_ASSERTION_REPLAY.ASSERTION_ID, assertionId)
                .set(SAML_ASSERTION_REPLAY.EXPIRES_AT, expiresAt.atOffset(ZoneOffset.UTC))
                .onConflictDoNothing()
                .execute() == 1;
    }

    int deleteExpired(Instant now) {
        return db.deleteFrom(SAML_ASSERTION_REPLAY)
                .where(SAML_ASSERTION_REPLAY.EXPIRES_AT.lt(now.atOffset(ZoneOffset.UTC)))
                .execute();
    }
}
