package dev.gatehouse.review.internal;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.gatehouse.review.CampaignDraft;
import dev.gatehouse.review.ReviewCampaign;
import dev.gatehouse.review.ReviewOccurrenceCreated;
import dev.gatehouse.security.AsSystem;
import dev.gatehouse.shared.DueItems;
import dev.gatehouse.shared.SystemActor;

/**
 * The review-recurrence check's step: for each recurring series whose next occurrence has started, creates
 * that occurrence as a campaign of its own (the latest occurrence's settings, due the first occurrence's
 * length after its start), attaches it to the series and launches it, in one transaction per series with
 * the series row locked; the series moves on in that same transaction, so a rerun or a second node finds
 * nothing due. An occurrence whose due date passed while nobody ran the check (Gatehouse was down for a
 * whole period) is skipped rather than launched already overdue.
 */
@Component
public class Occurrences {

    private static final Logger log = LoggerFactory.getLogger(Occurrences.class);
    static final int BATCH = 100;
    /** Room for " #123" after the series' name within the 120 characters of a campaign name. */
    private static final int NAME_ROOM = 120 - 6;

    private final SeriesRepository series;
    private final CampaignRepository campaigns;
    private final ReviewWork work;
    private final DueItems due;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Occurrences(SeriesRepository series, CampaignRepository campaigns, ReviewWork work, DueItems due,
                ApplicationEventPublisher events, Clock clock) {
        this.series = series;
        this.campaigns = campaigns;
        this.work = work;
        this.due = due;
        this.events = events;
        this.clock = clock;
    }

    /** @return occurrences created */
    public int createDue() {
        return AsSystem.run(() -> due.each("recurring review campaign", series.due(clock.instant(), BATCH),
                this::createNext).done());
    }

    private boolean createNext(long seriesId) {
        Instant now = clock.instant();
        SeriesRepository.Series found = series.lock(seriesId).orElse(null);
        if (found == null || found.stopped() || found.nextStartsAt().isAfter(now)) {
            return false;
        }
        int n = found.nextOccurrence();
        while (!found.dueOf(n).isAfter(now)) {
            log.warn("Review series {}: occurrence {} was due {} before it was created; skipped", seriesId, n,
                    found.dueOf(n));
            n++;
        }
        Instant startsAt = found.recurrence().startOf(found.firstStartsAt(), n);
        if (startsAt.isAfter(now)) {
            series.advance(seriesId, n, startsAt);
            return false;
        }
        ReviewCampaign latest = campaigns.find(series.latestOccurrence(seriesId)).orElseThrow();
        String base = found.name().length() > NAME_ROOM ? found.name().substring(0, NAME_ROOM) : found.name();
        CampaignDraft draft = latest.draft().named(base + " #" + n, found.dueOf(n));
        long campaignId = campaigns.insert(draft, SystemActor.NAME, latest.createdById(), now);
        series.attach(campaignId, seriesId, n);
        series.advance(seriesId, n + 1, found.recurrence().startOf(found.firstStartsAt(), n + 1));
        campaigns.launching(campaignId, SystemActor.NAME);
        work.launchNow(campaignId);
        events.publishEvent(new ReviewOccurrenceCreated(seriesId, n, campaignId, draft.name(), found.recurrence(),
                startsAt, draft.dueAt(), now));
        log.info("Review series {}: occurrence {} created as campaign {}, due {}", seriesId, n, campaignId,
                draft.dueAt());
        return true;
    }
}
