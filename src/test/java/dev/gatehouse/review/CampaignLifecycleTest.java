package dev.gatehouse.review;

import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.security.access.AccessDeniedException;

import dev.gatehouse.TestClock;
import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.review.internal.CampaignCloser;
import dev.gatehouse.shared.SystemActor;

/**
 * A campaign after launch: admins extend, close early, cancel and reassign; at the due date (the clock
 * moved past it) the undecided items follow the policy, the last admin-level access of an account waits
 * for an admin's confirmation, and running the close again changes nothing; a launch on a stale sync is
 * refused unless the admin overrides.
 */
@SpringBootTest
@Import(TestClock.Config.class)
// Closed after the class: its scheduler shares the test database, and would otherwise run other classes'
// tasks (review-apply) against this context's own sandbox.
@DirtiesContext
class CampaignLifecycleTest {

    private static final Duration PAST_DUE = Duration.ofDays(15);

    @Autowired
    private ReviewCampaigns campaigns;
    @Autowired
    private ReviewDecisions decisions;
    @Autowired
    private ReviewFixtures fixtures;
    @Autowired
    private CampaignCloser closer;
    @Autowired
    private TestClock clock;

    private String riley;
    private String avery;
    private String jordan;

    @BeforeEach
    void demoDirectory() {
        clock.reset();
        fixtures.demoDirectory();
        riley = fixtures.userId(TestUsers.REQUESTER);
        avery = fixtures.userId(TestUsers.APPROVER);
        jordan = fixtures.userId(TestUsers.DIRECTOR);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void only_admins_extend_close_cancel_reassign_and_confirm_and_auditors_see_the_progress() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        ReviewCampaign campaign = launched(account, DueDatePolicy.KEEP);
        long item = fixtures.items(campaign).get(0).id();
        for (var user : List.of(TestUsers.REQUESTER, TestUsers.AUDITOR)) {
            assertThatThrownBy(() -> as(user, () -> campaigns.extendDueDate(campaign.id(), campaign.dueAt().plus(
                    Duration.ofDays(1))))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(user, () -> campaigns.closeEarly(campaign.id())))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(user, () -> campaigns.cancel(campaign.id())))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(user, () -> campaigns.reassign(item, jordan)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(user, () -> campaigns.confirmRevoke(item)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(user, () -> campaigns.keepHeld(item)))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> as(TestUsers.REQUESTER, () -> campaigns.progress(campaign.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as(TestUsers.AUDITOR, () -> campaigns.progress(campaign.id())).overall().pending()).isEqualTo(1);
        assertThat(as(TestUsers.AUDITOR, () -> campaigns.closePreview(campaign.id())).text())
                .isEqualTo("Would keep 1 item nobody decided.");
    }

    @Test
    void the_due_date_moves_only_later_and_stays_in_the_future() {
        AccountRow account = fixtures.account();
        ReviewCampaign campaign = launched(account, DueDatePolicy.KEEP);

        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> campaigns.extendDueDate(campaign.id(),
                campaign.dueAt().minus(Duration.ofDays(1))))).isInstanceOf(ReviewProblem.class)
                .hasMessageStartingWith("Choose a date after the current due date");
        ReviewCampaign extended = as(TestUsers.ADMIN, () -> campaigns.extendDueDate(campaign.id(),
                campaign.dueAt().plus(Duration.ofDays(7))));
        assertThat(extended.dueAt()).isEqualTo(campaign.dueAt().plus(Duration.ofDays(7)));

        clock.advance(Duration.ofDays(30));
        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> campaigns.extendDueDate(campaign.id(),
                extended.dueAt().plus(Duration.ofDays(1))))).isInstanceOf(ReviewProblem.class)
                .hasMessage("The due date must be in the future.");
    }

    @Test
    void the_due_date_check_leaves_a_campaign_whose_due_date_moved_later() {
        ReviewCampaign campaign = launched(fixtures.account(), DueDatePolicy.REVOKE);
        as(TestUsers.ADMIN, () -> campaigns.extendDueDate(campaign.id(), campaign.dueAt().plus(Duration.ofDays(30))));
        clock.advance(PAST_DUE);

        closer.closeDue();
        assertThat(closer.close(campaign.id(), false, SystemActor.NAME)).isFalse();

        assertThat(as(TestUsers.ADMIN, () -> campaigns.campaign(campaign.id())).status()).isEqualTo(CampaignStatus.ACTIVE);
    }

    @Test
    void a_cancelled_campaign_leaves_its_undecided_items_as_they_are_and_takes_no_more_decisions() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        fixtures.standing(account, "ReadOnlyAccess", "USER", riley);
        ReviewCampaign campaign = launched(account, DueDatePolicy.REVOKE);
        ReviewItemRow developer = item(campaign, "Developer");
        as(TestUsers.APPROVER, () -> decisions.decide(developer.id(), Decision.KEEP, "Works on the service"));

        ReviewCampaign cancelled = as(TestUsers.ADMIN, () -> campaigns.cancel(campaign.id()));

        assertThat(cancelled.status()).isEqualTo(CampaignStatus.CANCELLED);
        assertThat(fixtures.items(campaign)).extracting(i -> i.access().permissionSetName(), ReviewItemRow::status)
                .containsExactlyInAnyOrder(tuple("Developer", ItemStatus.DECIDED), tuple("ReadOnlyAccess", ItemStatus.PENDING));
        long readOnly = item(campaign, "ReadOnlyAccess").id();
        assertThatThrownBy(() -> as(TestUsers.APPROVER, () -> decisions.decide(readOnly, Decision.REVOKE, "")))
                .isInstanceOf(ReviewProblem.class)
                .hasMessage("The campaign is cancelled: its items are not decided now.");
        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> campaigns.cancel(campaign.id())))
                .isInstanceOf(ReviewProblem.class)
                .hasMessage("Only a draft or active campaign can be cancelled; this one is cancelled.");
        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> campaigns.closeEarly(campaign.id())))
                .isInstanceOf(ReviewProblem.class).hasMessage("Only an active campaign can be closed; this one is cancelled.");
        clock.advance(PAST_DUE);
        closer.closeDue();
        assertThat(item(campaign, "ReadOnlyAccess").status()).isEqualTo(ItemStatus.PENDING);
    }

    @Test
    void an_item_nobody_reviews_is_reassigned_to_a_person_but_never_to_the_person_under_review() {
        AccountRow account = fixtures.account();
        String pat = fixtures.person("Pat", "self");
        fixtures.standing(account, "Developer", "USER", pat);
        CampaignDraft draft = fixtures.draft(campaignScope(account), List.of(ReviewerStage.manager()));
        ReviewCampaign campaign = fixtures.launched(new CampaignDraft(draft.name(), draft.description(), draft.scope(),
                draft.stages(), pat, draft.dueAt(), DueDatePolicy.KEEP));
        ReviewItemRow nobodys = fixtures.items(campaign).get(0);
        assertThat(nobodys.reviewer().type()).isEqualTo(Reviewer.Type.NOBODY);

        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> campaigns.reassign(nobodys.id(), pat)))
                .isInstanceOf(ReviewProblem.class).hasMessage("Nobody reviews their own access: choose someone other than "
                        + "Pat Tester.");
        ReviewItemRow reassigned = as(TestUsers.ADMIN, () -> campaigns.reassign(nobodys.id(), jordan));

        assertThat(reassigned.reviewer().name()).isEqualTo("Jordan Kim");
        assertThat(reassigned.reviewer().note()).isEqualTo("Reassigned by Morgan Reyes");
        assertThat(as(TestUsers.DIRECTOR, () -> decisions.myItems(MyReviewsFilter.everything(), 0, 1000))).extracting(i -> i.item().id())
                .contains(nobodys.id());
        assertThat(as(TestUsers.ADMIN, () -> campaigns.progress(campaign.id())).reviewers())
                .extracting(r -> r.reviewer().name(), r -> r.counts().pending()).containsExactly(tuple("Jordan Kim", 1));
    }

    @Test
    void at_the_due_date_keep_decides_the_undecided_items_as_kept_by_gatehouse() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        ReviewCampaign campaign = launched(account, DueDatePolicy.KEEP);

        clock.advance(PAST_DUE);
        closer.closeDue();

        assertThat(as(TestUsers.ADMIN, () -> campaigns.campaign(campaign.id())).status()).isEqualTo(CampaignStatus.CLOSED);
        ReviewItemRow kept = fixtures.items(campaign).get(0);
        assertThat(kept.status()).isEqualTo(ItemStatus.DECIDED);
        assertThat(kept.decision()).contains(Decision.KEEP);
        assertThat(kept.decidedBy()).isEqualTo(SystemActor.NAME);
        assertThat(kept.flag()).isEmpty();
    }

    @Test
    void at_the_due_date_keep_and_flag_keeps_the_undecided_items_flagged_and_leaves_decided_ones_alone() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        fixtures.standing(account, "ReadOnlyAccess", "USER", riley);
        ReviewCampaign campaign = launched(account, DueDatePolicy.KEEP_AND_FLAG);
        long developer = item(campaign, "Developer").id();
        as(TestUsers.APPROVER, () -> decisions.decide(developer, Decision.KEEP, "On call"));

        clock.advance(PAST_DUE);
        closer.closeDue();

        assertThat(fixtures.items(campaign)).extracting(i -> i.access().permissionSetName(), ReviewItemRow::decidedBy,
                        ReviewItemRow::flag)
                .containsExactlyInAnyOrder(tuple("Developer", "Avery Patel", java.util.Optional.empty()),
                        tuple("ReadOnlyAccess", SystemActor.NAME, java.util.Optional.of(ItemFlag.UNDECIDED_AT_DUE_DATE)));
    }

    @Test
    void the_preview_counts_what_revoke_would_do_and_the_close_holds_the_last_admin_access_of_an_account() {
        AccountRow shared = fixtures.account();
        AccountRow other = fixtures.account();
        fixtures.standing(shared, "AdministratorAccess", "USER", riley);
        fixtures.standing(shared, "AdministratorAccess", "USER", avery);
        fixtures.standing(shared, "Developer", "USER", riley);
        fixtures.standing(other, "ReadOnlyAccess", "USER", avery);
        CampaignDraft draft = fixtures.draft(CampaignScope.accounts(Set.of(shared.id(), other.id())),
                List.of(ReviewerStage.person(jordan)));
        ReviewCampaign campaign = fixtures.launched(new CampaignDraft(draft.name(), draft.description(), draft.scope(),
                draft.stages(), draft.fallbackReviewerId(), draft.dueAt(), DueDatePolicy.REVOKE));

        ClosePreview preview = as(TestUsers.ADMIN, () -> campaigns.closePreview(campaign.id()));
        assertThat(preview.text()).isEqualTo("Would revoke 4 assignments on 2 accounts, 2 of them admin-level, 1 the "
                + "last admin access of its account (held for your confirmation).");

        clock.advance(PAST_DUE);
        closer.closeDue();

        List<ReviewItemRow> admins = fixtures.items(campaign).stream()
                .filter(i -> i.access().permissionSetName().equals("AdministratorAccess")).toList();
        assertThat(admins).extracting(ReviewItemRow::status)
                .containsExactlyInAnyOrder(ItemStatus.APPLYING, ItemStatus.PENDING);
        ReviewItemRow held = admins.stream().filter(i -> i.status() == ItemStatus.PENDING).findFirst().orElseThrow();
        assertThat(held.flag()).contains(ItemFlag.NEEDS_CONFIRMATION);
        assertThat(as(TestUsers.ADMIN, () -> campaigns.needingConfirmation(campaign.id())))
                .extracting(ReviewItemRow::id).containsExactly(held.id());
        assertThat(fixtures.items(campaign)).filteredOn(i -> !i.access().permissionSetName().equals("AdministratorAccess"))
                .extracting(ReviewItemRow::status, ReviewItemRow::decidedBy)
                .containsOnly(tuple(ItemStatus.APPLYING, SystemActor.NAME));

        ReviewItemRow confirmed = as(TestUsers.ADMIN, () -> campaigns.confirmRevoke(held.id()));
        assertThat(confirmed.status()).isEqualTo(ItemStatus.APPLYING);
        assertThat(confirmed.decidedBy()).isEqualTo("Morgan Reyes");
        assertThat(confirmed.flag()).isEmpty();
        assertThat(as(TestUsers.ADMIN, () -> campaigns.needingConfirmation(campaign.id()))).isEmpty();
    }

    @Test
    void a_permission_set_admin_level_by_its_policies_counts_as_the_last_admin_access_too() {
        String everything = fixtures.permissionSet("PlatformOwner", "{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
        AccountRow account = fixtures.account();
        fixtures.standing(account, everything, "USER", riley);
        fixtures.standing(account, "ReadOnlyAccess", "USER", riley);
        ReviewCampaign campaign = launched(account, DueDatePolicy.REVOKE);

        assertThat(as(TestUsers.ADMIN, () -> campaigns.closePreview(campaign.id())).text())
                .isEqualTo("Would revoke 2 assignments on 1 account, 1 of them admin-level, 1 the last admin access "
                        + "of its account (held for your confirmation).");
        as(TestUsers.ADMIN, () -> campaigns.closeEarly(campaign.id()));
        closer.applyPolicy(campaign.id());

        assertThat(fixtures.items(campaign)).extracting(i -> i.access().permissionSetName(), ReviewItemRow::status,
                        ReviewItemRow::flag)
                .containsExactlyInAnyOrder(tuple(everything, ItemStatus.PENDING, Optional.of(ItemFlag.NEEDS_CONFIRMATION)),
                        tuple("ReadOnlyAccess", ItemStatus.APPLYING, Optional.empty()));
    }

    @Test
    void an_admin_keeps_the_held_last_admin_access_and_running_the_close_again_changes_nothing() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "AdministratorAccess", "USER", riley);
        ReviewCampaign campaign = launched(account, DueDatePolicy.REVOKE);
        ReviewItemRow item = fixtures.items(campaign).get(0);

        ReviewCampaign closed = as(TestUsers.ADMIN, () -> campaigns.closeEarly(campaign.id()));
        assertThat(closed.status()).isEqualTo(CampaignStatus.CLOSED);
        closer.applyPolicy(campaign.id());
        List<ReviewItemRow> once = fixtures.items(campaign);
        closer.applyPolicy(campaign.id());
        clock.advance(PAST_DUE);
        closer.closeDue();
        assertThat(fixtures.items(campaign)).isEqualTo(once);
        assertThat(once.get(0).flag()).contains(ItemFlag.NEEDS_CONFIRMATION);

        ReviewItemRow kept = as(TestUsers.ADMIN, () -> campaigns.keepHeld(item.id()));
        assertThat(kept.status()).isEqualTo(ItemStatus.DECIDED);
        assertThat(kept.decision()).contains(Decision.KEEP);
        assertThat(kept.flag()).isEmpty();
        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> campaigns.confirmRevoke(item.id())))
                .isInstanceOf(ReviewProblem.class).hasMessage("This item is not waiting for a confirmation.");
    }

    @Test
    void a_launch_on_a_stale_sync_is_refused_unless_the_admin_launches_anyway() {
        AccountRow account = fixtures.account();
        CampaignDraft draft = fixtures.draft(campaignScope(account), List.of(ReviewerStage.manager()));
        long id = as(TestUsers.ADMIN, () -> campaigns.create(draft)).id();
        clock.advance(Duration.ofHours(25));

        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> campaigns.launch(id)))
                .isInstanceOf(ReviewProblem.class)
                .hasMessageStartingWith("The last successful directory sync finished ")
                .hasMessageEndingWith(" a launch allows: run a sync first, or launch anyway.");
        assertThat(as(TestUsers.ADMIN, () -> campaigns.campaign(id)).status()).isEqualTo(CampaignStatus.DRAFT);

        ReviewCampaign launching = as(TestUsers.ADMIN, () -> campaigns.launch(id, true));
        assertThat(launching.status()).isEqualTo(CampaignStatus.LAUNCHING);
    }

    private ReviewCampaign launched(AccountRow account, DueDatePolicy policy) {
        CampaignDraft draft = fixtures.draft(campaignScope(account), List.of(ReviewerStage.manager()));
        return fixtures.launched(new CampaignDraft(draft.name(), draft.description(), draft.scope(), draft.stages(),
                draft.fallbackReviewerId(), draft.dueAt(), policy));
    }

    private static CampaignScope campaignScope(AccountRow account) {
        return CampaignScope.accounts(Set.of(account.id()));
    }

    private ReviewItemRow item(ReviewCampaign campaign, String permissionSetName) {
        return fixtures.items(campaign).stream().filter(i -> i.access().permissionSetName().equals(permissionSetName))
                .findFirst().orElseThrow();
    }
}
