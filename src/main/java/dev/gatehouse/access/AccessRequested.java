package dev.gatehouse.access;

import java.time.Instant;

import dev.gatehouse.policy.ApproverType;

/**
 * Someone asked for access; approvers are to decide, unless the rule grants it at once. A break-glass
 * request is granted at once too, and its approvers are told rather than asked.
 *
 * @param approverId the Identity Store user or group who approves (for MANAGER, the manager); empty for NONE
 */
public record AccessRequested(long requestId, String requesterId, String requester, String accountId,
                              String accountName, String permissionSetName, String duration, String justification,
                              String ticket,
                              ApproverType approverType, String approverId, boolean breakGlass, Instant at) {
}
