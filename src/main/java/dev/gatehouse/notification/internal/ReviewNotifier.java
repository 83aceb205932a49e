package dev.gatehouse.notification.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.gatehouse.notification.NotificationKind;
import dev.gatehouse.review.CampaignMessage;
import dev.gatehouse.review.ReviewCampaign;
import dev.gatehouse.review.ReviewCampaignClosed;
import dev.gatehouse.review.ReviewCampaignLaunched;
import dev.gatehouse.review.ReviewCampaigns;
import dev.gatehouse.review.Reviewer;
import dev.gatehouse.review.ReviewerLoad;
import dev.gatehouse.security.AsSystem;
import dev.gatehouse.shared.TimeText;

/**
 * Tells each reviewer once when a campaign launches: one message with how many items wait for them,
 * never one per item; and the campaign's creator when it closes. Each only when the campaign sends that
 * kind of message. A group reviewer's members are told together; the outbox's keys make a re-delivered
 * event tell nobody twice. The day's reminders go through {@link ReviewDigests}.
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
        if (!sends(event.campaignId(), CampaignMessage.LAUNCH)) {
            return;
        }
        for (ReviewerLoad load : AsSystem.run(() -> campaigns.reviewerLoads(event.campaignId()))) {
            boolean group = load.type() == Reviewer.Type.GROUP;
            String items = items(load.pendingItems());
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

    /** The creator hears how it closed and what the policy does; when no directory user matched them, the admins do. */
    @ApplicationModuleListener
    void on(ReviewCampaignClosed event) {
        Optional<ReviewCampaign> found = AsSystem.run(() -> campaigns.find(event.campaignId()));
        if (found.isEmpty() || !found.get().timing().sends(CampaignMessage.CLOSE)) {
            return;
        }
        ReviewCampaign campaign = found.get();
        String how = event.early() ? "was closed early by " + event.closedBy() : "closed at its due date";
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("campaignId", event.campaignId());
        details.put("campaign", event.name());
        details.put("early", event.early());
        details.put("closedBy", event.closedBy());
        details.put("preview", event.preview().text());
        boolean creator = !campaign.createdById().isEmpty();
        outbox.enqueue(new Message("review-" + event.campaignId() + "-closed", NotificationKind.REVIEW_CLOSED,
                "Access review " + event.name() + " " + how,
                "Access review " + event.name() + " " + how,
                "The access review " + event.name() + " " + how + " (" + TimeText.of(event.at()) + "). At the close: "
                        + event.preview().text() + " Its page shows the outcome; sign off its evidence there once "
                        + "the removals are done.",
                "reviews/campaigns/" + event.campaignId(), creator ? Set.of(campaign.createdById()) : Set.of(),
                Set.of(), "", !creator, details, event.at()));
    }

    /** A campaign that is not there any more sends nothing. */
    private boolean sends(long campaignId, CampaignMessage message) {
        return AsSystem.run(() -> campaigns.find(campaignId)).map(c -> c.timing().sends(message)).orElse(false);
    }

    static String items(int n) {
        return n == 1 ? "1 item" : n + " items";
    }
}
