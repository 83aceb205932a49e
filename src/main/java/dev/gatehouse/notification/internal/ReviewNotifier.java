package dev.gatehouse.notification.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.gatehouse.notification.NotificationKind;
import dev.gatehouse.review.ReviewCampaignLaunched;
import dev.gatehouse.review.ReviewCampaigns;
import dev.gatehouse.review.Reviewer;
import dev.gatehouse.review.ReviewerLoad;
import dev.gatehouse.security.AsSystem;
import dev.gatehouse.shared.TimeText;

/**
 * Tells each reviewer once when a campaign launches: one message with how many items wait for them,
 * never one per item. A group reviewer's members are told together; the outbox's keys make a
 * re-delivered launch event tell nobody twice.
 */
@Component
class ReviewNotifier {

    private final Outbox outbox;
    private final ReviewCampaigns campaigns;

    ReviewNotifier(Outbox outbox, ReviewCampaigns campaigns) {
        this.outbox = outbox;
        this.campaigns = campaigns;
    }

    @ApplicationModuleListener
    void on(ReviewCampaignLaunched event) {
        for (ReviewerLoad load : AsSystem.run(() -> campaigns.reviewerLoads(event.campaignId()))) {
            boolean group = load.type() == Reviewer.Type.GROUP;
            String items = load.pendingItems() == 1 ? "1 item" : load.pendingItems() + " items";
            String due = TimeText.of(event.dueAt());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("campaignId", event.campaignId());
            details.put("campaign", event.name());
            details.put("reviewer", load.name());
            details.put("items", load.pendingItems());
            details.put("dueAt", event.dueAt().toString());
            outbox.enqueue(new Message("review-" + event.campaignId() + "-launch-" + load.type() + "-" + load.id(),
                    NotificationKind.REVIEW_ASSIGNED,
                    "Access review: " + items + " to decide in " + event.name() + " by " + due,
                    load.name() + " has " + items + " to decide in the access review " + event.name() + " by " + due,
                    (group ? "Members of " + load.name() + " review " : "You review ") + items + " in " + event.name()
                            + ", due " + due + ": for each person's standing access, keep it (saying why) or revoke "
                            + "it. Nobody reviews their own access.",
                    "reviews", group ? Set.of() : Set.of(load.id()), group ? Set.of(load.id()) : Set.of(), "", false,
                    details, event.at()));
        }
    }
}
