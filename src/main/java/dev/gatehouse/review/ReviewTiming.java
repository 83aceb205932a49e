package dev.gatehouse.review;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When a campaign's reviewers hear from Gatehouse, and what happens after the due date. Days are UTC days.
 *
 * @param remindDaysBefore   days before the due date's day on which reviewers with undecided items are reminded
 *                           (0: on the due day itself), largest first
 * @param overdueDaily       whether reviewers are reminded every day while the campaign is overdue
 * @param overdueDays        how many days after the due date the campaign stays open, overdue, before its
 *                           due-date policy applies; 0: the policy applies at the due date
 * @param escalateAfterDays  on the UTC day this many days after the due date's day, undecided items move to the
 *                           fallback reviewer; 0: never
 * @param messages           which kinds of message go out
 * @param revokesAtClose     reviewers' revokes wait for the close (and can change until then) instead of being
 *                           applied at once
 */
public record ReviewTiming(List<Integer> remindDaysBefore, boolean overdueDaily, int overdueDays,
                           int escalateAfterDays, Set<CampaignMessage> messages, boolean revokesAtClose) {

    /** Revokes applied at once. */
    public ReviewTiming(List<Integer> remindDaysBefore, boolean overdueDaily, int overdueDays, int escalateAfterDays,
                        Set<CampaignMessage> messages) {
        this(remindDaysBefore, overdueDaily, overdueDays, escalateAfterDays, messages, false);
    }

    public static final int LONGEST_SCHEDULE = 365;
    public static final int LONGEST_OVERDUE = 90;
    public static final int MOST_REMINDERS = 10;

    public ReviewTiming {
        remindDaysBefore = remindDaysBefore == null ? List.of() : remindDaysBefore.stream()
                .sorted((a, b) -> Integer.compare(b == null ? 0 : b, a == null ? 0 : a)).toList();
        messages = messages == null || messages.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(messages));
    }

    /**
     * Reminders 7 days and 1 day before the due date, daily when overdue, every message; the policy at the due
     * date; revokes applied at once.
     */
    public static ReviewTiming defaults() {
        return new ReviewTiming(List.of(7, 1), true, 0, 3, EnumSet.allOf(CampaignMessage.class));
    }

    public boolean sends(CampaignMessage message) {
        return messages.contains(message);
    }

    /** When the due-date policy applies: the due date plus the overdue period. */
    public Instant closesAt(Instant dueAt) {
        return dueAt.plus(Duration.ofDays(overdueDays));
    }

    /** The UTC day from which undecided items are escalated; empty when they never are. */
    public Optional<LocalDate> escalationDay(Instant dueAt) {
        return escalateAfterDays == 0 ? Optional.empty()
                : Optional.of(dueAt.atZone(ZoneOffset.UTC).toLocalDate().plusDays(escalateAfterDays));
    }
}
