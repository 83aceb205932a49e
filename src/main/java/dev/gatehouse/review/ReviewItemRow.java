package dev.gatehouse.review;

import java.time.Instant;
import java.util.Optional;

/**
 * One review item, with the names as they were at launch.
 *
 * @param firstSeen   when a sync first saw the assignment; empty for one Gatehouse made since the last sync
 * @param applyDetail what applying a revoke says now: AWS's reason, the grant it waits for, the step left to do
 * @param afterSync   what the syncs since the removal saw
 * @param personLeft  "left: deleted in the Identity Store" or "left: disabled in the Identity Store" when the
 *                    person under review went during the campaign, otherwise empty
 * @param flag        what the due-date policy left on it, if anything
 * @param newSinceLastReview a later occurrence's item whose access was not among the previous occurrence's items
 */
public record ReviewItemRow(long id, long campaignId, String campaignName, Person person, Access access, HowHeld held,
                            String groupId, String groupName, Optional<Instant> firstSeen, int stage, int stages,
                            Reviewer reviewer, ItemStatus status, Optional<Decision> decision, String comment,
                            String decidedBy, Optional<Instant> decidedAt, String applyDetail,
                            AfterSync afterSync, String personLeft,
                            Optional<ItemFlag> flag, boolean newSinceLastReview) {

    public record Person(String userId, String displayName) {
    }

    public record Access(String accountId, String accountName, String ouPath, String permissionSetArn,
                         String permissionSetName) {
    }

    /**
     * What the syncs after a removal saw: the one that no longer saw the access (the evidence's "confirmed by
     * sync at"), or the last one that still did.
     */
    public record AfterSync(Optional<Instant> confirmedAt, Optional<Long> confirmedBySync,
                            Optional<Long> stillPresentAfterSync) {

        public static final AfterSync NOTHING_YET = new AfterSync(Optional.empty(), Optional.empty(), Optional.empty());

        /** "still present after sync #12", or empty. */
        public String flag() {
            return stillPresentAfterSync.map(sync -> "still present after sync #" + sync).orElse("");
        }
    }

    /** "Standing: assigned directly", "Standing: via group payments-team", as the inventory says it. */
    public String source() {
        return held == HowHeld.DIRECT ? "Standing: assigned directly" : "Standing: via group " + groupName;
    }

    /** The decision id the access ledger records a revoke under: review-&lt;campaign&gt;-&lt;item&gt;. */
    public String decisionId() {
        return ReviewItemDecided.decisionId(campaignId, id);
    }
}
