package dev.gatehouse.review.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.Predicate;
import java.util.function.Consumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.review.CampaignStatus;
import dev.gatehouse.review.ClosePreview;
import dev.gatehouse.review.Decision;
import dev.gatehouse.review.DueDatePolicy;
import dev.gatehouse.review.ItemFlag;
import dev.gatehouse.review.ItemKind;
import dev.gatehouse.review.ItemStatus;
import dev.gatehouse.review.ReviewCampaign;
import dev.gatehouse.review.ReviewCampaignClosed;
import dev.gatehouse.review.ReviewItemDecided;
import dev.gatehouse.review.ReviewItemRow;
import dev.gatehouse.security.AsSystem;
import dev.gatehouse.shared.DueItems;
import dev.gatehouse.shared.SystemActor;

/**
 * Closes campaigns and applies their due-date policy to the items nobody decided, each item in its own
 * transaction: KEEP keeps it, KEEP_AND_FLAG keeps and flags it, REVOKE revokes it the way a reviewer's
 * revoke is applied, except the last admin-level access of an account, which stays PENDING, flagged for an
 * admin to confirm. The campaign is CLOSED first, so reviewers stop deciding; a close cut short leaves
 * undecided items of a CLOSED campaign, which the next run (the review-close task, or the due-date check)
 * takes on. Running again changes nothing once every item is dealt with.
 */
@Component
public class CampaignCloser {

    static final int BATCH = 500;
    static final String KEPT = "Undecided at the due date: kept by the campaign's policy";
    static final String REVOKED = "Undecided at the due date: revoked by the campaign's policy";

    private final CampaignRepository campaigns;
    private final ItemRepository items;
    private final Revocations revocations;
    private final ReviewWork work;
    private final DueItems due;
    private final DirectoryLookup directory;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CampaignCloser(CampaignRepository campaigns, ItemRepository items, Revocations revocations, ReviewWork work,
                   DueItems due, DirectoryLookup directory, PlatformTransactionManager transactions,
                   ApplicationEventPublisher events, Clock clock) {
        this.campaigns = campaigns;
        this.items = items;
        this.revocations = revocations;
        this.work = work;
        this.due = due;
        this.directory = directory;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.clock = clock;
    }

    /**
     * ACTIVE → CLOSED in the caller's transaction, and the review-close task scheduled to apply the policy.
     *
     * @param early false for the due-date check, which leaves a campaign whose due date (plus its overdue period)
     *              moved later since it looked
     * @return false when the campaign was not ACTIVE (closed already, cancelled, not launched) or, unless early,
     *         is not due any more
     */
    public boolean close(long campaignId, boolean early, String by) {
        if (campaigns.lockStatus(campaignId).filter(s -> s == CampaignStatus.ACTIVE).isEmpty()) {
            return false;
        }
        ReviewCampaign campaign = campaigns.find(campaignId).orElseThrow();
        if (!early && campaign.closesAt().isAfter(clock.instant())) {
            return false;
        }
        ClosePreview preview = preview(campaign);
        Instant at = clock.instant();
        campaigns.end(campaignId, CampaignStatus.CLOSED, by, at);
        events.publishEvent(new ReviewCampaignClosed(campaignId, campaign.name(), early, preview, by, at));
        work.closeNow(campaignId);
        return true;
    }

    /** The due-date check's step: closes ACTIVE campaigns whose due date came, and finishes closes cut short. */
    public int closeDue() {
        int closed = due.each("due review campaign", campaigns.dueActive(clock.instant(), BATCH),
                id -> close(id, false, SystemActor.NAME)).done();
        campaigns.closedWithUndecided(BATCH).forEach(this::applyPolicy);
        return closed;
    }

    /**
     * The review-close task's step: the policy on each undecided item of a CLOSED campaign, then the revokes a
     * campaign held for its close, applied as their reviewers decided them. @return items dealt with
     */
    public int applyPolicy(long campaignId) {
        Optional<ReviewCampaign> found = campaigns.find(campaignId);
        if (found.isEmpty() || found.get().status() != CampaignStatus.CLOSED) {
            return 0;
        }
        ReviewCampaign campaign = found.get();
        Set<String> adminLevelArns = adminLevelArns();
        return inBatches("undecided review item", () -> items.undecided(campaignId, BATCH),
                item -> item.status() == ItemStatus.PENDING && item.flag().isEmpty(),
                item -> follow(campaign, item, adminLevelArns))
                + inBatches("revoke held for the close", () -> items.heldRevokes(campaignId, BATCH),
                item -> item.status() == ItemStatus.DECIDED && item.decision().map(Decision::removes).orElse(false),
                item -> revocations.revoke(item, item.decision().orElseThrow(), item.comment(), item.decidedBy(),
                        clock.instant()));
    }

    /**
     * Each item the query finds that is still due once locked, a batch at a time, until none is left or a
     * whole batch failed (the next due-date check tries those again).
     */
    private int inBatches(String kind, Supplier<List<Long>> next, Predicate<ReviewItemRow> stillDue,
                          Consumer<ReviewItemRow> act) {
        int done = 0;
        List<Long> batch;
        do {
            batch = next.get();
            List<Long> these = batch;
            int dealt = AsSystem.run(() -> due.each(kind, these, id -> items.lock(id).filter(stillDue).map(item -> {
                act.accept(item);
                return true;
            }).orElse(false)).done());
            done += dealt;
            if (dealt == 0) {
                break;
            }
        } while (batch.size() == BATCH);
        return done;
    }

    private void follow(ReviewCampaign campaign, ReviewItemRow item, Set<String> adminLevelArns) {
        Instant at = clock.instant();
        switch (campaign.dueDatePolicy()) {
            case KEEP -> keep(campaign, item, at);
            case KEEP_AND_FLAG -> {
                keep(campaign, item, at);
                items.flag(item.id(), Optional.of(ItemFlag.UNDECIDED_AT_DUE_DATE), at);
            }
            case REVOKE -> {
                if (lastAdminLevel(item, adminLevelArns)) {
                    items.flag(item.id(), Optional.of(ItemFlag.NEEDS_CONFIRMATION), at);
                } else {
                    revocations.revoke(item, Decision.REVOKE, REVOKED, SystemActor.NAME, at);
                    decided(campaign, item, Decision.REVOKE, REVOKED, SystemActor.NAME, at);
                }
            }
        }
    }

    private void keep(ReviewCampaign campaign, ReviewItemRow item, Instant at) {
        items.decide(item.id(), item.stage(), Decision.KEEP, KEPT, SystemActor.NAME, ItemStatus.DECIDED, at);
        decided(campaign, item, Decision.KEEP, KEPT, SystemActor.NAME, at);
    }

    void decided(ReviewCampaign campaign, ReviewItemRow item, Decision decision, String comment, String by,
                 Instant at) {
        events.publishEvent(new ReviewItemDecided(campaign.id(), campaign.name(), item.id(), item.stage(), 0,
                item.person(), item.access(), item.held(), item.groupName(), decision, comment, by, at, item.kind(),
                item.about()));
    }

    /** Whether revoking the item would leave its account with no admin-level access among the campaign's items. */
    private boolean lastAdminLevel(ReviewItemRow item, Set<String> adminLevelArns) {
        if (item.kind() != ItemKind.STANDING || !(AdminLevelAccess.is(item.access().permissionSetName())
                || adminLevelArns.contains(item.access().permissionSetArn()))) {
            return false;
        }
        return items.policyFacts(item.campaignId(), Optional.of(item.access().accountId()), adminLevelArns).stream()
                .filter(facts -> facts.id() != item.id() && facts.adminLevelAssignment(adminLevelArns))
                .noneMatch(CampaignCloser::stays);
    }

    /** Read once per run: applying the policy may go over a million items. */
    private Set<String> adminLevelArns() {
        return AdminLevelAccess.arns(directory.permissionSets());
    }

    /** Admin-level access that the policy will not remove: kept, or already held for confirmation. */
    private static boolean stays(ItemRepository.PolicyFacts facts) {
        return (facts.status() == ItemStatus.DECIDED && facts.decision().orElse(null) == Decision.KEEP)
                || (facts.status() == ItemStatus.PENDING && facts.flag().orElse(null) == ItemFlag.NEEDS_CONFIRMATION);
    }

    /** What closing now would do to the undecided items; the same rules as {@link #applyPolicy}. */
    public ClosePreview preview(ReviewCampaign campaign) {
        Set<String> adminLevelArns = adminLevelArns();
        List<ItemRepository.PolicyFacts> facts = items.policyFacts(campaign.id(), Optional.empty(), adminLevelArns);
        List<ItemRepository.PolicyFacts> undecided = facts.stream()
                .filter(f -> f.status() == ItemStatus.PENDING && f.flag().isEmpty()).toList();
        if (campaign.dueDatePolicy() != DueDatePolicy.REVOKE) {
            return new ClosePreview(campaign.dueDatePolicy(), undecided.size(), Map.of(), 0, 0, 0);
        }
        Map<ItemKind, Integer> revokes = new EnumMap<>(ItemKind.class);
        Set<String> accounts = new HashSet<>();
        Map<String, Integer> undecidedAdmin = new HashMap<>();
        Set<String> accountsWithAdminStaying = new HashSet<>();
        for (ItemRepository.PolicyFacts f : facts) {
            boolean admin = f.adminLevelAssignment(adminLevelArns);
            if (f.status() == ItemStatus.PENDING && f.flag().isEmpty()) {
                revokes.merge(f.kind(), 1, Integer::sum);
                if (!f.accountId().isEmpty()) {
                    accounts.add(f.accountId());
                }
                if (admin) {
                    undecidedAdmin.merge(f.accountId(), 1, Integer::sum);
                }
            } else if (admin && stays(f)) {
                accountsWithAdminStaying.add(f.accountId());
            }
        }
        int adminLevel = undecidedAdmin.values().stream().mapToInt(Integer::intValue).sum();
        int held = (int) undecidedAdmin.keySet().stream().filter(a -> !accountsWithAdminStaying.contains(a)).count();
        return new ClosePreview(DueDatePolicy.REVOKE, undecided.size(), revokes, accounts.size(), adminLevel,
                held);
    }
}
