package dev.gatehouse.review.internal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.gatehouse.directory.AccessHolding;
import dev.gatehouse.directory.AccessInventory;
import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.DirectoryRefreshed;
import dev.gatehouse.directory.DirectorySynced;
import dev.gatehouse.directory.InventoryOrder;
import dev.gatehouse.directory.InventoryScope;
import dev.gatehouse.directory.SyncRun;
import dev.gatehouse.directory.SyncStatus;
import dev.gatehouse.directory.UserRow;
import dev.gatehouse.review.HowHeld;
import dev.gatehouse.review.ItemKind;
import dev.gatehouse.review.ReviewCampaign;
import dev.gatehouse.review.ReviewItemRow;
import dev.gatehouse.review.Reviewer;
import dev.gatehouse.security.AsSystem;
import dev.gatehouse.shared.DueItems;

/**
 * What a finished sync means for reviews, campaign by campaign, each in its own transaction:
 * <ul>
 *   <li>every REMOVED item removed before the sync began is CONFIRMED when the inventory no longer shows its
 *       access (with the sync's id and time), or flagged "still present after sync #N" when it does; an item
 *       removed after the sync began waits for the next, which read Identity Center after the removal;</li>
 *   <li>people who left: a person under review deleted or disabled in the Identity Store has their PENDING
 *       items marked (still offered for revocation); a USER reviewer who left has their PENDING items moved
 *       to the campaign's fallback reviewer, with the reason. A person refreshed alone does the same.</li>
 * </ul>
 * Both are idempotent, so a re-delivered event changes nothing.
 */
@Component
class AfterSync {

    private final ItemRepository items;
    private final CampaignRepository campaigns;
    private final AccessInventory inventory;
    private final DirectoryLookup directory;
    private final DueItems due;

    AfterSync(ItemRepository items, CampaignRepository campaigns, AccessInventory inventory, DirectoryLookup directory,
              DueItems due) {
        this.items = items;
        this.campaigns = campaigns;
        this.inventory = inventory;
        this.directory = directory;
        this.due = due;
    }

    @ApplicationModuleListener
    void on(DirectorySynced event) {
        SyncRun run = event.run();
        if (run.status() != SyncStatus.SUCCEEDED) {
            return;
        }
        Instant finished = run.finishedAt().orElse(run.startedAt());
        AsSystem.run(() -> {
            due.each("campaign with removals to confirm", items.campaignsWithRemovalsBefore(run.startedAt()),
                    campaignId -> confirm(campaignId, run, finished));
            return null;
        });
        peopleWhoLeft(finished);
    }

    @ApplicationModuleListener
    void on(DirectoryRefreshed event) {
        if (event.subject().startsWith("person ")) {
            peopleWhoLeft(event.at());
        }
    }

    private boolean confirm(long campaignId, SyncRun run, Instant finished) {
        List<ReviewItemRow> removed = items.lockRemovedBefore(campaignId, run.startedAt());
        for (ReviewItemRow item : removed) {
            if (stillHeld(item)) {
                if (!item.afterSync().stillPresentAfterSync().equals(Optional.of(run.id()))) {
                    items.stillPresent(item.id(), run.id(), finished);
                }
            } else {
                items.confirmed(item.id(), run.id(), finished);
            }
        }
        return !removed.isEmpty();
    }

    /** Whether the inventory still shows the item's access held the item's way (the group named, for GROUP). */
    private boolean stillHeld(ReviewItemRow item) {
        if (item.kind() == ItemKind.MEMBERSHIP) {
            return directory.groupIds(item.person().userId()).contains(item.groupId());
        }
        InventoryScope scope = InventoryScope.ORGANIZATION.onAccount(item.access().accountId())
                .ofPermissionSet(item.access().permissionSetArn()).ofPerson(item.person().userId());
        return inventory.page(scope, InventoryOrder.BY_ACCOUNT, 0, 1_000).stream().anyMatch(holding ->
                item.held() == HowHeld.DIRECT ? holding.held().how() == AccessHolding.How.DIRECT
                        : holding.held().how() == AccessHolding.How.GROUP
                                && holding.held().principalId().equals(item.groupId()));
    }

    private void peopleWhoLeft(Instant at) {
        AsSystem.run(() -> due.each("campaign with people who left", campaigns.activeIds(),
                campaignId -> leavers(campaignId, at)));
    }

    private boolean leavers(long campaignId, Instant at) {
        Optional<ReviewCampaign> campaign = campaigns.find(campaignId);
        if (campaign.isEmpty()) {
            return false;
        }
        ReviewerResolution resolution = new ReviewerResolution(directory, campaign.get().fallbackReviewerId());
        Map<String, String> leftNotes = new HashMap<>();
        boolean changed = false;
        for (ReviewItemRow item : items.lockPending(campaignId)) {
            String personLeft = leftNotes.computeIfAbsent(item.person().userId(), this::leftNote);
            if (!personLeft.equals(item.personLeft())) {
                items.personLeft(item.id(), personLeft, at);
                changed = true;
            }
            Reviewer reviewer = item.reviewer();
            if (reviewer.type() == Reviewer.Type.USER && !reviewer.id().equals(campaign.get().fallbackReviewerId())) {
                String reviewerLeft = leftNotes.computeIfAbsent(reviewer.id(), this::leftNote);
                if (!reviewerLeft.isEmpty()) {
                    items.reassign(item.id(), resolution.fallbackFor("The reviewer, " + reviewer.name() + ", "
                            + reviewerLeft + ".", new ReviewerResolution.Subject(item.person().userId(),
                            item.access().accountId(), item.access().permissionSetArn())), at);
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** "left: deleted in the Identity Store", "left: disabled in the Identity Store", or "" for someone still here. */
    private String leftNote(String userId) {
        Optional<UserRow> user = directory.user(userId);
        if (user.isEmpty()) {
            return "left: deleted in the Identity Store";
        }
        return user.get().enabled() ? "" : "left: disabled in the Identity Store";
    }
}
