package dev.gatehouse.policy;

import java.util.Set;

/**
 * What makes a person an approver: their Identity Store user id and groups. The access module asks
 * for pending requests whose rule names this user, one of these groups, or (for manager rules) whose
 * requester this person manages.
 */
public record ApproverScope(String userId, Set<String> groupIds) {

    public ApproverScope {
        groupIds = Set.copyOf(groupIds);
    }
}
