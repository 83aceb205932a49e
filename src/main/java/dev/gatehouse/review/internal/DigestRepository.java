package dev.gatehouse.review.internal;

import static dev.gatehouse.db.Tables.REVIEW_DIGEST;
import static dev.gatehouse.db.Tables.REVIEW_ITEM;
import static dev.gatehouse.review.internal.CampaignRepository.utc;

import java.time.Instant;
import java.time.LocalDate;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import dev.gatehouse.review.CampaignMessage;
import dev.gatehouse.review.ItemStatus;
import dev.gatehouse.review.Reviewer;
import dev.gatehouse.review.ReviewerLoad;

/** The digests sent: at most one per campaign, reviewer and UTC day, whichever node or rerun tries. */
@Repository
class DigestRepository {

    private final DSLContext db;

    DigestRepository(DSLContext db) {
        this.db = db;
    }

    /** @return true when this call recorded the day's digest, so it is this caller's to send */
    boolean record(long campaignId, ReviewerLoad reviewer, LocalDate day, CampaignMessage kind, String by, Instant at) {
        return db.insertInto(REVIEW_DIGEST)
                .set(REVIEW_DIGEST.CAMPAIGN_ID, campaignId)
                .set(REVIEW_DIGEST.REVIEWER_TYPE, reviewer.type().name())
                .set(REVIEW_DIGEST.REVIEWER_ID, reviewer.id())
                .set(REVIEW_DIGEST.DAY, day)
                .set(REVIEW_DIGEST.KIND, kind.name())
                .set(REVIEW_DIGEST.ITEMS, reviewer.pendingItems())
                .set(REVIEW_DIGEST.SENT_BY, by)
                .set(REVIEW_DIGEST.SENT_AT, utc(at))
                .onConflictDoNothing().execute() == 1;
    }

    /** The launch message counts as the launch day's digest for every reviewer it tells. */
    void recordLaunch(long campaignId, LocalDate day, String by, Instant at) {
        db.insertInto(REVIEW_DIGEST, REVIEW_DIGEST.CAMPAIGN_ID, REVIEW_DIGEST.REVIEWER_TYPE, REVIEW_DIGEST.REVIEWER_ID,
                        REVIEW_DIGEST.DAY, REVIEW_DIGEST.KIND, REVIEW_DIGEST.ITEMS, REVIEW_DIGEST.SENT_BY,
                        REVIEW_DIGEST.SENT_AT)
                .select(db.select(REVIEW_ITEM.CAMPAIGN_ID, REVIEW_ITEM.REVIEWER_TYPE, REVIEW_ITEM.REVIEWER_ID,
                                DSL.val(day), DSL.val(CampaignMessage.LAUNCH.name()), DSL.count(), DSL.val(by),
                                DSL.val(utc(at)))
                        .from(REVIEW_ITEM)
                        .where(REVIEW_ITEM.CAMPAIGN_ID.eq(campaignId), REVIEW_ITEM.STATUS.eq(ItemStatus.PENDING.name()),
                                REVIEW_ITEM.REVIEWER_TYPE.ne(Reviewer.Type.NOBODY.name()))
                        .groupBy(REVIEW_ITEM.CAMPAIGN_ID, REVIEW_ITEM.REVIEWER_TYPE, REVIEW_ITEM.REVIEWER_ID))
                .onConflictDoNothing().execute();
    }
}
