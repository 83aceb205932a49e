package dev.gatehouse.review;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.UserRow;
import dev.gatehouse.policy.AccessPolicy;
import dev.gatehouse.policy.AccessRule;
import dev.gatehouse.policy.Eligibility;
import dev.gatehouse.review.internal.CampaignRepository;
import dev.gatehouse.review.internal.ItemContexts;
import dev.gatehouse.review.internal.ItemRepository;
import dev.gatehouse.review.internal.ReviewerItemRepository;
import dev.gatehouse.review.internal.Revocations;
import dev.gatehouse.review.internal.ReviewerResolution;
import dev.gatehouse.security.AnyoneSignedIn;
import dev.gatehouse.security.CurrentUser;

/**
 * What reviewers decide: the items they review now, and keep, revoke or convert to just in time on each, or
 * hand one to someone else. Only the item's reviewer (the person, or a member of the reviewer group) or the
 * campaign's fallback reviewer decides, never the person under review. A keep passes the item to the next
 * stage, whose reviewer is found then; a revoke or a conversion at any stage is final and applied at once: a
 * direct assignment through the access ledger, access through a group by removing the person from the group
 * when no IdP provisions it. A decision can change until AWS is asked to apply it.
 */
@Service
@Transactional(readOnly = true)
@AnyoneSignedIn
public class ReviewDecisions {

    static final int SHORTEST_KEEP_COMMENT = 5;
    static final int BULK_CHUNK = 500;

    private final ItemRepository items;
    private final ReviewerItemRepository reviewerItems;
    private final CampaignRepository campaigns;
    private final DirectoryLookup directory;
    private final Revocations revocations;
    private final AccessPolicy policy;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ItemContexts contexts;
    private final TransactionTemplate chunk;

    ReviewDecisions(ItemRepository items, ReviewerItemRepository reviewerItems, CampaignRepository campaigns,
                    DirectoryLookup directory, Revocations revocations, AccessPolicy policy, CurrentUser currentUser,
                    ApplicationEventPublisher events, Clock clock, ItemContexts contexts,
                    PlatformTransactionManager transactions) {
        this.items = items;
        this.reviewerItems = reviewerItems;
        this.campaigns = campaigns;
        this.directory = directory;
        this.revocations = revocations;
        this.policy = policy;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
        this.contexts = contexts;
        this.chunk = new TransactionTemplate(transactions);
    }

    /**
     * A page of the signed-in person's items that match the filter, in its grouping, each with what the
     * reviewer weighs (the person now, the policies and admin-level flag, the last just-in-time use, the
     * access rule that covers it, a recommendation), read for the page in a few queries.
     */
    public List<MyReviewItem> myItems(MyReviewsFilter filter, int offset, int limit) {
        return me().map(id -> contexts.of(reviewerItems.reviewedBy(id, directory.groupIds(id), filter, adminLevelArns(filter),
                offset, limit))).orElse(List.of());
    }

    /** How many of the signed-in person's items match the filter: what {@link #myItems(MyReviewsFilter, int, int)} pages through. */
    public int myItemCount(MyReviewsFilter filter) {
        return me().map(id -> reviewerItems.reviewedByCount(id, directory.groupIds(id), filter, adminLevelArns(filter)))
                .orElse(0);
    }

    /** The accounts among the signed-in person's items, for the account filter. */
    public List<ItemChoice> myAccounts(String text, int offset, int limit) {
        return me().map(id -> reviewerItems.reviewedAccounts(id, directory.groupIds(id), text, offset, limit)).orElse(List.of());
    }

    /** The permission sets among the signed-in person's items, for the permission-set filter. */
    public List<ItemChoice> myPermissionSets(String text, int offset, int limit) {
        return me().map(id -> reviewerItems.reviewedPermissionSets(id, directory.groupIds(id), text, offset, limit))
                .orElse(List.of());
    }

    /**
     * Keeps or revokes every one of the signed-in person's items that matches the filter, under the same
     * checks as {@link #decide}, {@value #BULK_CHUNK} items to a transaction (locked, then recorded in a few
     * statements), so a decision on thousands neither holds one long transaction nor loses what was decided
     * before a failure. An item that cannot be decided (a
     * revoke already being applied, a campaign closed meanwhile) is reported and the others go on.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public BulkOutcome decideMatching(MyReviewsFilter filter, Decision decision, String comment) {
        String myId = me().orElseThrow(() -> new ReviewProblem("Your sign-in (" + currentUser.require().directoryUserName()
                + ") matches no Identity Center user, so you review nothing."));
        if (decision != Decision.KEEP && decision != Decision.REVOKE) {
            throw new ReviewProblem("Only keep and revoke are decided for all matching items at once.");
        }
        if (decision == Decision.KEEP && (comment == null || comment.strip().length() < SHORTEST_KEEP_COMMENT)) {
            throw new ReviewProblem("comment", "Say why the access should stay (at least " + SHORTEST_KEEP_COMMENT
                    + " characters).");
        }
        Set<String> groupIds = directory.groupIds(myId);
        Set<String> adminLevel = adminLevelArns(filter);
        int decided = 0;
        List<String> problems = new ArrayList<>();
        long after = 0;
        while (true) {
            long from = after;
            Chunk done = chunk.execute(status -> {
                List<ReviewItemRow> these = reviewerItems.lockReviewedByAfter(myId, groupIds, filter, adminLevel, from, BULK_CHUNK);
                Map<Long, ReviewCampaign> campaignsById = new HashMap<>();
                Map<Long, List<ReviewItemRow>> byCampaign = new LinkedHashMap<>();
                String why = "";
                for (ReviewItemRow item : these) {
                    try {
                        ReviewCampaign campaign = decidable(item, campaignsById.computeIfAbsent(item.campaignId(),
                                id -> campaigns.find(id).orElseThrow()), myId, () -> groupIds);
                        why = allowed(item, decision, comment);
                        byCampaign.computeIfAbsent(campaign.id(), id -> new ArrayList<>()).add(item);
                    } catch (ReviewProblem problem) {
                        problems.add(item.person().displayName() + ", " + item.access().permissionSetName() + " on "
                                + item.access().accountName() + ": " + problem.getMessage());
                    }
                }
                int count = 0;
                for (var ofCampaign : byCampaign.entrySet()) {
                    record(campaignsById.get(ofCampaign.getKey()), ofCampaign.getValue(), decision, why);
                    count += ofCampaign.getValue().size();
                }
                return new Chunk(these.isEmpty() ? OptionalLong.empty() : OptionalLong.of(these.get(these.size() - 1).id()),
                        count);
            });
            decided += done.decided();
            if (done.lastId().isEmpty()) {
                return new BulkOutcome(decided, List.copyOf(problems));
            }
            after = done.lastId().getAsLong();
        }
    }

    private record Chunk(OptionalLong lastId, int decided) {
    }

    /** The permission sets the risk filter adds to the names, read only when it is on. */
    private Set<String> adminLevelArns(MyReviewsFilter filter) {
        return filter.adminLevelOnly() ? contexts.adminLevelArns() : Set.of();
    }

    /**
     * Keeps (with a comment of at least five characters saying why), revokes, or converts the item to just in
     * time: a direct assignment is removed as for a revoke, and the access rule that lets the person request
     * it is named in the comment, or one is added for them alone (approved by their manager).
     *
     * @return the item as it is now: at the next stage, decided, or applying
     */
    @Transactional
    public ReviewItemRow decide(long itemId, Decision decision, String comment) {
        String myId = myId();
        ReviewItemRow item = items.lock(itemId).orElseThrow(() -> new ReviewProblem("No such review item."));
        ReviewCampaign campaign = decidable(item, campaigns.find(item.campaignId()).orElseThrow(), myId,
                () -> directory.groupIds(myId));
        String why = allowed(item, decision, comment);
        if (decision == Decision.CONVERT_TO_JIT) {
            why = withRule(why, requestableUnder(campaign, item, myId));
        }
        record(campaign, List.of(item), decision, why);
        return items.find(itemId).orElseThrow();
    }

    /**
     * Why the item cannot take the decision now (its revoke is being applied, a keep without a reason, a
     * conversion of access through a group), or the comment to record: one decision or many.
     */
    private static String allowed(ReviewItemRow item, Decision decision, String comment) {
        if (!item.status().open()) {
            throw new ReviewProblem("The revoke is being applied in Identity Center, so the decision can no longer change.");
        }
        String why = comment == null ? "" : comment.strip();
        if (decision == Decision.KEEP && why.length() < SHORTEST_KEEP_COMMENT) {
            throw new ReviewProblem("comment", "Say why the access should stay (at least " + SHORTEST_KEEP_COMMENT
                    + " characters).");
        }
        if (decision == Decision.CONVERT_TO_JIT) {
            convertible(item);
        }
        return why;
    }

    /**
     * Records one decision on items of one campaign that may take it, in a few statements however many there
     * are: a keep passes each item to its next stage (whose reviewer is found now) or decides it, a revoke or
     * a conversion starts removing the access; each decision is one event, so the audit trail has one entry each.
     */
    private void record(ReviewCampaign campaign, List<ReviewItemRow> decided, Decision decision, String why) {
        String by = currentUser.require().displayName();
        Instant at = clock.instant();
        Map<Long, Integer> nextStages = new HashMap<>();
        if (decision == Decision.KEEP) {
            ReviewerResolution resolution = new ReviewerResolution(directory, campaign.fallbackReviewerId());
            List<ItemRepository.AtStage> passed = new ArrayList<>();
            List<ReviewItemRow> last = new ArrayList<>();
            List<ItemRepository.NextStage> next = new ArrayList<>();
            for (ReviewItemRow item : decided) {
                if (item.stage() < item.stages()) {
                    int stage = item.stage() + 1;
                    passed.add(new ItemRepository.AtStage(item.id(), item.stage()));
                    next.add(new ItemRepository.NextStage(item.id(), stage, nextReviewer(resolution, campaign, item, stage)));
                    nextStages.put(item.id(), stage);
                } else {
                    last.add(item);
                }
            }
            items.decideAll(passed, Decision.KEEP, why, by, ItemStatus.PENDING, at);
            items.nextStages(next, at);
            items.decideAll(atStages(last), Decision.KEEP, why, by, ItemStatus.DECIDED, at);
            last.forEach(item -> revocations.kept(item, why, by, at));
        } else if (campaign.timing().revokesAtClose()) {
            // Held for the close, which applies them (CampaignCloser): until then they can change.
            items.decideAll(atStages(decided), decision, why, by, ItemStatus.DECIDED, at);
        } else {
            revocations.revokeAll(decided, decision, why, by, at);
        }
        for (ReviewItemRow item : decided) {
            events.publishEvent(new ReviewItemDecided(campaign.id(), campaign.name(), item.id(), item.stage(),
                    nextStages.getOrDefault(item.id(), 0), item.person(), item.access(), item.held(), item.groupName(),
                    decision, why, by, at, item.kind(), item.about()));
        }
    }

    private static List<ItemRepository.AtStage> atStages(List<ReviewItemRow> decided) {
        return decided.stream().map(item -> new ItemRepository.AtStage(item.id(), item.stage())).toList();
    }

    /** Only a standing direct assignment converts to just in time; what a reviewer does instead, per kind. */
    private static void convertible(ReviewItemRow item) {
        String instead = switch (item.kind()) {
            case STANDING -> item.held() == HowHeld.DIRECT ? ""
                    : "Only a direct assignment converts to just in time; this access comes through group "
                    + item.groupName() + ": revoke removes the person from the group, or keep it.";
            case ELIGIBILITY -> "An access rule's eligibility is just in time already: keep the rule, or revoke it.";
            case MEMBERSHIP -> "A group membership does not convert to just in time: keep it, or revoke to remove "
                    + item.person().displayName() + " from group " + item.groupName() + ".";
            case BREAK_GLASS -> "A break-glass activation is just in time already: keep follows it up with your "
                    + "comment, revoke ends the grant if it is still active.";
        };
        if (!instead.isEmpty()) {
            throw new ReviewProblem(instead);
        }
    }

    /**
     * Hands a pending item to another person, who decides it instead (at this stage): never the person under
     * review, with a reason the audit trail keeps.
     */
    @Transactional
    public ReviewItemRow delegate(long itemId, String toUserId, String reason) {
        String myId = myId();
        ReviewItemRow item = items.lock(itemId).orElseThrow(() -> new ReviewProblem("No such review item."));
        ReviewCampaign campaign = decidable(item, campaigns.find(item.campaignId()).orElseThrow(), myId,
                () -> directory.groupIds(myId));
        if (item.status() != ItemStatus.PENDING) {
            throw new ReviewProblem("The item is decided already: change the decision instead of handing it on.");
        }
        UserRow delegate = ReviewCampaigns.anotherReviewer(directory, toUserId, item, "delegate");
        if (delegate.id().equals(myId)) {
            throw new ReviewProblem("delegate", "You review this item already: choose someone else.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < SHORTEST_KEEP_COMMENT) {
            throw new ReviewProblem("reason", "Say why " + delegate.displayName() + " should decide (at least "
                    + SHORTEST_KEEP_COMMENT + " characters).");
        }
        String by = currentUser.require().displayName();
        items.reassign(itemId, new Reviewer(Reviewer.Type.USER, delegate.id(), delegate.displayName(),
                "Delegated by " + by + ": " + why), clock.instant());
        events.publishEvent(new ReviewItemReassigned(campaign.id(), campaign.name(), itemId, item.person(),
                item.access(), item.reviewer().name(), delegate.displayName(), by, why, clock.instant()));
        return items.find(itemId).orElseThrow();
    }

    /** People whose names contain the text whom the item could be delegated to: enabled, not the person, not me. */
    public List<ReviewItemRow.Person> delegates(long itemId, String text, int limit) {
        ReviewItemRow item = items.find(itemId).orElseThrow(() -> new ReviewProblem("No such review item."));
        String myId = me().orElse("");
        return directory.findUsers(text == null ? "" : text, limit + 2).stream()
                .filter(u -> u.enabled() && !u.id().equals(item.person().userId()) && !u.id().equals(myId))
                .limit(limit).map(u -> new ReviewItemRow.Person(u.id(), u.displayName() + " (" + u.userName() + ")"))
                .toList();
    }

    /** The campaign of an item the signed-in person may decide now, or why they may not. */
    private ReviewCampaign decidable(ReviewItemRow item, ReviewCampaign campaign, String myId,
                                     Supplier<Set<String>> myGroupIds) {
        if (campaign.status() != CampaignStatus.ACTIVE) {
            throw new ReviewProblem("The campaign is " + campaign.status().name().toLowerCase()
                    + ": its items are not decided now.");
        }
        if (item.person().userId().equals(myId)) {
            throw new ReviewProblem("Nobody reviews their own access: " + item.reviewer().name()
                    + " or the fallback reviewer decides this item.");
        }
        if (!reviews(item.reviewer(), myId, myGroupIds) && !campaign.fallbackReviewerId().equals(myId)) {
            throw new ReviewProblem("Only " + item.reviewer().name() + " or the campaign's fallback reviewer decides this item.");
        }
        return campaign;
    }

    /**
     * The rule under which the person can request the access once the assignment is gone: one that lets them
     * already, or a new one for them alone, approved by their manager, or else by the fallback reviewer (by
     * whoever converts, when the fallback is the person under review).
     */
    private String requestableUnder(ReviewCampaign campaign, ReviewItemRow item, String myId) {
        ReviewItemRow.Access access = item.access();
        String person = item.person().userId();
        Eligibility now = policy.evaluate(person, access.accountId(), access.permissionSetArn());
        if (now.allowed()) {
            return "requestable just in time under rule \"" + now.rule().orElseThrow().name() + "\"";
        }
        String approver = campaign.fallbackReviewerId().equals(person) ? myId : campaign.fallbackReviewerId();
        AccessRule added = policy.addRuleForConvertedAccess(person, access.accountId(), access.permissionSetArn(),
                approver);
        return "requestable just in time under the new rule \"" + added.name() + "\"";
    }

    private static String withRule(String comment, String rule) {
        return comment.isEmpty() ? Character.toUpperCase(rule.charAt(0)) + rule.substring(1) : comment + "; " + rule;
    }

    private String myId() {
        return me().orElseThrow(() -> new ReviewProblem("Your sign-in (" + currentUser.require().directoryUserName()
                + ") matches no Identity Center user, so you review nothing."));
    }

    /** Found when the item gets there, since managers and owners change during a campaign. */
    private static Reviewer nextReviewer(ReviewerResolution resolution, ReviewCampaign campaign, ReviewItemRow item,
                                         int stage) {
        ReviewerResolution.Subject subject = new ReviewerResolution.Subject(item.person().userId(),
                item.access().accountId(), item.access().permissionSetArn());
        return resolution.reviewer(campaign.stages().get(stage - 1), subject);
    }

    private static boolean reviews(Reviewer reviewer, String userId, Supplier<Set<String>> groupIds) {
        return switch (reviewer.type()) {
            case USER -> reviewer.id().equals(userId);
            case GROUP -> groupIds.get().contains(reviewer.id());
            case NOBODY -> false;
        };
    }

    private Optional<String> me() {
        return directory.userBySignIn(currentUser.require().directoryUserName()).map(UserRow::id);
    }
}
