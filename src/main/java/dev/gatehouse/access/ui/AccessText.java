package dev.gatehouse.access.ui;

import java.time.Duration;
import java.time.Instant;

import dev.gatehouse.shared.DurationText;
import dev.gatehouse.access.RequestSummary;

/** How the access screens write time left and a request's outcome. */
final class AccessText {

    private AccessText() {
    }

    /** "1 h 12 min" from now to then, at least a minute. */
    static String until(Instant now, Instant then) {
        Duration left = Duration.between(now, then);
        return left.toMinutes() < 1 ? "less than a minute" : DurationText.of(left.truncatedTo(
                java.time.temporal.ChronoUnit.MINUTES));
    }

    /** "Waiting for approval (0 of 1: 1 approval from Avery Patel)", "Approved by Avery Patel: looks fine". */
    static String outcome(RequestSummary r) {
        return switch (r.status()) {
            case PENDING -> r.status().label() + " (" + r.approvedBy().size() + " of " + r.approvalsRequired()
                    + (r.approvedBy().isEmpty() ? "" : ": " + String.join(", ", r.approvedBy())) + ") · "
                    + r.approvalSummary();
            case APPROVED -> "Approved by " + r.decidedBy() + comment(r) + r.grant().map(g -> " · access "
                    + g.statusLabel().toLowerCase() + (g.failureReason().isEmpty() ? "" : ": " + g.failureReason()))
                    .orElse("");
            case DENIED -> "Denied by " + r.decidedBy() + comment(r);
            case CANCELLED -> "Cancelled";
            case EXPIRED -> "Expired: nobody decided in time";
        };
    }

    private static String comment(RequestSummary r) {
        return r.decisionComment().isEmpty() ? "" : ": " + r.decisionComment();
    }
}
