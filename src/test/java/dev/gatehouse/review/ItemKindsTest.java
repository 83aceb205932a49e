package dev.gatehouse.review;

import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

import dev.gatehouse.TestUsers;
import dev.gatehouse.access.AccessService;
import dev.gatehouse.access.BreakGlassFollowUps;
import dev.gatehouse.access.RequestForm;
import dev.gatehouse.access.RequestSummary;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.policy.AccessPolicy;
import dev.gatehouse.policy.AccessRule;
import dev.gatehouse.policy.ApproverType;
import dev.gatehouse.policy.RequesterType;
import dev.gatehouse.policy.ScopeType;
import dev.gatehouse.policy.TestRules;
import dev.gatehouse.review.internal.CampaignCloser;

/**
 * The kinds a campaign may review besides standing access: each is snapshot at launch (counted in the
 * population), and keep and revoke do what the reviewer is told, end to end in the sandbox. Each test has
 * a fresh account and people or rules of its own, and narrows its campaign to them.
 */
@SpringBootTest
class ItemKindsTest {

    private static final Duration APPLIED = Duration.ofSeconds(30);

    @Autowired
    private ReviewFixtures fixtures;
    @Autowired
    private TestRules rules;
    @Autowired
    private ReviewDecisions decisions;
    @Autowired
    private ReviewCampaigns campaigns;
    @Autowired
    private AccessPolicy policy;
    @Autowired
    private AccessService access;
    @Autowired
    private BreakGlassFollowUps followUps;
    @Autowired
    private CampaignCloser closer;
    @Autowired
    private ReviewEvidence evidence;

    private String avery;
    private String morgan;

    @BeforeEach
    void demoDirectory() {
        fixtures.demoDirectory();
        avery = fixtures.userId(TestUsers.APPROVER);
        morgan = fixtures.userId(TestUsers.ADMIN);
    }

    @Test
    void a_campaign_reviews_standing_access_alone_unless_it_chooses_more() {
        AccountRow account = fixtures.account();
        String casey = fixtures.person("Casey", avery);
        fixtures.standing(account, "Developer", "USER", casey);
        rules.save(rule("Casey may read", RequesterType.USER, casey, account));

        ReviewCampaign campaign = fixtures.launched(fixtures.draft(scope(account, casey), List.of(ReviewerStage.manager())));

        assertThat(campaign.kinds()).containsExactly(ItemKind.STANDING);
        assertThat(fixtures.items(campaign)).extracting(ReviewItemRow::kind).containsExactly(ItemKind.STANDING);
        Population population = campaign.population().orElseThrow();
        assertThat(population.counts()).isEqualTo("1 items (1 direct, 0 through groups)");
    }

    @Test
    void a_launch_snapshots_each_chosen_kind_names_its_items_and_counts_them_in_the_population() {
        AccountRow account = fixtures.account();
        String casey = fixtures.person("Casey", avery);
        String group = fixtures.group("payments-team", null);
        fixtures.member(group, casey);
        fixtures.standing(account, "Developer", "GROUP", group);
        fixtures.sync();
        String groupName = "payments-team-" + group.substring(0, 8);
        AccessRule named = rules.save(rule("Casey may read", RequesterType.USER, casey, account));
        AccessRule throughGroup = rules.save(rule("Payments may read", RequesterType.GROUP, group, account));

        ReviewCampaign campaign = launchedReviewing(account, casey, Set.of(ItemKind.STANDING, ItemKind.ELIGIBILITY,
                ItemKind.MEMBERSHIP));

        List<ReviewItemRow> items = fixtures.items(campaign);
        ReviewItemRow byName = eligibility(items, named);
        assertThat(byName.held()).isEqualTo(HowHeld.DIRECT);
        assertThat(byName.access().permissionSetName()).isEqualTo("ReadOnlyAccess");
        assertThat(byName.about()).isEqualTo("May request ReadOnlyAccess on " + account.name() + " (" + account.id()
                + ") under rule \"Casey may read\" (1 approval from Morgan Reyes): named in the rule");
        ReviewItemRow viaGroup = eligibility(items, throughGroup);
        assertThat(viaGroup.held()).isEqualTo(HowHeld.GROUP);
        assertThat(viaGroup.source()).isEqualTo("Access rule eligibility: through group " + groupName);
        ReviewItemRow membership = items.stream().filter(i -> i.kind() == ItemKind.MEMBERSHIP).findFirst().orElseThrow();
        assertThat(membership.groupId()).isEqualTo(group);
        assertThat(membership.about()).isEqualTo("Member of " + groupName + ", which gives Developer on " + account.name());
        assertThat(items).filteredOn(i -> i.kind() == ItemKind.STANDING).hasSize(1);

        Population population = campaign.population().orElseThrow();
        assertThat(population.count(ItemKind.MEMBERSHIP)).isEqualTo(1);
        assertThat(population.count(ItemKind.STANDING)).isEqualTo(1);
        assertThat(population.eligibility()).isEqualTo((int) items.stream()
                .filter(i -> i.kind() == ItemKind.ELIGIBILITY).count()).isGreaterThanOrEqualTo(2);
        assertThat(population.items()).isEqualTo(items.size());
        assertThat(population.counts()).contains("(0 direct, 1 through groups, ").contains(" access-rule eligibilities, ")
                .endsWith(", 1 group membership)");
    }

    @Test
    void a_reviewer_narrows_my_reviews_to_one_kind_of_item() {
        AccountRow account = fixtures.account();
        String casey = fixtures.person("Casey", avery);
        String group = fixtures.group("ledger-team", null);
        fixtures.member(group, casey);
        fixtures.standing(account, "Developer", "GROUP", group);
        fixtures.sync();
        launchedReviewing(account, casey, Set.of(ItemKind.STANDING, ItemKind.MEMBERSHIP));
        String groupName = "ledger-team-" + group.substring(0, 8);
        MyReviewsFilter ledger = MyReviewsFilter.everything().search(groupName);

        List<MyReviewItem> memberships = as(TestUsers.APPROVER, () -> decisions.myItems(
                ledger.kind(Optional.of(ItemKind.MEMBERSHIP)), 0, 50));

        assertThat(memberships).extracting(i -> i.item().kind() + " " + i.item().about())
                .containsExactly("MEMBERSHIP Member of " + groupName + ", which gives Developer on " + account.name());
        assertThat(as(TestUsers.APPROVER, () -> decisions.myItemCount(ledger.kind(Optional.of(ItemKind.STANDING)))))
                .isEqualTo(1);
        assertThat(as(TestUsers.APPROVER, () -> decisions.myItemCount(ledger))).isEqualTo(2);
    }

    @Test
    void revoking_eligibility_under_a_rule_for_the_person_alone_deletes_the_rule_and_a_keep_leaves_it() {
        AccountRow account = fixtures.account();
        String casey = fixtures.person("Casey", avery);
        String blake = fixtures.person("Blake", avery);
        AccessRule caseys = rules.save(rule("Casey may read", RequesterType.USER, casey, account));
        AccessRule blakes = rules.save(rule("Blake may read", RequesterType.USER, blake, account));
        ReviewCampaign campaign = fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id()))
                .ofPeople(Set.of(casey, blake)), List.of(ReviewerStage.manager())).reviewing(Set.of(ItemKind.ELIGIBILITY)));
        List<ReviewItemRow> items = fixtures.items(campaign);

        ReviewItemRow revoked = as(TestUsers.APPROVER, () -> decisions.decide(eligibility(items, caseys).id(),
                Decision.REVOKE, "Moved to another team"));
        ReviewItemRow kept = as(TestUsers.APPROVER, () -> decisions.decide(eligibility(items, blakes).id(),
                Decision.KEEP, "Still on call for it"));

        assertThat(revoked.status()).isEqualTo(ItemStatus.REMOVED);
        assertThat(revoked.applyDetail()).isEqualTo("Rule \"Casey may read\" deleted: Casey Tester can no longer "
                + "request ReadOnlyAccess on " + account.name() + " (" + account.id() + ")");
        assertThat(as(TestUsers.ADMIN, () -> policy.rule(caseys.id()))).isEmpty();
        assertThat(kept.status()).isEqualTo(ItemStatus.DECIDED);
        assertThat(as(TestUsers.ADMIN, () -> policy.rule(blakes.id()))).isPresent();
    }

    @Test
    void revoking_eligibility_through_a_group_or_everyone_becomes_an_admin_step_on_the_campaign_page() {
        AccountRow account = fixtures.account();
        String casey = fixtures.person("Casey", avery);
        String group = fixtures.group("readers", null);
        fixtures.member(group, casey);
        fixtures.sync();
        AccessRule throughGroup = rules.save(rule("Readers may read", RequesterType.GROUP, group, account));
        AccessRule everyone = rules.save(rule("Anyone may read", RequesterType.EVERYONE, "", account));
        ReviewCampaign campaign = launchedReviewing(account, casey, Set.of(ItemKind.ELIGIBILITY));
        List<ReviewItemRow> items = fixtures.items(campaign);
        assertThat(eligibility(items, everyone).held()).isEqualTo(HowHeld.EVERYONE);

        ReviewItemRow viaGroup = as(TestUsers.APPROVER, () -> decisions.decide(eligibility(items, throughGroup).id(),
                Decision.REVOKE, ""));
        ReviewItemRow forEveryone = as(TestUsers.APPROVER, () -> decisions.decide(eligibility(items, everyone).id(),
                Decision.REVOKE, ""));

        assertThat(viaGroup.status()).isEqualTo(ItemStatus.WAITING_FOR_ADMIN);
        assertThat(viaGroup.applyDetail()).startsWith("Change rule \"Readers may read\" so it no longer covers "
                + "Casey Tester: it lets every member of group ").contains("remove Casey Tester from the group");
        assertThat(forEveryone.applyDetail()).startsWith("Change rule \"Anyone may read\" so it no longer covers "
                + "Casey Tester: it lets everyone request ReadOnlyAccess");
        assertThat(as(TestUsers.ADMIN, () -> policy.rule(throughGroup.id()))).as("others may still request").isPresent();
        assertThat(as(TestUsers.AUDITOR, () -> campaigns.adminSteps(campaign.id()))).extracting(ReviewItemRow::id)
                .containsExactlyInAnyOrder(viaGroup.id(), forEveryone.id());
        assertThat(as(TestUsers.ADMIN, () -> campaigns.progress(campaign.id())).overall().waitingForAdmin()).isEqualTo(2);

        ReviewItemRow changedMind = as(TestUsers.APPROVER, () -> decisions.decide(viaGroup.id(), Decision.KEEP,
                "The group is right after all"));
        assertThat(changedMind.status()).as("an admin step is not done yet, so the decision can change")
                .isEqualTo(ItemStatus.DECIDED);
    }

    @Test
    void revoking_a_group_membership_removes_the_person_from_the_group_in_the_sandbox() {
        AccountRow account = fixtures.account();
        String casey = fixtures.person("Casey", avery);
        String blake = fixtures.person("Blake", avery);
        String group = fixtures.group("deployers", null);
        fixtures.member(group, casey);
        fixtures.member(group, blake);
        fixtures.standing(account, "Developer", "GROUP", group);
        fixtures.sync();
        ReviewItemRow item = only(launchedReviewing(account, casey, Set.of(ItemKind.MEMBERSHIP)));

        as(TestUsers.APPROVER, () -> decisions.decide(item.id(), Decision.REVOKE, "No longer deploys"));

        ReviewItemRow removed = Awaitility.await().atMost(APPLIED).until(() -> find(item),
                i -> i.status() == ItemStatus.REMOVED);
        assertThat(removed.source()).isEqualTo("Group membership: member of " + item.groupName());
        assertThat(fixtures.memberInSandbox(group, casey)).isFalse();
        assertThat(fixtures.memberInSandbox(group, blake)).isTrue();
    }

    @Test
    void the_evidence_names_each_items_kind_and_the_summary_counts_the_kinds() {
        AccountRow account = fixtures.account();
        String casey = fixtures.person("Casey", avery);
        String group = fixtures.group("deployers", null);
        fixtures.member(group, casey);
        fixtures.standing(account, "Developer", "GROUP", group);
        fixtures.sync();
        ReviewCampaign campaign = launchedReviewing(account, casey, Set.of(ItemKind.STANDING, ItemKind.MEMBERSHIP));

        String csv = download(campaign, EvidenceKind.ITEMS_CSV);
        String summary = download(campaign, EvidenceKind.SUMMARY_HTML);

        assertThat(csv.split("\r\n")).hasSize(3).anySatisfy(row -> assertThat(row).contains(",via group deployers-")
                .endsWith(",STANDING,")).anySatisfy(row -> assertThat(row).contains(",member of group deployers-")
                .endsWith(",MEMBERSHIP,\"Member of deployers-" + group.substring(0, 8) + ", which gives Developer on "
                        + account.name() + "\""));
        assertThat(summary).contains("<tr><th>Items</th><td>2 (0 assigned directly, 1 through groups, "
                + "1 group membership)</td></tr>");
    }

    private String download(ReviewCampaign campaign, EvidenceKind kind) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        as(TestUsers.AUDITOR, () -> {
            evidence.download(campaign.id(), kind, out);
            return null;
        });
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_group_membership_does_not_convert_to_just_in_time_and_the_reviewer_is_told_what_to_do_instead() {
        AccountRow account = fixtures.account();
        String casey = fixtures.person("Casey", avery);
        String group = fixtures.group("deployers", null);
        fixtures.member(group, casey);
        fixtures.standing(account, "Developer", "GROUP", group);
        fixtures.sync();
        ReviewItemRow item = only(launchedReviewing(account, casey, Set.of(ItemKind.MEMBERSHIP)));

        assertThatThrownBy(() -> as(TestUsers.APPROVER, () -> decisions.decide(item.id(), Decision.CONVERT_TO_JIT, "")))
                .isInstanceOf(ReviewProblem.class).hasMessage("A group membership does not convert to just in time: "
                        + "keep it, or revoke to remove Casey Tester from group " + item.groupName() + ".");
    }

    @Test
    void keeping_a_break_glass_activation_follows_it_up_with_the_reviewers_comment() {
        AccountRow account = fixtures.account();
        long requestId = breakGlassOn(account);
        ReviewItemRow item = only(breakGlassCampaign(account));
        assertThat(item.subjectId()).isEqualTo(String.valueOf(requestId));
        assertThat(item.about()).startsWith("Activated ReadOnlyAccess on " + account.name() + " for 1 h at ")
                .contains("\"Pager alert INC-7 at night\"");

        ReviewItemRow kept = as(TestUsers.APPROVER, () -> decisions.decide(item.id(), Decision.KEEP,
                "Justified by the incident"));

        assertThat(kept.status()).isEqualTo(ItemStatus.DECIDED);
        assertThat(kept.applyDetail()).isEqualTo("Followed up: kept by Avery Patel");
        assertThat(as(TestUsers.ADMIN, () -> followUps.waiting(requestId))).as("no longer awaiting follow-up").isEmpty();
        RequestSummary request = as(TestUsers.REQUESTER, () -> access.myRequests(0, 50)).stream()
                .filter(r -> r.id() == requestId).findFirst().orElseThrow();
        assertThat(request.followUp().orElseThrow()).contains("Avery Patel kept it: Justified by the incident");
    }

    @Test
    void revoking_a_break_glass_activation_ends_its_grant_and_follows_it_up() {
        AccountRow account = fixtures.account();
        long requestId = breakGlassOn(account);
        ReviewItemRow item = only(breakGlassCampaign(account));

        ReviewItemRow revoked = as(TestUsers.APPROVER, () -> decisions.decide(item.id(), Decision.REVOKE,
                "No incident on record"));

        assertThat(revoked.status()).isEqualTo(ItemStatus.REMOVED);
        assertThat(revoked.applyDetail()).contains("ends now").endsWith("Followed up.");
        assertThat(as(TestUsers.ADMIN, () -> followUps.waiting(requestId))).isEmpty();
        RequestSummary request = Awaitility.await().atMost(APPLIED).until(() -> as(TestUsers.REQUESTER,
                () -> access.myRequests(0, 50)).stream().filter(r -> r.id() == requestId).findFirst().orElseThrow(),
                r -> r.grant().map(g -> g.status().finished()).orElse(false));
        assertThat(request.grant().orElseThrow().endReason()).contains("Access review").contains("No incident on record");
        assertThat(request.followUp().orElseThrow()).contains("Avery Patel revoked it and grant #");
    }

    @Test
    void a_due_date_policy_of_revoke_revokes_an_undecided_eligibility_as_a_reviewer_would() {
        // No other test's rule for everyone may make Casey eligible a second time.
        rules.demoDirectoryWithoutRules();
        AccountRow account = fixtures.account();
        String casey = fixtures.person("Casey", avery);
        AccessRule caseys = rules.save(rule("Casey may read", RequesterType.USER, casey, account));
        CampaignDraft draft = new CampaignDraft("Rules review " + account.id(), "", scope(account, casey),
                List.of(ReviewerStage.manager()), morgan, Instant.now().plus(Duration.ofDays(14)), DueDatePolicy.REVOKE)
                .reviewing(Set.of(ItemKind.ELIGIBILITY));
        ReviewCampaign campaign = fixtures.launched(draft);
        assertThat(as(TestUsers.ADMIN, () -> campaigns.closePreview(campaign.id())).text())
                .isEqualTo("Would revoke 1 access-rule eligibility on 1 account, 0 of them admin-level.");

        as(TestUsers.ADMIN, () -> campaigns.closeEarly(campaign.id()));
        closer.applyPolicy(campaign.id());

        ReviewItemRow item = only(campaign);
        assertThat(item.status()).isEqualTo(ItemStatus.REMOVED);
        assertThat(item.decision()).contains(Decision.REVOKE);
        assertThat(as(TestUsers.ADMIN, () -> policy.rule(caseys.id()))).isEmpty();
    }

    @Test
    void a_campaign_must_review_something() {
        AccountRow account = fixtures.account();
        CampaignDraft nothing = fixtures.draft(CampaignScope.accounts(Set.of(account.id())),
                List.of(ReviewerStage.manager())).reviewing(Set.of());

        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> campaigns.create(nothing)))
                .isInstanceOf(ReviewProblem.class).hasMessageStartingWith("Choose what the campaign reviews")
                .extracting(problem -> ((ReviewProblem) problem).field()).isEqualTo("kinds");
    }

    @Test
    void only_admins_and_auditors_see_a_campaigns_admin_steps_and_only_admins_follow_up_or_delete_rules_for_a_review() {
        assertThatThrownBy(() -> as(TestUsers.REQUESTER, () -> campaigns.adminSteps(1)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(TestUsers.APPROVER, () -> followUps.waiting(1L)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(TestUsers.APPROVER, () -> policy.rule(1)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(TestUsers.AUDITOR, () -> policy.deleteRevokedInReview(1, "x", "Sam", "review-1-1")))
                .isInstanceOf(AccessDeniedException.class);
    }

    private ReviewCampaign launchedReviewing(AccountRow account, String person, Set<ItemKind> kinds) {
        return fixtures.launched(fixtures.draft(scope(account, person), List.of(ReviewerStage.manager()))
                .reviewing(kinds));
    }

    private static CampaignScope scope(AccountRow account, String person) {
        return CampaignScope.accounts(Set.of(account.id())).ofPeople(Set.of(person));
    }

    /** ReadOnlyAccess on the account, approved by Morgan. */
    private AccessRule rule(String name, RequesterType type, String requesterId, AccountRow account) {
        return TestRules.draft(name, type, requesterId, ScopeType.ACCOUNT, account.id(), fixtures.arn("ReadOnlyAccess"),
                1, ApproverType.USER, morgan);
    }

    /** Riley activates ReadOnlyAccess on the account under a break-glass rule of this test's own. */
    private long breakGlassOn(AccountRow account) {
        String riley = fixtures.userId(TestUsers.REQUESTER);
        rules.breakGlass("Riley's emergency read " + account.id(), riley, fixtures.arn("ReadOnlyAccess"),
                ApproverType.NONE);
        return as(TestUsers.REQUESTER, () -> access.activateBreakGlass(new RequestForm(fixtures.arn("ReadOnlyAccess"),
                List.of(account.id()), Duration.ofHours(1), Optional.empty(), "Pager alert INC-7 at night", "", true)))
                .requestIds().get(0);
    }

    private ReviewCampaign breakGlassCampaign(AccountRow account) {
        return fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())),
                List.of(ReviewerStage.person(avery))).reviewing(Set.of(ItemKind.BREAK_GLASS)));
    }

    private static ReviewItemRow eligibility(List<ReviewItemRow> items, AccessRule rule) {
        return items.stream().filter(i -> i.kind() == ItemKind.ELIGIBILITY && i.subjectId().equals(String.valueOf(rule.id())))
                .findFirst().orElseThrow(() -> new AssertionError("No item for rule " + rule.name() + " in " + items));
    }

    private ReviewItemRow only(ReviewCampaign campaign) {
        List<ReviewItemRow> found = fixtures.items(campaign);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private ReviewItemRow find(ReviewItemRow item) {
        return as(TestUsers.ADMIN, () -> campaigns.items(item.campaignId(), 0, 100)).stream()
                .filter(i -> i.id() == item.id()).findFirst().orElseThrow();
    }
}
