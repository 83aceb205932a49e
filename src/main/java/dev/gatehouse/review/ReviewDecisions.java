package dev.gatehouse.review;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.UserRow;
import dev.gatehouse.review.internal.CampaignRepository;
import dev.gatehouse.review.internal.ItemRepository;
import dev.gatehouse.review.internal.Revocations;
import dev.gatehouse.review.internal.ReviewerResolution;
import dev.gatehouse.security.AnyoneSignedIn;
import dev.gatehouse.security.CurrentUser;

/**
 * What reviewers decide: the items they review now, and keep or revoke on each. Only the item's reviewer
 * (the person, or a member of the reviewer group) or the campaign's fallback reviewer decides, never the
 * person under review. A keep passes the item to the next stage, whose reviewer is found then; a revoke at
 * any stage is final and applied at once (a later option: at close): a direct assignment through the
 * access ledger, access through a group by removing the person from the group when no IdP provisions it. A decision can change until AWS is
 * asked to apply it.
 */
@Service
@Transactional(readOnly = true)
@AnyoneSignedIn
public class ReviewDecisions {

    static final int SHORTEST_KEEP_COMMENT = 5;

    private final ItemRepository items;
    private final CampaignRepository campaigns;
    private final DirectoryLookup directory;
    private final Revocations revocations;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReviewDecisions(ItemRepository items, CampaignRepository campaigns, DirectoryLookup directory,
                    Revocations revocations, CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.items = items;
        this.campaigns = campaigns;
        this.directory = directory;
        this.revocations = revocations;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** The items of active campaigns the signed-in person reviews now, by person, account and permission set. */
    public List<ReviewItemRow> myItems(int offset, int limit) {
        return me().map(id -> items.reviewedBy(id, directory.groupIds(id), offset, limit)).orElse(List.of());
    }

    public int myItemCount() {
        return me().map(id -> items.reviewedByCount(id, directory.groupIds(id))).orElse(0);
    }

    /**
     * Keeps (with a comment of at least five characters saying why) or revokes the item.
     *
     * @return the item as it is now: at the next stage, decided, or applying
     */
    @Transactional
    public ReviewItemRow decide(long itemId, Decision decision, String comment) {
        String myId = me().orElseThrow(() -> new ReviewProblem("Your sign-in (" + currentUser.require().directoryUserName()
                + ") matches no Identity Center user, so you review nothing."));
        ReviewItemRow item = items.lock(itemId).orElseThrow(() -> new ReviewProblem("No such review item."));
        ReviewCampaign campaign = campaigns.find(item.campaignId()).orElseThrow();
        if (campaign.status() != CampaignStatus.ACTIVE) {
            throw new ReviewProblem("The campaign is " + campaign.status().name().toLowerCase()
                    + ": its items are not decided now.");
        }
        if (item.person().userId().equals(myId)) {
            throw new ReviewProblem("Nobody reviews their own access: " + item.reviewer().name()
                    + " or the fallback reviewer decides this item.");
        }
        if (!reviews(item.reviewer(), myId) && !campaign.fallbackReviewerId().equals(myId)) {
            throw new ReviewProblem("Only " + item.reviewer().name() + " or the campaign's fallback reviewer decides this item.");
        }
        if (!item.status().open()) {
            throw new ReviewProblem("The revoke is being applied in Identity Center, so the decision can no longer change.");
        }
        String why = comment == null ? "" : comment.strip();
        if (decision == Decision.KEEP && why.length() < SHORTEST_KEEP_COMMENT) {
            throw new ReviewProblem("comment", "Say why the access should stay (at least " + SHORTEST_KEEP_COMMENT
                    + " characters).");
        }
        String by = currentUser.require().displayName();
        Instant at = clock.instant();
        int nextStage = 0;
        if (decision == Decision.KEEP && item.stage() < item.stages()) {
            nextStage = item.stage() + 1;
            items.decide(itemId, item.stage(), decision, why, by, ItemStatus.PENDING, at);
            items.nextStage(itemId, nextStage, nextReviewer(campaign, item, nextStage), at);
        } else if (decision == Decision.KEEP) {
            items.decide(itemId, item.stage(), decision, why, by, ItemStatus.DECIDED, at);
        } else {
            revocations.revoke(item, why, by, at);
        }
        events.publishEvent(new ReviewItemDecided(campaign.id(), campaign.name(), itemId, item.stage(), nextStage,
                item.person(), item.access(), item.held(), item.groupName(), decision, why, by, at));
        return items.find(itemId).orElseThrow();
    }

    /** Found when the item gets there, since managers and owners change during a campaign. */
    private Reviewer nextReviewer(ReviewCampaign campaign, ReviewItemRow item, int stage) {
        ReviewerResolution resolution = new ReviewerResolution(directory, campaign.fallbackReviewerId());
        ReviewerResolution.Subject subject = new ReviewerResolution.Subject(item.person().userId(),
                item.access().accountId(), item.access().permissionSetArn());
        return resolution.reviewer(campaign.stages().get(stage - 1), subject);
    }

    private boolean reviews(Reviewer reviewer, String userId) {
        return switch (reviewer.type()) {
            case USER -> reviewer.id().equals(userId);
            case GROUP -> directory.groupIds(userId).contains(reviewer.id());
            case NOBODY -> false;
        };
    }

    private Optional<String> me() {
        return directory.userBySignIn(currentUser.require().directoryUserName()).map(UserRow::id);
    }
}
