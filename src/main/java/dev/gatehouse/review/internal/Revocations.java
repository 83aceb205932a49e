package dev.gatehouse.review.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.gatehouse.access.AssignmentKey;
import dev.gatehouse.access.AssignmentLedger;
import dev.gatehouse.access.StandingRemoval;
import dev.gatehouse.review.Decision;
import dev.gatehouse.review.HowHeld;
import dev.gatehouse.review.ItemKind;
import dev.gatehouse.review.ItemStatus;
import dev.gatehouse.review.ReviewItemDecided;
import dev.gatehouse.review.ReviewItemRow;

/**
 * Applies a revoke of a direct item through the access ledger, under the decision id review-&lt;campaign&gt;-&lt;item&gt;,
 * and follows the ledger: removed, failed (AWS's reason; the ledger tries again), or waiting for a live
 * grant. Moves between APPLYING, FAILED and REMOVED happen here only; REMOVED is never undone, since the
 * ledger's events may arrive late or twice.
 */
@Component
public class Revocations {

    private final ItemRepository items;
    private final AssignmentLedger ledger;
    private final MembershipRemovals memberships;
    private final EligibilityRevocations eligibility;
    private final BreakGlassReviews breakGlass;
    private final ReviewWork work;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Revocations(ItemRepository items, AssignmentLedger ledger, MembershipRemovals memberships,
                EligibilityRevocations eligibility, BreakGlassReviews breakGlass, ReviewWork work,
                PlatformTransactionManager transactions, Clock clock) {
        this.items = items;
        this.ledger = ledger;
        this.memberships = memberships;
        this.eligibility = eligibility;
        this.breakGlass = breakGlass;
        this.work = work;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Records a revoke (or a conversion to just in time, which removes the assignment the same way) at the
     * item's stage and starts applying it, in the caller's transaction: a direct item goes to the ledger
     * (review-apply); one held through a group never removes the group's assignment (that would cut everyone
     * in the group) and waits for someone to remove the membership. A group membership item removes the
     * membership too; an access rule's eligibility and a break-glass activation go through their modules.
     */
    public void revoke(ReviewItemRow item, Decision decision, String comment, String by, Instant at) {
        revokeAll(List.of(item), decision, comment, by, at);
    }

    /** {@link #revoke} of many items with the same decision and comment, recorded in one update. */
    public void revokeAll(List<ReviewItemRow> revoked, Decision decision, String comment, String by, Instant at) {
        items.decideAll(revoked.stream().map(item -> new ItemRepository.AtStage(item.id(), item.stage())).toList(),
                decision, comment, by, ItemStatus.APPLYING, at);
        for (ReviewItemRow item : revoked) {
            switch (item.kind()) {
                case STANDING -> {
                    if (item.held() == HowHeld.DIRECT) {
                        work.applyNow(item.id());
                    } else {
                        // Removing the group's assignment would cut everyone in the group; the membership is the person's.
                        memberships.request(item, at);
                    }
                }
                case MEMBERSHIP -> memberships.request(item, at);
                case ELIGIBILITY -> eligibility.revoke(item, by, at);
                case BREAK_GLASS -> breakGlass.revoke(item, comment, by, at);
            }
        }
    }

    /** A keep at the last stage, recorded by the caller: a break-glass activation is followed up with it. */
    public void kept(ReviewItemRow item, String comment, String by, Instant at) {
        if (item.kind() == ItemKind.BREAK_GLASS) {
            breakGlass.keep(item, comment, by, at);
        }
    }

    /**
     * The review-apply task's step: asks the ledger for the removal (once per decision id, so running
     * again after a crash asks nothing new) and records where it stands.
     */
    public void apply(long itemId) {
        Optional<ReviewItemRow> found = items.find(itemId);
        if (found.isEmpty() || found.get().status() != ItemStatus.APPLYING || found.get().held() != HowHeld.DIRECT
                || found.get().kind() != ItemKind.STANDING) {
            return;
        }
        ReviewItemRow item = found.get();
        AssignmentKey key = AssignmentKey.user(item.access().accountId(), item.access().permissionSetArn(),
                item.person().userId());
        StandingRemoval removal = ledger.removeStanding(key, item.decisionId(), item.decidedBy());
        switch (removal.status()) {
            case WAITING_FOR_GRANT -> record(itemId, ItemStatus.APPLYING, removal.detail());
            case REMOVED -> record(itemId, ItemStatus.REMOVED, "");
            case REMOVING -> { } // the ledger's outcome event says how it ends
        }
    }

    /** The ledger's word on the item's removal; the item must be applying (or failed, being retried). */
    public void record(long itemId, ItemStatus status, String detail) {
        transaction.executeWithoutResult(tx -> items.lock(itemId).ifPresent(item -> {
            if (item.status() == ItemStatus.APPLYING || item.status() == ItemStatus.FAILED) {
                items.applying(itemId, status, detail, clock.instant());
            }
        }));
    }

    /**
     * For the evidence: AWS's request id of the latest deletion asked for the item (a call that failed
     * before AWS answered has none, and leaves the last one), and when it succeeded.
     */
    public void written(long itemId, String requestId, boolean succeeded, Instant at) {
        transaction.executeWithoutResult(tx -> items.written(itemId, requestId, succeeded ? at : null));
    }

    /** The item a review decision id names, or empty for another kind of decision. */
    public static Optional<Long> itemOf(String decisionId) {
        if (!decisionId.startsWith(ReviewItemDecided.PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(decisionId.substring(decisionId.lastIndexOf('-') + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
