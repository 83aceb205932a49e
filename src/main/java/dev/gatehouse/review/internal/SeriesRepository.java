package dev.gatehouse.review.internal;

import static dev.gatehouse.db.Tables.REVIEW_CAMPAIGN;
import static dev.gatehouse.db.Tables.REVIEW_ITEM;
import static dev.gatehouse.db.Tables.REVIEW_SERIES;
import static dev.gatehouse.review.internal.CampaignRepository.utc;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

import dev.gatehouse.db.tables.ReviewItem;
import dev.gatehouse.db.tables.records.ReviewSeriesRecord;
import dev.gatehouse.review.CampaignSeries;
import dev.gatehouse.review.Recurrence;

/** Recurring campaigns' series, their occurrences, and which items are new since the previous occurrence. */
@Repository
public class SeriesRepository {

    /** A series as the recurrence check and the campaign page need it. */
    public record Series(long id, String name, Recurrence recurrence, Instant firstStartsAt, Instant firstDueAt,
                         int nextOccurrence, Instant nextStartsAt, String stoppedBy, Optional<Instant> stoppedAt) {

        public boolean stopped() {
            return stoppedAt.isPresent();
        }

        /** When occurrence n is due: its start plus the first occurrence's length. */
        public Instant dueOf(int n) {
            return recurrence.startOf(firstStartsAt, n).plus(Duration.between(firstStartsAt, firstDueAt));
        }
    }

    private final DSLContext db;

    SeriesRepository(DSLContext db) {
        this.db = db;
    }

    /** A series whose first occurrence is the campaign, launched now; the next starts one period later. */
    public long begin(long campaignId, String name, Recurrence recurrence, Instant startsAt, Instant dueAt) {
        long id = db.insertInto(REVIEW_SERIES).set(REVIEW_SERIES.NAME, name)
                .set(REVIEW_SERIES.RECURRENCE, recurrence.name())
                .set(REVIEW_SERIES.FIRST_STARTS_AT, utc(startsAt)).set(REVIEW_SERIES.FIRST_DUE_AT, utc(dueAt))
                .set(REVIEW_SERIES.NEXT_OCCURRENCE, 2)
                .set(REVIEW_SERIES.NEXT_STARTS_AT, utc(recurrence.startOf(startsAt, 2)))
                .returning(REVIEW_SERIES.ID).fetchOne().getId();
        attach(campaignId, id, 1);
        return id;
    }

    /** Makes the campaign occurrence n of the series; a second campaign for the same n breaks the unique constraint. */
    public void attach(long campaignId, long seriesId, int occurrence) {
        db.update(REVIEW_CAMPAIGN).set(REVIEW_CAMPAIGN.SERIES_ID, seriesId).set(REVIEW_CAMPAIGN.OCCURRENCE, occurrence)
                .where(REVIEW_CAMPAIGN.ID.eq(campaignId)).execute();
    }

    /** Series still recurring whose next occurrence has started. */
    public List<Long> due(Instant now, int limit) {
        return db.select(REVIEW_SERIES.ID).from(REVIEW_SERIES).where(REVIEW_SERIES.STOPPED_AT.isNull())
                .and(REVIEW_SERIES.NEXT_STARTS_AT.le(utc(now))).orderBy(REVIEW_SERIES.NEXT_STARTS_AT).limit(limit)
                .fetch(REVIEW_SERIES.ID);
    }

    /** The series, its row locked until the transaction ends: one node creates an occurrence at a time. */
    public Optional<Series> lock(long seriesId) {
        return db.selectFrom(REVIEW_SERIES).where(REVIEW_SERIES.ID.eq(seriesId)).forUpdate()
                .fetchOptional(SeriesRepository::series);
    }

    public void advance(long seriesId, int nextOccurrence, Instant nextStartsAt) {
        db.update(REVIEW_SERIES).set(REVIEW_SERIES.NEXT_OCCURRENCE, nextOccurrence)
                .set(REVIEW_SERIES.NEXT_STARTS_AT, utc(nextStartsAt)).where(REVIEW_SERIES.ID.eq(seriesId)).execute();
    }

    /** @return whether it stopped now (false: it had stopped already) */
    public boolean stop(long seriesId, String by, Instant at) {
        return db.update(REVIEW_SERIES).set(REVIEW_SERIES.STOPPED_BY, by).set(REVIEW_SERIES.STOPPED_AT, utc(at))
                .where(REVIEW_SERIES.ID.eq(seriesId)).and(REVIEW_SERIES.STOPPED_AT.isNull()).execute() == 1;
    }

    /** The campaign's series id, or empty for a campaign that runs once or has not been launched. */
    public Optional<Long> seriesOf(long campaignId) {
        return db.select(REVIEW_CAMPAIGN.SERIES_ID).from(REVIEW_CAMPAIGN).where(REVIEW_CAMPAIGN.ID.eq(campaignId))
                .and(REVIEW_CAMPAIGN.SERIES_ID.isNotNull()).fetchOptional(REVIEW_CAMPAIGN.SERIES_ID);
    }

    /** The latest occurrence of the series: the one the next copies. */
    public long latestOccurrence(long seriesId) {
        return db.select(REVIEW_CAMPAIGN.ID).from(REVIEW_CAMPAIGN).where(REVIEW_CAMPAIGN.SERIES_ID.eq(seriesId))
                .orderBy(REVIEW_CAMPAIGN.OCCURRENCE.desc()).limit(1).fetchOne(REVIEW_CAMPAIGN.ID);
    }

    /** Where the campaign stands in its series, or empty when it has none. */
    public Optional<CampaignSeries> place(long campaignId) {
        var campaign = db.select(REVIEW_CAMPAIGN.SERIES_ID, REVIEW_CAMPAIGN.OCCURRENCE).from(REVIEW_CAMPAIGN)
                .where(REVIEW_CAMPAIGN.ID.eq(campaignId)).and(REVIEW_CAMPAIGN.SERIES_ID.isNotNull()).fetchOne();
        if (campaign == null) {
            return Optional.empty();
        }
        long seriesId = campaign.value1();
        int occurrence = campaign.value2();
        Series series = db.selectFrom(REVIEW_SERIES).where(REVIEW_SERIES.ID.eq(seriesId))
                .fetchOne(SeriesRepository::series);
        Optional<Long> previous = db.select(REVIEW_CAMPAIGN.ID).from(REVIEW_CAMPAIGN)
                .where(REVIEW_CAMPAIGN.SERIES_ID.eq(seriesId)).and(REVIEW_CAMPAIGN.OCCURRENCE.lt(occurrence))
                .orderBy(REVIEW_CAMPAIGN.OCCURRENCE.desc()).limit(1).fetchOptional(REVIEW_CAMPAIGN.ID);
        Optional<Long> next = db.select(REVIEW_CAMPAIGN.ID).from(REVIEW_CAMPAIGN)
                .where(REVIEW_CAMPAIGN.SERIES_ID.eq(seriesId)).and(REVIEW_CAMPAIGN.OCCURRENCE.gt(occurrence))
                .orderBy(REVIEW_CAMPAIGN.OCCURRENCE).limit(1).fetchOptional(REVIEW_CAMPAIGN.ID);
        boolean recurring = !series.stopped();
        return Optional.of(new CampaignSeries(seriesId, series.recurrence(), occurrence, previous, next,
                recurring ? Optional.of(series.nextStartsAt()) : Optional.empty(),
                recurring ? Optional.of(series.dueOf(series.nextOccurrence())) : Optional.empty(),
                series.stoppedBy(), series.stoppedAt()));
    }

    private static Series series(ReviewSeriesRecord r) {
        return new Series(r.getId(), r.getName(), Recurrence.valueOf(r.getRecurrence()), r.getFirstStartsAt().toInstant(),
                r.getFirstDueAt().toInstant(), r.getNextOccurrence(), r.getNextStartsAt().toInstant(), r.getStoppedBy(),
                Optional.ofNullable(r.getStoppedAt()).map(OffsetDateTime::toInstant));
    }

    /**
     * Marks the campaign's items whose access (account, permission set, person, how held, group) was not
     * among the items of the series' previous occurrence. Nothing for a first occurrence or a campaign that
     * runs once. @return items marked
     */
    public int markNewSinceLastReview(long campaignId) {
        Optional<CampaignSeries> place = place(campaignId);
        if (place.isEmpty() || place.get().previousId().isEmpty()) {
            return 0;
        }
        long previousId = place.get().previousId().get();
        ReviewItem before = REVIEW_ITEM.as("before");
        return db.update(REVIEW_ITEM).set(REVIEW_ITEM.NEW_SINCE_LAST_REVIEW, true)
                .where(REVIEW_ITEM.CAMPAIGN_ID.eq(campaignId))
                .andNotExists(DSL.selectOne().from(before).where(before.CAMPAIGN_ID.eq(previousId))
                        .and(before.ACCOUNT_ID.eq(REVIEW_ITEM.ACCOUNT_ID))
                        .and(before.PERMISSION_SET_ARN.eq(REVIEW_ITEM.PERMISSION_SET_ARN))
                        .and(before.PERSON_ID.eq(REVIEW_ITEM.PERSON_ID)).and(before.HELD.eq(REVIEW_ITEM.HELD))
                        .and(before.GROUP_ID.eq(REVIEW_ITEM.GROUP_ID)).and(before.KIND.eq(REVIEW_ITEM.KIND))
                        .and(before.SUBJECT_ID.eq(REVIEW_ITEM.SUBJECT_ID)))
                .execute();
    }
}
