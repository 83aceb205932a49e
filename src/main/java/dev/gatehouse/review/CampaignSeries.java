package dev.gatehouse.review;

import java.time.Instant;
import java.util.Optional;

import dev.gatehouse.shared.TimeText;

/**
 * Where a recurring campaign stands in its series.
 *
 * @param occurrence   this campaign's number in the series, 1 for the one an admin launched
 * @param previousId   the occurrence before this one, if any
 * @param nextId       the occurrence after this one, once created
 * @param nextStartsAt when the series' next occurrence starts; empty once recurring stopped
 * @param nextDueAt    that occurrence's due date
 * @param stoppedBy    who stopped recurring, '' while it recurs
 */
public record CampaignSeries(long seriesId, Recurrence recurrence, int occurrence, Optional<Long> previousId,
                             Optional<Long> nextId, Optional<Instant> nextStartsAt, Optional<Instant> nextDueAt,
                             String stoppedBy, Optional<Instant> stoppedAt) {

    public boolean recurring() {
        return stoppedAt.isEmpty();
    }

    /** "Quarterly, occurrence 2. The next starts 1 Apr 2027 …, due 15 Apr 2027 …." or who stopped it. */
    public String text() {
        String head = recurrence.label() + ", occurrence " + occurrence + ". ";
        if (!recurring()) {
            return head + "Recurring stopped by " + stoppedBy + " on " + TimeText.of(stoppedAt.get()) + ".";
        }
        return head + "The next occurrence starts " + TimeText.of(nextStartsAt.orElseThrow()) + ", due "
                + TimeText.of(nextDueAt.orElseThrow()) + ".";
    }
}
