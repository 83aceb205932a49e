package dev.gatehouse.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Today's one message to one reviewer about one campaign.
 *
 * @param kind      REMINDER (before the due date), OVERDUE, or ESCALATION (to the fallback, about items moved to them)
 * @param reviewer  a person, or a group whose members are told together, with their undecided items
 * @param escalated items moved to the reviewer in this run, for an ESCALATION
 * @param closesAt  when the due-date policy applies to what is still undecided
 */
public record ReviewDigest(long campaignId, String campaignName, CampaignMessage kind, ReviewerLoad reviewer,
                           LocalDate day, Instant dueAt, Instant closesAt, DueDatePolicy policy, int escalated,
                           Instant at) {

    /** UTC days from this digest's day to the due date's: 0 on the due day, negative once overdue. */
    public long daysToDue() {
        return ChronoUnit.DAYS.between(day, dueAt.atZone(ZoneOffset.UTC).toLocalDate());
    }
}
