package dev.gatehouse.notification.internal;

import static dev.gatehouse.db.Tables.NOTIFICATION_DELIVERY;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import dev.gatehouse.notification.Channel;
import dev.gatehouse.notification.Delivery;
import dev.gatehouse.notification.DeliveryStatus;
import dev.gatehouse.notification.NotificationKind;
import dev.gatehouse.shared.SearchText;

@Repository
public class DeliveryRepository {

    /** What a courier needs to send one delivery. */
    record Outgoing(long id, NotificationKind kind, Channel channel, String recipient, String subject, String body,
                    String payload, DeliveryStatus status, int attempts) {
    }

    private final DSLContext db;

    DeliveryRepository(DSLContext db) {
        this.db = db;
    }

    /** @return the new delivery's id, empty when this message went to this channel and recipient already */
    Optional<Long> insert(String dedupeKey, NotificationKind kind, Channel channel, String recipient, String subject,
                          String body, String payload, Instant at) {
        return db.insertInto(NOTIFICATION_DELIVERY)
                .set(NOTIFICATION_DELIVERY.DEDUPE_KEY, dedupeKey)
                .set(NOTIFICATION_DELIVERY.KIND, kind)
                .set(NOTIFICATION_DELIVERY.CHANNEL, channel)
                .set(NOTIFICATION_DELIVERY.RECIPIENT, recipient)
                .set(NOTIFICATION_DELIVERY.SUBJECT, subject)
                .set(NOTIFICATION_DELIVERY.BODY, body)
                .set(NOTIFICATION_DELIVERY.PAYLOAD, payload)
                .set(NOTIFICATION_DELIVERY.STATUS, DeliveryStatus.PENDING)
                .set(NOTIFICATION_DELIVERY.CREATED_AT, utc(at))
                .onConflict(NOTIFICATION_DELIVERY.DEDUPE_KEY).doNothing()
                .returning(NOTIFICATION_DELIVERY.ID)
                .fetchOptional(NOTIFICATION_DELIVERY.ID);
    }

    Optional<Outgoing> find(long id) {
        return db.selectFrom(NOTIFICATION_DELIVERY).where(NOTIFICATION_DELIVERY.ID.eq(id))
                .fetchOptional(r -> new Outgoing(r.getId(), r.getKind(),
                        r.getChannel(), r.getRecipient(), r.getSubject(), r.getBody(), r.getPayload(),
                        r.getStatus(), r.getAttempts()));
    }

    void sent(long id, Instant at) {
        db.update(NOTIFICATION_DELIVERY)
                .set(NOTIFICATION_DELIVERY.STATUS, DeliveryStatus.SENT)
                .set(NOTIFICATION_DELIVERY.ATTEMPTS, NOTIFICATION_DELIVERY.ATTEMPTS.plus(1))
                .set(NOTIFICATION_DELIVERY.SENT_AT, utc(at))
                .where(NOTIFICATION_DELIVERY.ID.eq(id))
                .execute();
    }

    /** Counts a failed attempt; after {@code maxAttempts} the delivery is FAILED. @return the status now */
    DeliveryStatus attemptFailed(long id, String error, int maxAttempts) {
        return db.update(NOTIFICATION_DELIVERY)
                .set(NOTIFICATION_DELIVERY.ATTEMPTS, NOTIFICATION_DELIVERY.ATTEMPTS.plus(1))
                .set(NOTIFICATION_DELIVERY.LAST_ERROR, error.length() > 1000 ? error.substring(0, 1000) : error)
                .set(NOTIFICATION_DELIVERY.STATUS, DSL.when(NOTIFICATION_DELIVERY.ATTEMPTS.plus(1).ge(maxAttempts),
                        DSL.val(DeliveryStatus.FAILED, NOTIFICATION_DELIVERY.STATUS))
                        .otherwise(DSL.val(DeliveryStatus.PENDING, NOTIFICATION_DELIVERY.STATUS)))
                .where(NOTIFICATION_DELIVERY.ID.eq(id))
                .returning(NOTIFICATION_DELIVERY.STATUS)
                .fetchOptional(NOTIFICATION_DELIVERY.STATUS)
                .orElse(DeliveryStatus.FAILED);
    }

    /** A failed delivery gets a fresh set of attempts. @return false when it is not failed (any more) */
    boolean requeue(long id) {
        return db.update(NOTIFICATION_DELIVERY)
                .set(NOTIFICATION_DELIVERY.STATUS, DeliveryStatus.PENDING)
                .set(NOTIFICATION_DELIVERY.ATTEMPTS, 0)
                .where(NOTIFICATION_DELIVERY.ID.eq(id), NOTIFICATION_DELIVERY.STATUS.eq(DeliveryStatus.FAILED))
                .execute() == 1;
    }

    /** Newest first; the search matches recipient, subject and the last error. */
    public List<Delivery> page(Optional<DeliveryStatus> status, String search, int offset, int limit) {
        return db.select(NOTIFICATION_DELIVERY.ID, NOTIFICATION_DELIVERY.CREATED_AT, NOTIFICATION_DELIVERY.KIND,
                        NOTIFICATION_DELIVERY.CHANNEL, NOTIFICATION_DELIVERY.RECIPIENT, NOTIFICATION_DELIVERY.SUBJECT,
                        NOTIFICATION_DELIVERY.STATUS, NOTIFICATION_DELIVERY.ATTEMPTS, NOTIFICATION_DELIVERY.LAST_ERROR,
                        NOTIFICATION_DELIVERY.SENT_AT)
                .from(NOTIFICATION_DELIVERY)
                .where(conditions(status, search))
                .orderBy(NOTIFICATION_DELIVERY.CREATED_AT.desc(), NOTIFICATION_DELIVERY.ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(DeliveryRepository::delivery);
    }

    public int count(DeliveryStatus status) {
        return db.fetchCount(NOTIFICATION_DELIVERY, NOTIFICATION_DELIVERY.STATUS.eq(status));
    }

    private static List<Condition> conditions(Optional<DeliveryStatus> status, String search) {
        Condition byStatus = status.map(s -> NOTIFICATION_DELIVERY.STATUS.eq(s)).orElse(DSL.noCondition());
        if (search.isBlank()) {
            return List.of(byStatus);
        }
        String pattern = SearchText.containsPattern(search);
        return List.of(byStatus, DSL.or(NOTIFICATION_DELIVERY.RECIPIENT.likeIgnoreCase(pattern, SearchText.ESCAPE),
                NOTIFICATION_DELIVERY.SUBJECT.likeIgnoreCase(pattern, SearchText.ESCAPE),
                NOTIFICATION_DELIVERY.LAST_ERROR.likeIgnoreCase(pattern, SearchText.ESCAPE)));
    }

    private static Delivery delivery(Record r) {
        return new Delivery(r.get(NOTIFICATION_DELIVERY.ID), r.get(NOTIFICATION_DELIVERY.CREATED_AT).toInstant(),
                r.get(NOTIFICATION_DELIVERY.KIND),
                r.get(NOTIFICATION_DELIVERY.CHANNEL), r.get(NOTIFICATION_DELIVERY.RECIPIENT),
                r.get(NOTIFICATION_DELIVERY.SUBJECT), r.get(NOTIFICATION_DELIVERY.STATUS),
                r.get(NOTIFICATION_DELIVERY.ATTEMPTS), r.get(NOTIFICATION_DELIVERY.LAST_ERROR),
                Optional.ofNullable(r.get(NOTIFICATION_DELIVERY.SENT_AT)).map(OffsetDateTime::toInstant));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
