package dev.gatehouse.review;

import java.util.Set;

/**
 * What a campaign reviews: the accounts (the whole organization, or OUs with every OU below them, and
 * single accounts, resolved at launch), narrowed by permission sets, people and groups (each empty for
 * "any"; dimensions combine with AND), minus exclusions. Standing access is reviewed as assigned directly
 * and through groups (one item per person and group); the campaign's other kinds ({@link ItemKind}) use
 * the same scope.
 *
 * @param groupIds                  only access held through these groups
 * @param excludedPermissionSetArns never reviewed, e.g. a break-glass permission set
 * @param excludedGroupIds          access held through these groups is not reviewed; their members' other access is
 */
public record CampaignScope(boolean wholeOrganization, Set<String> ouIds, Set<String> accountIds,
                            Set<String> permissionSetArns, Set<String> userIds, Set<String> groupIds,
                            Set<String> excludedPermissionSetArns, Set<String> excludedGroupIds) {

    public CampaignScope {
        ouIds = Set.copyOf(ouIds);
        accountIds = Set.copyOf(accountIds);
        permissionSetArns = Set.copyOf(permissionSetArns);
        userIds = Set.copyOf(userIds);
        groupIds = Set.copyOf(groupIds);
        excludedPermissionSetArns = Set.copyOf(excludedPermissionSetArns);
        excludedGroupIds = Set.copyOf(excludedGroupIds);
    }

    public static CampaignScope organization() {
        return new CampaignScope(true, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    }

    public static CampaignScope accounts(Set<String> accountIds) {
        return new CampaignScope(false, Set.of(), accountIds, Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    }

    public static CampaignScope ous(Set<String> ouIds) {
        return new CampaignScope(false, ouIds, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    }

    public CampaignScope ofPermissionSets(Set<String> arns) {
        return new CampaignScope(wholeOrganization, ouIds, accountIds, arns, userIds, groupIds,
                excludedPermissionSetArns, excludedGroupIds);
    }

    public CampaignScope ofPeople(Set<String> ids) {
        return new CampaignScope(wholeOrganization, ouIds, accountIds, permissionSetArns, ids, groupIds,
                excludedPermissionSetArns, excludedGroupIds);
    }

    public CampaignScope throughGroups(Set<String> ids) {
        return new CampaignScope(wholeOrganization, ouIds, accountIds, permissionSetArns, userIds, ids,
                excludedPermissionSetArns, excludedGroupIds);
    }

    public CampaignScope excluding(Set<String> permissionSetArns, Set<String> groupIds) {
        return new CampaignScope(wholeOrganization, ouIds, accountIds, this.permissionSetArns, userIds, this.groupIds,
                permissionSetArns, groupIds);
    }
}
