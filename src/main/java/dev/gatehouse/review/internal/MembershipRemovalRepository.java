package dev.gatehouse.review.internal;

import static dev.gatehouse.db.Tables.REVIEW_MEMBERSHIP_REMOVAL;
import static dev.gatehouse.review.internal.CampaignRepository.utc;

import java.time.Instant;
import java.util.Optional;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The membership removals revoked GROUP items asked for: one row per item, written before any call. */
@Repository
class MembershipRemovalRepository {

    enum Outcome { REMOVED, ALREADY_GONE, IDP }

    record Removal(long itemId, String groupId, String userId, int attempts, Optional<Outcome> outcome) {
    }

    private final DSLContext db;

    MembershipRemovalRepository(DSLContext db) {
        this.db = db;
    }

    /** A new request for the item, or a fresh start for one asked before (revoked, kept, revoked again). */
    void request(long itemId, String groupId, String userId, Instant at) {
        db.insertInto(REVIEW_MEMBERSHIP_REMOVAL).set(REVIEW_MEMBERSHIP_REMOVAL.ITEM_ID, itemId)
                .set(REVIEW_MEMBERSHIP_REMOVAL.GROUP_ID, groupId).set(REVIEW_MEMBERSHIP_REMOVAL.USER_ID, userId)
                .set(REVIEW_MEMBERSHIP_REMOVAL.REQUESTED_AT, utc(at))
                .onConflict(REVIEW_MEMBERSHIP_REMOVAL.ITEM_ID).doUpdate()
                .set(REVIEW_MEMBERSHIP_REMOVAL.REQUESTED_AT, utc(at)).set(REVIEW_MEMBERSHIP_REMOVAL.ATTEMPTS, 0)
                .set(REVIEW_MEMBERSHIP_REMOVAL.LAST_ERROR, "").setNull(REVIEW_MEMBERSHIP_REMOVAL.OUTCOME)
                .setNull(REVIEW_MEMBERSHIP_REMOVAL.FINISHED_AT).execute();
    }

    Optional<Removal> lock(long itemId) {
        return db.selectFrom(REVIEW_MEMBERSHIP_REMOVAL).where(REVIEW_MEMBERSHIP_REMOVAL.ITEM_ID.eq(itemId)).forUpdate()
                .fetchOptional(r -> new Removal(r.getItemId(), r.getGroupId(), r.getUserId(), r.getAttempts(),
                        Optional.ofNullable(r.getOutcome()).map(Outcome::valueOf)));
    }

    void attempt(long itemId) {
        db.update(REVIEW_MEMBERSHIP_REMOVAL).set(REVIEW_MEMBERSHIP_REMOVAL.ATTEMPTS, REVIEW_MEMBERSHIP_REMOVAL.ATTEMPTS.plus(1))
                .where(REVIEW_MEMBERSHIP_REMOVAL.ITEM_ID.eq(itemId)).execute();
    }

    void failed(long itemId, String error) {
        db.update(REVIEW_MEMBERSHIP_REMOVAL).set(REVIEW_MEMBERSHIP_REMOVAL.LAST_ERROR, error)
                .where(REVIEW_MEMBERSHIP_REMOVAL.ITEM_ID.eq(itemId)).execute();
    }

    void finished(long itemId, Outcome outcome, Instant at) {
        db.update(REVIEW_MEMBERSHIP_REMOVAL).set(REVIEW_MEMBERSHIP_REMOVAL.OUTCOME, outcome.name())
                .set(REVIEW_MEMBERSHIP_REMOVAL.FINISHED_AT, utc(at))
                .where(REVIEW_MEMBERSHIP_REMOVAL.ITEM_ID.eq(itemId)).execute();
    }
}
