package dev.gatehouse.security.internal;

import static dev.gatehouse.db.Tables.SESSION_REVOCATION;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

import dev.gatehouse.security.SessionRevocation;

/**
 * Who was signed out everywhere, and when. Every request of a signed-in person asks, so each node
 * keeps the recent revocations in memory and reads them again every few seconds: a revocation takes
 * effect on every node within that time.
 */
@Repository
public class SessionRevocationRepository {

    static final Duration REFRESH = Duration.ofSeconds(5);

    private final DSLContext db;
    private final Clock clock;
    private final Duration lifetime;
    private volatile Map<String, SessionRevocation> recent = Map.of();
    private volatile Instant readAt = Instant.MIN;

    SessionRevocationRepository(DSLContext db, Clock clock, SecurityProperties properties) {
        this.db = db;
        this.clock = clock;
        this.lifetime = properties.session().absoluteLifetime();
    }

    public void revoke(String subject, String by, Instant at) {
        db.insertInto(SESSION_REVOCATION)
                .set(SESSION_REVOCATION.SUBJECT, subject.toLowerCase())
                .set(SESSION_REVOCATION.REVOKED_AT, at.atOffset(ZoneOffset.UTC))
                .set(SESSION_REVOCATION.REVOKED_BY, by)
                .onConflict(SESSION_REVOCATION.SUBJECT).doUpdate()
                .set(SESSION_REVOCATION.REVOKED_AT, at.atOffset(ZoneOffset.UTC))
                .set(SESSION_REVOCATION.REVOKED_BY, by)
                .execute();
        readAt = Instant.MIN;
    }

    public List<SessionRevocation> latest(int limit) {
        return db.selectFrom(SESSION_REVOCATION).orderBy(SESSION_REVOCATION.REVOKED_AT.desc()).limit(limit)
                .fetch(r -> new SessionRevocation(r.getSubject(), r.getRevokedAt().toInstant(), r.getRevokedBy()));
    }

    /** When and by whom the person was last signed out everywhere, if within a session's lifetime. */
    Optional<SessionRevocation> revocation(String subject) {
        Instant now = clock.instant();
        if (readAt.plus(REFRESH).isBefore(now)) {
            recent = db.selectFrom(SESSION_REVOCATION)
                    .where(SESSION_REVOCATION.REVOKED_AT.gt(now.minus(lifetime).atOffset(ZoneOffset.UTC)))
                    .fetchMap(r -> r.getSubject(), r -> new SessionRevocation(r.getSubject(),
                            r.getRevokedAt().toInstant(), r.getRevokedBy()));
            readAt = now;
        }
        return Optional.ofNullable(recent.get(subject.toLowerCase()));
    }
}
