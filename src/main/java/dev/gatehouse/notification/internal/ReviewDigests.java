package dev.gatehouse.notification.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.gatehouse.notification.NotificationKind;
import dev.gatehouse.review.ReviewDigest;
import dev.gatehouse.review.ReviewMessages;
import dev.gatehouse.review.Reviewer;
import dev.gatehouse.review.ReviewerLoad;
import dev.gatehouse.shared.TimeText;

/**
 * A reviewer's digest of the day as one message, put in the outbox in the review module's transaction
 * (which has just recorded it as sent): how many items are left, by when, and a link to My reviews. A
 * group reviewer's members are told together, as at launch.
 */
@Component
class ReviewDigests implements ReviewMessages {

    private final Outbox outbox;

    ReviewDigests(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void send(ReviewDigest digest) {
        ReviewerLoad load = digest.reviewer();
        boolean group = load.type() == Reviewer.Type.GROUP;
        String left = ReviewNotifier.items(load.pendingItems()) + " left";
        String campaign = "'" + digest.campaignName() + "'";
        String you = group ? "Members of " + load.name() + " have " : "You have ";
        String due = TimeText.of(digest.dueAt());
        String then = "Undecided items are " + switch (digest.policy()) {
            case KEEP -> "kept";
            case KEEP_AND_FLAG -> "kept and flagged as undecided";
            case REVOKE -> "revoked";
        } + " on " + TimeText.of(digest.closesAt()) + ".";
        String decide = " Decide them under My reviews: keep each (saying why) or revoke it.";
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("campaignId", digest.campaignId());
        details.put("campaign", digest.campaignName());
        details.put("reviewer", load.name());
        details.put("items", load.pendingItems());
        details.put("dueAt", digest.dueAt().toString());
        details.put("day", digest.day().toString());
        String key = "review-" + digest.campaignId() + "-" + digest.kind().name().toLowerCase() + "-" + load.type()
                + "-" + load.id() + "-" + digest.day();
        Message message = switch (digest.kind()) {
            case REMINDER -> {
                String when = dueIn(digest);
                yield new Message(key, NotificationKind.REVIEW_REMINDER,
                        "Access review: " + left + " in " + digest.campaignName() + ", " + when,
                        load.name() + " has " + left + " in the access review " + digest.campaignName() + ", " + when,
                        you + left + " in " + campaign + ", " + when + " (" + due + ")." + decide + " " + then,
                        "reviews", users(load), groups(load), "", false, details, digest.at());
            }
            case OVERDUE -> new Message(key, NotificationKind.REVIEW_OVERDUE,
                    "Access review overdue: " + left + " in " + digest.campaignName(),
                    load.name() + " has " + left + " in the overdue access review " + digest.campaignName(),
                    you + left + " in " + campaign + ", which was due " + due + "." + decide + " " + then,
                    "reviews", users(load), groups(load), "", false, details, digest.at());
            case ESCALATION -> {
                details.put("escalated", digest.escalated());
                String moved = ReviewNotifier.items(digest.escalated());
                yield new Message(key, NotificationKind.REVIEW_ESCALATED,
                        "Access review: " + moved + " escalated to you in " + digest.campaignName(),
                        moved + " of the overdue access review " + digest.campaignName() + " escalated to "
                                + load.name(),
                        "Nobody decided " + moved + " in " + campaign + " after its due date (" + due + "), so "
                                + (digest.escalated() == 1 ? "it is" : "they are") + " yours now as the fallback "
                                + "reviewer. " + you + left + " in all." + decide + " " + then,
                        "reviews", users(load), groups(load), "", false, details, digest.at());
            }
            default -> throw new IllegalArgumentException("No digest for " + digest.kind());
        };
        outbox.enqueue(message);
    }

    private static String dueIn(ReviewDigest digest) {
        long days = digest.daysToDue();
        return days <= 0 ? "due today" : days == 1 ? "due tomorrow" : "due in " + days + " days";
    }

    private static Set<String> users(ReviewerLoad load) {
        return load.type() == Reviewer.Type.GROUP ? Set.of() : Set.of(load.id());
    }

    private static Set<String> groups(ReviewerLoad load) {
        return load.type() == Reviewer.Type.GROUP ? Set.of(load.id()) : Set.of();
    }
}
