package dev.gatehouse.review;

import java.time.Instant;

/**
 * A revoked item's person is out of the group in the Identity Store: Gatehouse removed them, or they were
 * already gone. The audit trail records it under the item's decision id.
 *
 * @param removedByGatehouse false when the membership was already gone and nothing was deleted
 */
public record ReviewMembershipRemoved(String decisionId, String campaignName, ReviewItemRow.Person person,
                                      ReviewItemRow.Access access, String groupId, String groupName,
                                      boolean removedByGatehouse, String decidedBy, Instant at) {
}
