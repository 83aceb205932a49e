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
 * @param kind        standing access, an access rule's eligibility, a group membership or a break-glass activation
 * @param subjectId   the access rule's id (ELIGIBILITY) or the break-glass request's id (BREAK_GLASS), else empty
 * @param about       what an item other than standing access is about, in one line; empty for standing access
 */
public record ReviewItemRow(long id, long campaignId, String campaignName, Person person, Access access, HowHeld held,
                            String groupId, String groupName, Optional<Instant> firstSeen, int stage, int stages,
                            Reviewer reviewer, ItemStatus status, Optional<Decision> decision, String comment,
                            String decidedBy, Optional<Instant> decidedAt, String applyDetail,
                            AfterSync afterSync, String personLeft,
                            Optional<ItemFlag> flag, boolean newSinceLastReview, ItemKind kind, String subjectId,
                            String about) {

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

    /**
     * "Standing: assigned directly", "Standing: via group payments-team", as the inventory says it; for the
     * other kinds, the kind and how the person comes to it: "Access rule eligibility: through group devs".
     */
    public String source() {
        return switch (kind) {
            case STANDING -> held == HowHeld.DIRECT ? "Standing: assigned directly" : "Standing: via group " + groupName;
            case ELIGIBILITY -> kind.label() + ": " + switch (held) {
                case DIRECT -> "named in the rule";
                case GROUP -> "through group " + groupName;
                case EVERYONE -> "the rule is for everyone";
            };
            case MEMBERSHIP -> kind.label() + ": member of " + groupName;
            case BREAK_GLASS -> kind.label() + ": request #" + subjectId;
        };
    }

    /** The decision id the access ledger records a revoke under: review-&lt;campaign&gt;-&lt;item&gt;. */
    public String decisionId() {
        return ReviewItemDecided.decisionId(campaignId, id);
    }
}
