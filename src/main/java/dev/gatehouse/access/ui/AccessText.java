package dev.gatehouse.access.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.gatehouse.access.BreakGlassActivation;
import dev.gatehouse.access.MessagesSent;
import dev.gatehouse.directory.UserRow;
import dev.gatehouse.shared.DurationText;
import dev.gatehouse.access.RequestSummary;

/** How the access screens write time left, a request's outcome and who was told of break-glass. */
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

    /**
     * What the person who broke the glass reads: which messages really went out, to whom, and where it
     * shows in Gatehouse whatever the channels.
     */
    static String breakGlassConfirmation(BreakGlassActivation activation) {
        MessagesSent told = activation.told();
        String messages;
        if (!told.anyChannel()) {
            messages = "No notification channel is configured, so nobody was told by message.";
        } else if (told.nothing()) {
            messages = "No message went out: nobody to tell has an email address, and no admin address is set.";
        } else {
            List<String> sent = new ArrayList<>();
            List<String> emailed = new ArrayList<>(people(told.emailed(), activation.managerId()));
            if (told.adminAddresses() > 0) {
                emailed.add(told.adminAddresses() + (told.adminAddresses() == 1 ? " admin address"
                        : " admin addresses"));
            }
            if (!emailed.isEmpty()) {
                sent.add("Emailed " + and(emailed));
            }
            if (!told.postedTo().isEmpty()) {
                sent.add((sent.isEmpty() ? "Posted to " : "posted to ") + and(told.postedTo()));
            }
            messages = String.join("; ", sent) + ".";
        }
        String inGatehouse = activation.approversNamed()
                ? "In Gatehouse, the people its rule names see it under Approvals and admins under Active access, "
                        + "until an admin follows it up."
                : "In Gatehouse, admins see it under Active access until one of them follows it up.";
        return "Break-glass access is being activated. " + messages + " " + inGatehouse;
    }

    /** "your manager Avery Patel", "Avery Patel, Jordan Kim and 8 others". */
    private static List<String> people(List<UserRow> people, String managerId) {
        List<String> names = people.stream().map(person -> person.id().equals(managerId)
                ? "your manager " + person.displayName() : person.displayName()).toList();
        if (names.size() <= 3) {
            return names;
        }
        return List.of(names.get(0), names.get(1), (names.size() - 2) + " others");
    }

    private static String and(List<String> parts) {
        return parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
