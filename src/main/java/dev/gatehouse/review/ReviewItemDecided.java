package dev.gatehouse.review;

import java.time.Instant;

/**
 * A reviewer decided one item at one stage.
 *
 * @param nextStage the stage a keep passed the item to, or 0 when this decision is final
 * @param kind      what the item is about: standing access, an access rule's eligibility, a group membership, a
 *                  break-glass activation
 * @param about     for the kinds other than standing access, what the item is about in one line
 */
public record ReviewItemDecided(long campaignId, String campaignName, long itemId, int stage, int nextStage,
                                ReviewItemRow.Person person, ReviewItemRow.Access access, HowHeld held, String groupName,
                                Decision decision, String comment, String decidedBy, Instant at, ItemKind kind,
                                String about) {

    /** A decision on standing access. */
    public ReviewItemDecided(long campaignId, String campaignName, long itemId, int stage, int nextStage,
                             ReviewItemRow.Person person, ReviewItemRow.Access access, HowHeld held, String groupName,
                             Decision decision, String comment, String decidedBy, Instant at) {
        this(campaignId, campaignName, itemId, stage, nextStage, person, access, held, groupName, decision, comment,
                decidedBy, at, ItemKind.STANDING, "");
    }

    /** The decision id the access ledger and the audit trail know the item's revoke by. */
    public String decisionId() {
        return decisionId(campaignId, itemId);
    }

    public static String decisionId(long campaignId, long itemId) {
        return PREFIX + campaignId + "-" + itemId;
    }

    /** Starts every decision id of a review item, so listeners can tell theirs from other decisions'. */
    public static final String PREFIX = "review-";
}
