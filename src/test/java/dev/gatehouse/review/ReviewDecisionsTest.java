package dev.gatehouse.review;

import static dev.gatehouse.TestUsers.as;
import static dev.gatehouse.access.RequesterSteps.awaitGrant;
import static dev.gatehouse.access.RequesterSteps.form;
import static dev.gatehouse.access.RequesterSteps.giveBack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

import dev.gatehouse.TestUsers;
import dev.gatehouse.access.AccessService;
import dev.gatehouse.access.GrantService;
import dev.gatehouse.access.GrantStatus;
import dev.gatehouse.access.GrantSummary;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.policy.AccessPolicy;
import dev.gatehouse.policy.AccessRule;
import dev.gatehouse.policy.ApproverType;
import dev.gatehouse.policy.Eligibility;
import dev.gatehouse.policy.RequesterType;
import dev.gatehouse.policy.ScopeType;
import dev.gatehouse.policy.TestRules;
import dev.gatehouse.review.internal.CampaignCloser;
import dev.gatehouse.sandbox.Sandbox;
import dev.gatehouse.sandbox.SandboxOrganization;
import dev.gatehouse.sandbox.SandboxSettings;
import dev.gatehouse.security.GatehouseUser;

/**
 * Reviewers decide: only the item's reviewer or the fallback, never the person under review; a keep
 * passes the item to the next stage, a revoke at any stage is final; a revoke of a direct assignment
 * removes it from Identity Center through the ledger (waiting while a live grant holds it), and one held
 * through a group provisioned from an IdP becomes a step for the identity provider.
 */
@SpringBootTest
class ReviewDecisionsTest {

    private static final Duration APPLIED = Duration.ofSeconds(30);

    @Autowired
    private ReviewDecisions decisions;
    @Autowired
    private ReviewFixtures fixtures;
    @Autowired
    private Sandbox sandbox;
    @Autowired
    private TestRules rules;
    @Autowired
    private AccessService access;
    @Autowired
    private GrantService grants;
    @Autowired
    private AccessPolicy policy;
    @Autowired
    private ReviewCampaigns campaigns;
    @Autowired
    private CampaignCloser closer;

    private String riley;
    private String avery;
    private String jordan;

    @AfterEach
    void ordinarySandbox() {
        sandbox.settings(SandboxSettings.AWS_LIMITS.withRateLimitScale(0));
    }

    @BeforeEach
    void demoDirectory() {
        fixtures.demoDirectory();
        riley = fixtures.userId(TestUsers.REQUESTER);
        avery = fixtures.userId(TestUsers.APPROVER);
        jordan = fixtures.userId(TestUsers.DIRECTOR);
    }

    @Test
    void nobody_decides_their_own_access_not_even_as_a_member_of_the_reviewer_group() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", avery);
        ReviewCampaign campaign = fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())),
                List.of(ReviewerStage.group(fixtures.groupId("engineering-managers")))));
        ReviewItemRow averys = only(campaign, i -> true);
        assertThat(averys.reviewer().name()).isEqualTo("engineering-managers");

        assertThat(mine(TestUsers.APPROVER, campaign)).isEmpty();
        assertThatThrownBy(() -> as(TestUsers.APPROVER, () -> decisions.decide(averys.id(), Decision.KEEP, "Still needed")))
                .isInstanceOf(ReviewProblem.class).hasMessage("Nobody reviews their own access: engineering-managers "
                        + "or the fallback reviewer decides this item.");
        assertThat(mine(TestUsers.DIRECTOR, campaign)).extracting(ReviewItemRow::id).containsExactly(averys.id());

        ReviewItemRow kept = as(TestUsers.DIRECTOR, () -> decisions.decide(averys.id(), Decision.KEEP, "Runs the on-call"));
        assertThat(kept.status()).isEqualTo(ItemStatus.DECIDED);
        assertThat(kept.decidedBy()).isEqualTo("Jordan Kim");
    }

    @Test
    void a_keep_passes_the_item_to_the_next_stage_and_a_revoke_at_the_first_stage_is_final() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        fixtures.standing(account, "ReadOnlyAccess", "USER", riley);
        ReviewCampaign campaign = fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())),
                List.of(ReviewerStage.manager(), ReviewerStage.person(jordan))));
        ReviewItemRow developer = only(campaign, i -> i.access().permissionSetName().equals("Developer"));
        ReviewItemRow readOnly = only(campaign, i -> i.access().permissionSetName().equals("ReadOnlyAccess"));
        assertThat(mine(TestUsers.APPROVER, campaign)).hasSize(2);
        assertThat(mine(TestUsers.DIRECTOR, campaign)).isEmpty();

        assertThatThrownBy(() -> as(TestUsers.APPROVER, () -> decisions.decide(developer.id(), Decision.KEEP, "ok")))
                .isInstanceOfSatisfying(ReviewProblem.class, p -> assertThat(p.field()).isEqualTo("comment"))
                .hasMessage("Say why the access should stay (at least 5 characters).");
        ReviewItemRow atStage2 = as(TestUsers.APPROVER, () -> decisions.decide(developer.id(), Decision.KEEP,
                "Deploys payments daily"));

        assertThat(atStage2.stage()).isEqualTo(2);
        assertThat(atStage2.status()).isEqualTo(ItemStatus.PENDING);
        assertThat(atStage2.reviewer().name()).isEqualTo("Jordan Kim");
        assertThat(mine(TestUsers.APPROVER, campaign)).extracting(ReviewItemRow::id).containsExactly(readOnly.id());
        assertThat(mine(TestUsers.DIRECTOR, campaign)).extracting(ReviewItemRow::id).containsExactly(developer.id());
        assertThat(as(TestUsers.DIRECTOR, () -> decisions.decide(developer.id(), Decision.KEEP, "Agreed, still needed"))
                .status()).isEqualTo(ItemStatus.DECIDED);

        ReviewItemRow revoked = as(TestUsers.APPROVER, () -> decisions.decide(readOnly.id(), Decision.REVOKE, ""));
        assertThat(revoked.stage()).as("a revoke wins: no later stage sees it").isEqualTo(1);
        assertThat(revoked.status()).isEqualTo(ItemStatus.APPLYING);
        assertThat(mine(TestUsers.DIRECTOR, campaign)).extracting(ReviewItemRow::id).doesNotContain(readOnly.id());
    }

    @Test
    void a_revoked_direct_assignment_is_removed_from_identity_center_and_the_item_ends_removed() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        ReviewCampaign campaign = fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())),
                List.of(ReviewerStage.manager())));
        ReviewItemRow item = only(campaign, i -> true);

        as(TestUsers.APPROVER, () -> decisions.decide(item.id(), Decision.REVOKE, "Moved to another team"));

        ReviewItemRow removed = awaitStatus(campaign, item, ItemStatus.REMOVED);
        assertThat(removed.decidedBy()).isEqualTo("Avery Patel");
        assertThat(inSandbox(account, "Developer", riley)).isFalse();
        assertThatThrownBy(() -> as(TestUsers.APPROVER, () -> decisions.decide(item.id(), Decision.KEEP, "Changed my mind")))
                .isInstanceOf(ReviewProblem.class)
                .hasMessage("The revoke is being applied in Identity Center, so the decision can no longer change.");
    }

    @Test
    void a_revoke_waits_while_a_live_grant_holds_the_assignment_and_applies_when_it_ends() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        rules.save(TestRules.draft("Open", RequesterType.USER, riley, ScopeType.ACCOUNT, account.id(),
                fixtures.arn("Developer"), 0, ApproverType.NONE, ""));
        long request = as(TestUsers.REQUESTER, () -> access.submit(form(fixtures.arn("Developer"), account.id(), "")).get(0));
        GrantSummary grant = awaitGrant(access, request, GrantStatus.ACTIVE);
        ReviewCampaign campaign = fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())),
                List.of(ReviewerStage.manager())));
        ReviewItemRow item = only(campaign, i -> true);
        assertThat(item.held()).as("the grant itself is not reviewed: it ends by itself").isEqualTo(HowHeld.DIRECT);

        as(TestUsers.APPROVER, () -> decisions.decide(item.id(), Decision.REVOKE, ""));

        Awaitility.await().atMost(APPLIED).until(() -> find(campaign, item).applyDetail(),
                detail -> detail.equals("Waits for grant #" + grant.id() + " to end"));
        assertThat(find(campaign, item).status()).isEqualTo(ItemStatus.APPLYING);
        assertThat(inSandbox(account, "Developer", riley)).as("the live grant keeps its access").isTrue();

        giveBack(grants, grant);

        awaitStatus(campaign, item, ItemStatus.REMOVED);
        assertThat(inSandbox(account, "Developer", riley)).isFalse();
    }

    @Test
    void a_removal_identity_center_refuses_shows_its_reason_and_ends_removed_when_the_ledger_retries() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        ReviewCampaign campaign = fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())),
                List.of(ReviewerStage.manager())));
        ReviewItemRow item = only(campaign, i -> true);
        sandbox.settings(SandboxSettings.AWS_LIMITS.withRateLimitScale(0).withWrites(Duration.ofMillis(50), 1));

        as(TestUsers.APPROVER, () -> decisions.decide(item.id(), Decision.REVOKE, ""));

        ReviewItemRow failed = awaitStatus(campaign, item, ItemStatus.FAILED);
        assertThat(failed.applyDetail()).startsWith("Identity Center refused the removal, which is tried again: ")
                .contains("IAM role quota");
        assertThat(inSandbox(account, "Developer", riley)).isTrue();

        sandbox.settings(SandboxSettings.AWS_LIMITS.withRateLimitScale(0));

        assertThat(awaitStatus(campaign, item, ItemStatus.REMOVED).applyDetail()).isEmpty();
        assertThat(inSandbox(account, "Developer", riley)).isFalse();
    }

    @Test
    void a_revoke_of_access_held_through_a_group_asks_for_the_membership_to_go_and_can_still_change() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "ReadOnlyAccess", "GROUP", fixtures.groupId("payments-team"));
        ReviewCampaign campaign = fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id()))
                .ofPeople(Set.of(riley)), List.of(ReviewerStage.manager())));
        ReviewItemRow item = only(campaign, i -> true);

        as(TestUsers.APPROVER, () -> decisions.decide(item.id(), Decision.REVOKE, ""));

        ReviewItemRow revoked = awaitStatus(campaign, item, ItemStatus.WAITING_FOR_IDP);
        assertThat(revoked.applyDetail()).as("payments-team comes from the IdP, whose next push would undo a removal")
                .isEqualTo("Remove Riley Chen from group payments-team in your identity provider: the group comes from "
                        + "https://idp.example.com/scim/v2, which would add them back");
        assertThat(fixtures.memberInSandbox(fixtures.groupId("payments-team"), riley)).isTrue();
        assertThat(inSandbox(account, "ReadOnlyAccess", fixtures.groupId("payments-team")))
                .as("the group's assignment stays for everyone else").isTrue();
        ReviewItemRow kept = as(TestUsers.APPROVER, () -> decisions.decide(item.id(), Decision.KEEP, "Needed after all"));
        assertThat(kept.status()).isEqualTo(ItemStatus.DECIDED);
        assertThat(kept.applyDetail()).isEmpty();
    }

    @Test
    void a_reviewer_cannot_decide_someone_elses_item_but_the_fallback_can() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        ReviewCampaign campaign = fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())),
                List.of(ReviewerStage.manager())));
        ReviewItemRow item = only(campaign, i -> true);

        assertThatThrownBy(() -> as(TestUsers.DIRECTOR, () -> decisions.decide(item.id(), Decision.KEEP, "Looks fine")))
                .isInstanceOf(ReviewProblem.class)
                .hasMessage("Only Avery Patel or the campaign's fallback reviewer decides this item.");
        assertThatThrownBy(() -> as(TestUsers.STRANGER, () -> decisions.decide(item.id(), Decision.KEEP, "Looks fine")))
                .isInstanceOf(ReviewProblem.class).hasMessageContaining("matches no Identity Center user");
        assertThat(as(TestUsers.STRANGER, () -> decisions.myItems(MyReviewsFilter.everything(), 0, 10))).isEmpty();
        assertThat(as(TestUsers.STRANGER, () -> decisions.myItemCount(MyReviewsFilter.everything()))).isZero();
        assertThatThrownBy(() -> decisions.myItems(MyReviewsFilter.everything(), 0, 10)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> decisions.myItemCount(MyReviewsFilter.everything())).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> decisions.decide(item.id(), Decision.KEEP, "Looks fine"))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);

        ReviewItemRow byFallback = as(TestUsers.ADMIN, () -> decisions.decide(item.id(), Decision.KEEP, "Checked with the team"));
        assertThat(byFallback.decidedBy()).isEqualTo("Morgan Reyes");
        assertThat(as(TestUsers.APPROVER, () -> decisions.myItemCount(MyReviewsFilter.everything()))).isGreaterThanOrEqualTo(1);
    }

    @Test
    void converting_access_a_rule_already_offers_removes_the_assignment_and_names_the_rule() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        rules.save(TestRules.draft("Developers on " + account.name(), RequesterType.USER, riley, ScopeType.ACCOUNT,
                account.id(), fixtures.arn("Developer"), 1, ApproverType.MANAGER, ""));
        ReviewCampaign campaign = fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())),
                List.of(ReviewerStage.manager(), ReviewerStage.person(jordan))));
        ReviewItemRow item = only(campaign, i -> true);
        // Another test's organization-wide rule may take precedence over this one: the comment names whichever applies.
        String applying = as(TestUsers.ADMIN, () -> policy.explain(riley, account.id(), fixtures.arn("Developer")))
                .rule().orElseThrow().name();

        ReviewItemRow converted = as(TestUsers.APPROVER, () -> decisions.decide(item.id(), Decision.CONVERT_TO_JIT, ""));

        assertThat(converted.stage()).as("a conversion is final like a revoke").isEqualTo(1);
        assertThat(converted.decision()).contains(Decision.CONVERT_TO_JIT);
        assertThat(converted.comment()).isEqualTo("Requestable just in time under rule \"" + applying + "\"");
        assertThat(awaitStatus(campaign, item, ItemStatus.REMOVED).decidedBy()).isEqualTo("Avery Patel");
        assertThat(inSandbox(account, "Developer", riley)).isFalse();
        assertThat(as(TestUsers.ADMIN, () -> policy.rules(account.name(), 0, 10))).as("no rule added")
                .extracting(AccessRule::name).containsExactly("Developers on " + account.name());
    }

    @Test
    void converting_access_no_rule_offers_adds_a_rule_for_that_person_alone_approved_by_their_manager() {
        rules.demoDirectoryWithoutRules();
        AccountRow account = fixtures.account();
        fixtures.standing(account, "SupportUser", "USER", riley);
        ReviewCampaign campaign = fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())),
                List.of(ReviewerStage.manager())));
        ReviewItemRow item = only(campaign, i -> true);
        assertThat(as(TestUsers.ADMIN, () -> policy.explain(riley, account.id(), fixtures.arn("SupportUser"))).allowed())
                .isFalse();

        ReviewItemRow converted = as(TestUsers.APPROVER, () -> decisions.decide(item.id(), Decision.CONVERT_TO_JIT,
                "Needs it twice a year"));

        String rule = "Converted in review: Riley Chen on " + account.name();
        assertThat(converted.comment()).isEqualTo("Needs it twice a year; requestable just in time under the new rule \""
                + rule + "\"");
        Eligibility now = as(TestUsers.ADMIN, () -> policy.explain(riley, account.id(), fixtures.arn("SupportUser")));
        assertThat(now.rule()).map(AccessRule::name).contains(rule);
        assertThat(now.approvers()).containsExactly("Avery Patel");
        assertThat(now.rule().orElseThrow().maxDuration()).isEqualTo(Duration.ofHours(8));
        assertThat(as(TestUsers.ADMIN, () -> policy.explain(avery, account.id(), fixtures.arn("SupportUser"))).allowed())
                .as("for Riley alone").isFalse();
        awaitStatus(campaign, item, ItemStatus.REMOVED);
        assertThat(inSandbox(account, "SupportUser", riley)).isFalse();
    }

    @Test
    void access_held_through_a_group_does_not_convert_to_just_in_time() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "ReadOnlyAccess", "GROUP", fixtures.groupId("payments-team"));
        ReviewCampaign campaign = fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id()))
                .ofPeople(Set.of(riley)), List.of(ReviewerStage.manager())));
        ReviewItemRow item = only(campaign, i -> true);

        assertThatThrownBy(() -> as(TestUsers.APPROVER, () -> decisions.decide(item.id(), Decision.CONVERT_TO_JIT, "")))
                .isInstanceOf(ReviewProblem.class).hasMessage("Only a direct assignment converts to just in time; this "
                        + "access comes through group payments-team: revoke removes the person from the group, or keep it.");
        assertThat(find(campaign, item).status()).isEqualTo(ItemStatus.PENDING);
    }

    @Test
    void a_reviewer_delegates_an_item_with_a_reason_to_someone_who_then_decides_it_but_never_to_the_person_under_review() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        ReviewCampaign campaign = fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())),
                List.of(ReviewerStage.manager())));
        ReviewItemRow item = only(campaign, i -> true);

        assertThat(as(TestUsers.APPROVER, () -> decisions.delegates(item.id(), "", 1000)))
                .extracting(ReviewItemRow.Person::userId).contains(jordan).doesNotContain(riley, avery);
        assertThatThrownBy(() -> as(TestUsers.APPROVER, () -> decisions.delegate(item.id(), riley, "Knows best")))
                .isInstanceOfSatisfying(ReviewProblem.class, p -> assertThat(p.field()).isEqualTo("delegate"))
                .hasMessage("Nobody reviews their own access: choose someone other than Riley Chen.");
        assertThatThrownBy(() -> as(TestUsers.APPROVER, () -> decisions.delegate(item.id(), jordan, " ")))
                .isInstanceOfSatisfying(ReviewProblem.class, p -> assertThat(p.field()).isEqualTo("reason"))
                .hasMessage("Say why Jordan Kim should decide (at least 5 characters).");
        assertThatThrownBy(() -> as(TestUsers.DIRECTOR, () -> decisions.delegate(item.id(), jordan, "Taking it over")))
                .isInstanceOf(ReviewProblem.class)
                .hasMessage("Only Avery Patel or the campaign's fallback reviewer decides this item.");
        assertThatThrownBy(() -> decisions.delegate(item.id(), jordan, "On leave next week"))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> decisions.delegates(item.id(), "", 10))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);

        ReviewItemRow delegated = as(TestUsers.APPROVER, () -> decisions.delegate(item.id(), jordan, "On leave next week"));

        assertThat(delegated.reviewer().name()).isEqualTo("Jordan Kim");
        assertThat(delegated.reviewer().note()).isEqualTo("Delegated by Avery Patel: On leave next week");
        assertThat(mine(TestUsers.APPROVER, campaign)).isEmpty();
        assertThat(mine(TestUsers.DIRECTOR, campaign)).extracting(ReviewItemRow::id).containsExactly(item.id());
        assertThat(as(TestUsers.DIRECTOR, () -> decisions.decide(item.id(), Decision.KEEP, "Runs the payments batch"))
                .decidedBy()).isEqualTo("Jordan Kim");
        assertThatThrownBy(() -> as(TestUsers.DIRECTOR, () -> decisions.delegate(item.id(), avery, "Back from leave")))
                .isInstanceOf(ReviewProblem.class)
                .hasMessage("The item is decided already: change the decision instead of handing it on.");
    }

    @Test
    void a_campaign_that_applies_revokes_at_its_close_leaves_them_in_identity_center_and_changeable_until_then() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        fixtures.standing(account, "ReadOnlyAccess", "USER", riley);
        CampaignDraft usual = fixtures.draft(CampaignScope.accounts(Set.of(account.id())), List.of(ReviewerStage.manager()));
        ReviewTiming timing = ReviewTiming.defaults();
        ReviewCampaign campaign = fixtures.launched(new CampaignDraft(usual.name(), usual.description(), usual.scope(),
                usual.stages(), usual.fallbackReviewerId(), usual.dueAt(), usual.dueDatePolicy(),
                new ReviewTiming(timing.remindDaysBefore(), timing.overdueDaily(), timing.overdueDays(),
                        timing.escalateAfterDays(), timing.messages(), true)));
        ReviewItemRow developer = only(campaign, i -> i.access().permissionSetName().equals("Developer"));
        ReviewItemRow readOnly = only(campaign, i -> i.access().permissionSetName().equals("ReadOnlyAccess"));

        ReviewItemRow held = as(TestUsers.APPROVER, () -> decisions.decide(developer.id(), Decision.REVOKE, "Moved team"));
        as(TestUsers.APPROVER, () -> decisions.decide(readOnly.id(), Decision.REVOKE, ""));
        ReviewItemRow changed = as(TestUsers.APPROVER, () -> decisions.decide(readOnly.id(), Decision.KEEP,
                "Needed after all"));

        assertThat(held.status()).isEqualTo(ItemStatus.DECIDED);
        assertThat(held.decision()).contains(Decision.REVOKE);
        assertThat(changed.decision()).contains(Decision.KEEP);
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> inSandbox(account, "Developer", riley));

        as(TestUsers.ADMIN, () -> campaigns.closeEarly(campaign.id()));
        closer.applyPolicy(campaign.id());

        assertThat(awaitStatus(campaign, developer, ItemStatus.REMOVED).decidedBy()).isEqualTo("Avery Patel");
        assertThat(inSandbox(account, "Developer", riley)).isFalse();
        assertThat(inSandbox(account, "ReadOnlyAccess", riley)).isTrue();
        assertThat(find(campaign, readOnly).status()).isEqualTo(ItemStatus.DECIDED);
    }

    private ReviewItemRow only(ReviewCampaign campaign, Predicate<ReviewItemRow> which) {
        List<ReviewItemRow> found = fixtures.items(campaign).stream().filter(which).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private ReviewItemRow find(ReviewCampaign campaign, ReviewItemRow item) {
        return only(campaign, i -> i.id() == item.id());
    }

    private ReviewItemRow awaitStatus(ReviewCampaign campaign, ReviewItemRow item, ItemStatus status) {
        return Awaitility.await().atMost(APPLIED).until(() -> find(campaign, item), i -> i.status() == status);
    }

    /** The person's items of this campaign: other tests' campaigns may be out with them too. */
    private List<ReviewItemRow> mine(GatehouseUser reviewer, ReviewCampaign campaign) {
        return as(reviewer, () -> decisions.myItems(MyReviewsFilter.everything(), 0, 10_000)).stream()
                .map(MyReviewItem::item).filter(i -> i.campaignId() == campaign.id()).toList();
    }

    private boolean inSandbox(AccountRow account, String permissionSetName, String principalId) {
        return sandbox.organization().assignments().stream().anyMatch(a -> a.equals(new SandboxOrganization.Assignment(
                account.id(), fixtures.arn(permissionSetName), a.principalType(), principalId)));
    }
}
