package dev.gatehouse.review.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.gatehouse.access.BreakGlassFollowUps;
import dev.gatehouse.access.GrantSummary;
import dev.gatehouse.access.RequestSummary;
import dev.gatehouse.directory.AccessHolding;
import dev.gatehouse.directory.AccessInventory;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.AccountScopes;
import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.DirectoryPage;
import dev.gatehouse.directory.InventoryOrder;
import dev.gatehouse.directory.InventoryScope;
import dev.gatehouse.directory.PermissionSetRow;
import dev.gatehouse.directory.UserRow;
import dev.gatehouse.policy.AccessPolicy;
import dev.gatehouse.policy.AccessRule;
import dev.gatehouse.policy.RequesterType;
import dev.gatehouse.policy.ScopeType;
import dev.gatehouse.review.CampaignScope;
import dev.gatehouse.review.HowHeld;
import dev.gatehouse.review.ItemKind;
import dev.gatehouse.review.ReviewCampaign;
import dev.gatehouse.review.ReviewItemRow;
import dev.gatehouse.shared.DurationText;
import dev.gatehouse.shared.TimeText;

/**
 * The launch's snapshot of the kinds a campaign may review besides standing access, one method per kind,
 * each handing its items to the launch's batch: who may request what under the access rules, memberships
 * of groups that hold assignments in scope, and break-glass activations awaiting follow-up. Called
 * signed in as Gatehouse, inside the launch's transaction.
 */
@Component
class KindSnapshots {

    /** Directory limits (docs: 7,000 accounts, 200k users): one read each covers any organization. */
    private static final int EVERY_ACCOUNT = 10_000;
    private static final int EVERY_USER = 200_000;
    private static final int RULE_PAGE = 500;
    /** A membership's line names this many of the group's assignments, then "and N more". */
    static final int ASSIGNMENTS_NAMED = 5;

    private final AccessInventory inventory;
    private final DirectoryLookup directory;
    private final AccessPolicy policy;
    private final BreakGlassFollowUps breakGlass;

    KindSnapshots(AccessInventory inventory, DirectoryLookup directory, AccessPolicy policy,
                  BreakGlassFollowUps breakGlass) {
        this.inventory = inventory;
        this.directory = directory;
        this.policy = policy;
        this.breakGlass = breakGlass;
    }

    /** A new item, before its first stage's reviewer is found. */
    record Found(ReviewItemRow.Person person, ReviewItemRow.Access access, HowHeld held, String groupId,
                 String groupName, ItemKind kind, String subjectId, String about) {
    }

    /**
     * One item per person and access rule that lets them request (break-glass rules included) a permission
     * set in scope on accounts in scope: named in the rule, through a group it names (one item per member),
     * or as everyone (one per enabled person).
     */
    void eligibility(ReviewCampaign campaign, Consumer<Found> each) {
        CampaignScope scope = campaign.scope();
        Set<String> accounts = accountsInScope(scope);
        for (int offset = 0; ; offset += RULE_PAGE) {
            List<AccessRule> page = policy.rules("", offset, RULE_PAGE);
            for (AccessRule rule : page) {
                if (ruleInScope(rule, scope, accounts)) {
                    ruleItems(rule, scope, each);
                }
            }
            if (page.size() < RULE_PAGE) {
                return;
            }
        }
    }

    private boolean ruleInScope(AccessRule rule, CampaignScope scope, Set<String> accounts) {
        String set = rule.permissionSetArn();
        if (!scope.permissionSetArns().isEmpty() && !scope.permissionSetArns().contains(set)
                || scope.excludedPermissionSetArns().contains(set)) {
            return false;
        }
        boolean viaGroup = rule.requesterType() == RequesterType.GROUP;
        if (!scope.groupIds().isEmpty() && !(viaGroup && scope.groupIds().contains(rule.requesterId()))
                || viaGroup && scope.excludedGroupIds().contains(rule.requesterId())) {
            return false;
        }
        return switch (rule.scopeType()) {
            case ORGANIZATION -> !accounts.isEmpty();
            case ACCOUNT -> accounts.contains(rule.scopeId());
            case OU -> directory.accountsWithin(new AccountScopes(false, Set.of(rule.scopeId()), Set.of()),
                    DirectoryPage.first(EVERY_ACCOUNT)).stream().anyMatch(a -> accounts.contains(a.id()));
        };
    }

    private void ruleItems(AccessRule rule, CampaignScope scope, Consumer<Found> each) {
        ReviewItemRow.Access access = new ReviewItemRow.Access(
                rule.scopeType() == ScopeType.ACCOUNT ? rule.scopeId() : "", rule.scopeLabel(),
                "", rule.permissionSetArn(), rule.permissionSetName());
        String may = (rule.emergency() ? "May activate " : "May request ") + rule.permissionSetName() + " on "
                + rule.scopeLabel() + " under " + (rule.emergency() ? "break-glass rule \"" : "rule \"") + rule.name()
                + "\" (" + rule.approvalSummary() + ")";
        List<UserRow> people;
        HowHeld held;
        String how;
        switch (rule.requesterType()) {
            case USER -> {
                people = directory.user(rule.requesterId()).stream().toList();
                held = HowHeld.DIRECT;
                how = "named in the rule";
            }
            case GROUP -> {
                people = directory.members(rule.requesterId(), EVERY_USER);
                held = HowHeld.GROUP;
                how = "through group " + rule.requesterLabel();
            }
            default -> {
                people = directory.findUsers("", EVERY_USER).stream().filter(UserRow::enabled).toList();
                held = HowHeld.EVERYONE;
                how = "the rule is for everyone";
            }
        }
        for (UserRow person : people) {
            if (scope.userIds().isEmpty() || scope.userIds().contains(person.id())) {
                each.accept(new Found(new ReviewItemRow.Person(person.id(), person.displayName()), access, held,
                        held == HowHeld.GROUP ? rule.requesterId() : "", held == HowHeld.GROUP ? rule.requesterLabel() : "",
                        ItemKind.ELIGIBILITY, String.valueOf(rule.id()), may + ": " + how));
            }
        }
    }

    /**
     * One item per person and group whose group holds standing assignments in scope (minus the
     * exclusions), naming what the group gives there.
     */
    void memberships(ReviewCampaign campaign, Consumer<Found> each) {
        CampaignScope scope = campaign.scope();
        Map<String, Membership> found = new LinkedHashMap<>();
        for (InventoryScope part : CampaignLaunch.inventoryScopes(scope)) {
            inventory.each(part, InventoryOrder.BY_PERSON, holding -> {
                if (holding.held().how() != AccessHolding.How.GROUP || !CampaignLaunch.reviewed(holding, scope)) {
                    return;
                }
                found.computeIfAbsent(holding.person().userId() + "\t" + holding.held().principalId(),
                        key -> new Membership(holding)).gives(holding);
            });
        }
        found.values().forEach(membership -> each.accept(membership.item()));
    }

    private static final class Membership {
        private final AccessHolding first;
        private final Map<String, String> gives = new LinkedHashMap<>();

        Membership(AccessHolding first) {
            this.first = first;
        }

        void gives(AccessHolding holding) {
            gives.putIfAbsent(holding.account().id() + "\t" + holding.permissionSet().arn(),
                    holding.permissionSet().name() + " on " + holding.account().name());
        }

        Found item() {
            List<String> named = gives.values().stream().limit(ASSIGNMENTS_NAMED).toList();
            String more = gives.size() > named.size() ? " and " + (gives.size() - named.size()) + " more" : "";
            String groupName = first.held().groupName();
            return new Found(new ReviewItemRow.Person(first.person().userId(), first.person().displayName()),
                    new ReviewItemRow.Access("", "", "", "", ""), HowHeld.GROUP, first.held().principalId(), groupName,
                    ItemKind.MEMBERSHIP, "", "Member of " + groupName + ", which gives " + String.join(", ", named)
                    + more + (gives.size() == 1 ? "" : " (" + gives.size() + " assignments in scope)"));
        }
    }

    /** One item per break-glass activation nobody has followed up yet, on an account and permission set in scope. */
    void breakGlass(ReviewCampaign campaign, Consumer<Found> each) {
        CampaignScope scope = campaign.scope();
        if (!scope.groupIds().isEmpty()) {
            return; // an activation is held by the person, never through a group
        }
        Set<String> accounts = accountsInScope(scope);
        Map<String, String> arnsByName = directory.permissionSets().stream()
                .collect(Collectors.toMap(PermissionSetRow::name, PermissionSetRow::arn, (a, b) -> a, HashMap::new));
        Map<String, String> ouPaths = new HashMap<>();
        int waiting = breakGlass.waitingCount();
        for (RequestSummary request : breakGlass.waiting(0, Math.max(waiting, 1))) {
            String arn = arnsByName.getOrDefault(request.permissionSetName(), "");
            if (!accounts.contains(request.accountId())
                    || !scope.userIds().isEmpty() && !scope.userIds().contains(request.requesterId())
                    || !scope.permissionSetArns().isEmpty() && !scope.permissionSetArns().contains(arn)
                    || scope.excludedPermissionSetArns().contains(arn)) {
                continue;
            }
            String ouPath = ouPaths.computeIfAbsent(request.accountId(), id -> directory.account(id)
                    .map(AccountRow::ouPath).orElse(""));
            each.accept(new Found(new ReviewItemRow.Person(request.requesterId(), request.requesterName()),
                    new ReviewItemRow.Access(request.accountId(), request.accountName(), ouPath, arn,
                            request.permissionSetName()),
                    HowHeld.DIRECT, "", "", ItemKind.BREAK_GLASS, String.valueOf(request.id()), activation(request)));
        }
    }

    /** "Activated AdministratorAccess on payments for 1 h at 4 Dec 2026, 14:00: "db down"; grant active". */
    static String activation(RequestSummary request) {
        Instant at = request.startsAt().orElse(request.createdAt());
        return "Activated " + request.permissionSetName() + " on " + request.accountName() + " for "
                + DurationText.of(request.duration()) + " at " + TimeText.of(at) + ": \"" + request.justification()
                + "\"" + request.grant().map(KindSnapshots::grantState).orElse("");
    }

    private static String grantState(GrantSummary grant) {
        return "; grant #" + grant.id() + " " + grant.statusLabel().toLowerCase();
    }

    /** Every account the campaign's scope covers now. */
    private Set<String> accountsInScope(CampaignScope scope) {
        return directory.accountsWithin(new AccountScopes(scope.wholeOrganization(), scope.ouIds(), scope.accountIds()),
                DirectoryPage.first(EVERY_ACCOUNT)).stream().map(AccountRow::id).collect(Collectors.toSet());
    }
}
