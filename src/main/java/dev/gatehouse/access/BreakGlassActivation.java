package dev.gatehouse.access;

import java.util.List;

/**
 * A break-glass submission: one request per account, each granted at once, and who was told.
 *
 * @param approversNamed whether a rule names someone to tell besides the admins, who then see it under
 *                       Approvals
 * @param managerId      the requester's manager, so the confirmation can say "your manager"; empty if none
 */
public record BreakGlassActivation(List<Long> requestIds, MessagesSent told, boolean approversNamed,
                                   String managerId) {
}
