package dev.gatehouse.access;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * What a request form must say before any rule is asked: each failure names its field.
 *
 * @param accountIds each account once, in the order chosen
 */
record FormChecks(List<String> accountIds, Duration duration, Optional<Instant> startsAt, String justification,
                  String ticket) {

    static final int MAX_ACCOUNTS_PER_SUBMISSION = 20;
    static final Duration SHORTEST = Duration.ofMinutes(15);
    static final Duration FURTHEST_START = Duration.ofDays(30);

    /** @throws AccessProblem naming the field that is wrong */
    static FormChecks of(RequestForm form, Instant now) {
        if (form.permissionSetArn() == null || form.permissionSetArn().isBlank()) {
            throw new AccessProblem("permissionSet", "Choose a permission set.");
        }
        List<String> accountIds = form.accountIds() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(form.accountIds()));
        if (accountIds.isEmpty()) {
            throw new AccessProblem("accounts", "Choose at least one account.");
        }
        if (accountIds.size() > MAX_ACCOUNTS_PER_SUBMISSION) {
            throw new AccessProblem("accounts", "Choose at most " + MAX_ACCOUNTS_PER_SUBMISSION
                    + " accounts in one submission.");
        }
        Duration duration = form.duration();
        if (duration == null || duration.compareTo(SHORTEST) < 0) {
            throw new AccessProblem("duration", "Ask for at least 15 minutes.");
        }
        Optional<Instant> startsAt = form.startsAt() == null ? Optional.empty() : form.startsAt();
        start(startsAt, form.breakGlass(), now);
        String justification = form.justification() == null ? "" : form.justification().strip();
        String ticket = form.ticket() == null ? "" : form.ticket().strip();
        if (justification.length() > 1000) {
            throw new AccessProblem("justification", "Keep the justification under 1,000 characters.");
        }
        if (ticket.length() > 100) {
            throw new AccessProblem("ticket", "A ticket reference has at most 100 characters.");
        }
        return new FormChecks(accountIds, duration, startsAt, justification, ticket);
    }

    /** @throws AccessProblem when the start is in the past, too far ahead, or set for break-glass */
    static void start(Optional<Instant> startsAt, boolean breakGlass, Instant now) {
        if (startsAt.isPresent() && startsAt.get().isBefore(now.minusSeconds(60))) {
            throw new AccessProblem("startsAt", "The start is in the past; choose a later time or start now.");
        }
        if (breakGlass && startsAt.isPresent()) {
            throw new AccessProblem("startsAt", "Break-glass access starts at once.");
        }
        if (startsAt.isPresent() && startsAt.get().isAfter(now.plus(FURTHEST_START))) {
            throw new AccessProblem("startsAt", "Access can start at most 30 days from now.");
        }
    }
}
