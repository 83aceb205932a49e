package dev.gatehouse.review.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.gatehouse.aws.AwsCallFailed;
import dev.gatehouse.aws.DirectoryGroup;
import dev.gatehouse.aws.IdentityStore;
import dev.gatehouse.aws.MembershipRemoval;
import dev.gatehouse.directory.MirrorUpdates;
import dev.gatehouse.review.HowHeld;
import dev.gatehouse.review.ItemStatus;
import dev.gatehouse.review.ReviewItemRow;
import dev.gatehouse.review.ReviewMembershipRemoved;
import dev.gatehouse.review.internal.MembershipRemovalRepository.Outcome;
import dev.gatehouse.review.internal.MembershipRemovalRepository.Removal;

/**
 * Applies a revoke of an item held through a group by removing the person from the group in the Identity
 * Store, never the group's assignment (that would cut everyone in it). The decision writes the item
 * APPLYING and a {@code review_membership_removal} row in its transaction; the review-membership-removal
 * task then counts the attempt, asks AWS whether the group comes from an IdP (its ExternalIds), and removes
 * the membership only when it does not; a group an IdP provisions waits for someone to remove the person
 * there, since its next SCIM push would add them back. Running again is safe: a membership already gone
 * is success, so a crash anywhere between the row and the outcome converges. A refusal makes the item
 * FAILED with AWS's reason and throws, so the task retries by the one policy.
 */
@Component
public class MembershipRemovals {

    private final ItemRepository items;
    private final MembershipRemovalRepository removals;
    private final IdentityStore identityStore;
    private final MirrorUpdates mirror;
    private final ReviewWork work;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MembershipRemovals(ItemRepository items, MembershipRemovalRepository removals, IdentityStore identityStore,
                       MirrorUpdates mirror, ReviewWork work, ApplicationEventPublisher events,
                       PlatformTransactionManager transactions, Clock clock) {
        this.items = items;
        this.removals = removals;
        this.identityStore = identityStore;
        this.mirror = mirror;
        this.work = work;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** In the decision's transaction: the row the task works from, and the task, run once this commits. */
    public void request(ReviewItemRow item, Instant at) {
        removals.request(item.id(), item.groupId(), item.person().userId(), at);
        work.removeMembershipNow(item.id());
    }

    /** The review-membership-removal task's step. */
    public void remove(long itemId) {
        Optional<Start> start = transaction.execute(tx -> items.lock(itemId)
                .filter(item -> item.held() == HowHeld.GROUP
                        && (item.status() == ItemStatus.APPLYING || item.status() == ItemStatus.FAILED))
                .flatMap(item -> removals.lock(itemId).filter(removal -> removal.outcome().isEmpty())
                        .map(removal -> {
                            removals.attempt(itemId);
                            return new Start(item, removal);
                        })));
        if (start.isEmpty()) {
            return;
        }
        ReviewItemRow item = start.get().item();
        Removal removal = start.get().removal();
        try {
            Optional<DirectoryGroup> group = identityStore.group(removal.groupId());
            if (group.isPresent() && group.get().provisionedFromIdp()) {
                finish(removal, Outcome.IDP, ItemStatus.WAITING_FOR_IDP, "Remove " + item.person().displayName()
                        + " from group " + item.groupName() + " in your identity provider: the group comes from "
                        + group.get().externalIssuer() + ", which would add them back");
                return;
            }
            MembershipRemoval outcome = group.isEmpty() ? MembershipRemoval.ALREADY_GONE
                    : identityStore.removeMembership(removal.groupId(), removal.userId());
            finish(removal, outcome == MembershipRemoval.REMOVED ? Outcome.REMOVED : Outcome.ALREADY_GONE,
                    ItemStatus.REMOVED, outcome == MembershipRemoval.REMOVED ? ""
                            : item.person().displayName() + " was no longer in group " + item.groupName());
        } catch (AwsCallFailed e) {
            transaction.executeWithoutResult(tx -> {
                removals.failed(itemId, e.getMessage());
                items.lock(itemId).filter(current -> current.status() == ItemStatus.APPLYING
                        || current.status() == ItemStatus.FAILED).ifPresent(current -> items.applying(itemId,
                        ItemStatus.FAILED, "The Identity Store refused to remove " + item.person().displayName()
                                + " from group " + item.groupName() + ", which is tried again: " + e.getMessage(),
                        clock.instant()));
            });
            throw e;
        }
    }

    private void finish(Removal removal, Outcome outcome, ItemStatus status, String detail) {
        transaction.executeWithoutResult(tx -> items.lock(removal.itemId())
                .filter(item -> item.status() == ItemStatus.APPLYING || item.status() == ItemStatus.FAILED)
                .ifPresent(item -> {
                    Instant at = clock.instant();
                    items.applying(item.id(), status, detail, at);
                    removals.finished(item.id(), outcome, at);
                    if (status == ItemStatus.REMOVED) {
                        // The mirror shows the person out of the group now, not at the next sync.
                        mirror.membershipRemoved(removal.groupId(), removal.userId());
                        events.publishEvent(new ReviewMembershipRemoved(item.decisionId(), item.campaignName(),
                                item.person(), item.access(), removal.groupId(), item.groupName(),
                                outcome == Outcome.REMOVED, item.decidedBy(), at));
                    }
                }));
    }

    private record Start(ReviewItemRow item, Removal removal) {
    }
}
