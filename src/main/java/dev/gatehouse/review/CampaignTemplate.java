package dev.gatehouse.review;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * A campaign's settings, saved to start new campaigns from: everything but the dates, which a new campaign
 * takes from when it is made, due {@code reviewDays} later.
 *
 * @param reviewDays days from a new campaign's start to its due date (end of that UTC day)
 */
public record CampaignTemplate(long id, String name, Settings settings, String savedBy, Instant savedAt) {

    /** What a template keeps of a campaign. */
    public record Settings(String description, CampaignScope scope, List<ReviewerStage> stages,
                           String fallbackReviewerId, int reviewDays, DueDatePolicy dueDatePolicy,
                           ReviewTiming timing, Recurrence recurrence, Set<ItemKind> kinds) {

        public Settings {
            description = description == null ? "" : description;
            stages = stages == null ? List.of() : List.copyOf(stages);
            fallbackReviewerId = fallbackReviewerId == null ? "" : fallbackReviewerId;
            timing = timing == null ? ReviewTiming.defaults() : timing;
            recurrence = recurrence == null ? Recurrence.ONCE : recurrence;
            // Templates saved before campaigns chose their kinds reviewed standing access.
            kinds = kinds == null || kinds.isEmpty() ? Set.of(ItemKind.STANDING) : Set.copyOf(kinds);
        }

        /** A campaign's settings; its length from {@code startedAt} to the due date, in whole days, at least 1. */
        public static Settings of(CampaignDraft draft, Instant startedAt) {
            long hours = Math.max(0, Duration.between(startedAt, draft.dueAt()).toHours());
            int days = (int) Math.max(1, Math.round(hours / 24.0));
            return new Settings(draft.description(), draft.scope(), draft.stages(), draft.fallbackReviewerId(), days,
                    draft.dueDatePolicy(), draft.timing(), draft.recurrence(), draft.kinds());
        }
    }

    /** A new campaign's draft, named for the template, due at the end of the UTC day {@code reviewDays} from now. */
    public CampaignDraft draft(Instant now) {
        Instant due = now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(settings.reviewDays())
                .atTime(LocalTime.of(23, 59)).toInstant(ZoneOffset.UTC);
        return new CampaignDraft(name, settings.description(), settings.scope(), settings.stages(),
                settings.fallbackReviewerId(), due, settings.dueDatePolicy(), settings.timing(),
                settings.recurrence(), settings.kinds());
    }
}
