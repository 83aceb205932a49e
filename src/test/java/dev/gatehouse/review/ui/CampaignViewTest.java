package dev.gatehouse.review.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;

import dev.gatehouse.KaribuTest;
import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.policy.Choice;
import dev.gatehouse.review.CampaignDraft;
import dev.gatehouse.review.CampaignMessage;
import dev.gatehouse.review.CampaignScope;
import dev.gatehouse.review.DueDatePolicy;
import dev.gatehouse.review.ReviewCampaign;
import dev.gatehouse.review.ReviewCampaigns;
import dev.gatehouse.review.ReviewFixtures;
import dev.gatehouse.review.ReviewTiming;
import dev.gatehouse.review.ReviewerStage;
import dev.gatehouse.review.internal.CampaignCloser;
import dev.gatehouse.shared.TimeText;

class CampaignViewTest extends KaribuTest {

    @Autowired
    private ReviewFixtures fixtures;
    @Autowired
    private ReviewCampaigns campaigns;
    @Autowired
    private CampaignCloser closer;

    @BeforeEach
    void demoDirectory() {
        fixtures.demoDirectory();
    }

    @Test
    void an_admin_sees_the_progress_and_the_preview_and_closes_the_campaign_after_confirming() {
        ReviewCampaign campaign = launched("Developer", fixtures.userId(TestUsers.REQUESTER), DueDatePolicy.KEEP_AND_FLAG);
        open(campaign);

        assertThat(text(CampaignView.PROGRESS_ID)).isEqualTo("Overall: 1 pending, 0 decided, 0 being removed, 0 removed, "
                + "0 failed, 0 waiting for the identity provider.");
        assertThat(text(CampaignView.PREVIEW_ID))
                .isEqualTo("If it closed now: Would keep 1 item nobody decided, flagged as undecided.");
        _click(_get(Button.class, spec -> spec.withText("Close now…")));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getText(confirm)).endsWith("Would keep 1 item nobody decided, flagged as undecided.");
        ConfirmDialogKt._fireConfirm(confirm);
        closer.applyPolicy(campaign.id());
        open(campaign);

        assertThat(text(CampaignView.STATUS_ID)).startsWith("Closed, created by Morgan Reyes");
        assertThat(GridKt._getFormattedRow(items(), 0)).contains("Kept by Gatehouse; undecided at the due date");
        assertThat(_find(Button.class, spec -> spec.withText("Close now…"))).isEmpty();
    }

    @Test
    void an_admin_extends_the_due_date_in_a_date_dialog() {
        ReviewCampaign campaign = launched("Developer", fixtures.userId(TestUsers.REQUESTER), DueDatePolicy.KEEP);
        open(campaign);
        LocalDate later = campaign.dueAt().atZone(ZoneOffset.UTC).toLocalDate().plusDays(7);

        _click(_get(Button.class, spec -> spec.withText("Extend due date…")));
        _setValue(_get(DatePicker.class, spec -> spec.withLabel("New due date (end of the day, UTC)")), later);
        _click(_get(Button.class, spec -> spec.withText("Extend")));

        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText).anyMatch(text -> text.startsWith("Due "
                + TimeText.of(later.atTime(LocalTime.of(23, 59)).toInstant(ZoneOffset.UTC)) + "; items nobody decided"));
    }

    @Test
    void an_admin_cancels_the_campaign_after_confirming() {
        ReviewCampaign campaign = launched("Developer", fixtures.userId(TestUsers.REQUESTER), DueDatePolicy.REVOKE);
        open(campaign);

        _click(_get(Button.class, spec -> spec.withText("Cancel campaign…")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(text(CampaignView.STATUS_ID)).startsWith("Cancelled, created by Morgan Reyes");
        assertThat(GridKt._getFormattedRow(items(), 0)).contains("Pending");
        assertThat(_find(Button.class, spec -> spec.withText("Cancel campaign…"))).isEmpty();
    }

    @Test
    void an_admin_reassigns_an_item_nobody_reviews_to_a_person_picked_by_name() {
        AccountRow account = fixtures.account();
        String pat = fixtures.person("Pat", "self");
        fixtures.standing(account, "Developer", "USER", pat);
        CampaignDraft draft = fixtures.draft(CampaignScope.accounts(Set.of(account.id())), List.of(ReviewerStage.manager()));
        ReviewCampaign campaign = fixtures.launched(new CampaignDraft(draft.name(), draft.description(), draft.scope(),
                draft.stages(), pat, draft.dueAt(), DueDatePolicy.KEEP));
        open(campaign);
        assertThat(GridKt._getFormattedRow(items(), 0)).contains("1 of 1: nobody");

        _click(_get(_getCellComponent(items(), 0, CampaignView.REASSIGN), Button.class));
        _setValue(_get(ComboBox.class, spec -> spec.withLabel("New reviewer")),
                new Choice(fixtures.userId(TestUsers.DIRECTOR), "Jordan Kim"));
        _click(_get(Button.class, spec -> spec.withText("Reassign")));

        assertThat(GridKt._getFormattedRow(items(), 0)).contains("1 of 1: Jordan Kim");
    }

    @Test
    void an_admin_keeps_the_last_admin_access_the_policy_held_for_confirmation() {
        ReviewCampaign campaign = launched("AdministratorAccess", fixtures.userId(TestUsers.REQUESTER),
                DueDatePolicy.REVOKE);
        as(TestUsers.ADMIN, () -> campaigns.closeEarly(campaign.id()));
        closer.applyPolicy(campaign.id());
        open(campaign);
        Grid<?> held = _get(Grid.class, spec -> spec.withId(CampaignView.HELD_ID));
        assertThat(GridKt._getFormattedRow(held, 0)).startsWith("Riley Chen");

        _click(_get(_getCellComponent(held, 0, CampaignView.DECIDE), Button.class, spec -> spec.withText("Keep")));

        assertThat(_find(Grid.class, spec -> spec.withId(CampaignView.HELD_ID))).isEmpty();
        assertThat(GridKt._getFormattedRow(items(), 0)).contains("Kept by Morgan Reyes");
    }

    @Test
    void an_admin_reminds_the_reviewers_now_and_again_hears_they_were_reminded_today_already() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", fixtures.userId(TestUsers.REQUESTER));
        CampaignDraft draft = fixtures.draft(CampaignScope.accounts(Set.of(account.id())), List.of(ReviewerStage.manager()));
        ReviewCampaign campaign = fixtures.launched(new CampaignDraft(draft.name(), draft.description(), draft.scope(),
                draft.stages(), draft.fallbackReviewerId(), draft.dueAt(), DueDatePolicy.KEEP, new ReviewTiming(
                List.of(7, 1), true, 0, 3, EnumSet.complementOf(EnumSet.of(CampaignMessage.LAUNCH)))));
        open(campaign);
        assertThat(text(CampaignView.TIMING_ID)).isEqualTo("Timing: reminders 7 days before, 1 day before; the policy "
                + "applies at the due date; not sent: at launch, to each reviewer.");

        _click(_get(Button.class, spec -> spec.withId(CampaignView.REMIND_ID)));
        assertThat(lastToast()).isEqualTo("Reminded 1 reviewer.");
        _click(_get(Button.class, spec -> spec.withId(CampaignView.REMIND_ID)));
        assertThat(lastToast()).isEqualTo("Reminded 0 reviewers; 1 was reminded today already.");
    }

    @Test
    void an_auditor_sees_the_progress_but_no_admin_buttons() {
        ReviewCampaign campaign = launched("Developer", fixtures.userId(TestUsers.REQUESTER), DueDatePolicy.KEEP);
        openAs(TestUsers.AUDITOR, "reviews/campaigns/" + campaign.id());

        assertThat(text(CampaignView.PROGRESS_ID)).startsWith("Overall: 1 pending");
        assertThat(_find(Button.class, spec -> spec.withText("Close now…"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText("Extend due date…"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText("Cancel campaign…"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId(CampaignView.REMIND_ID))).isEmpty();
    }

    private static String lastToast() {
        return NotificationsKt.getNotifications().get(NotificationsKt.getNotifications().size() - 1).getElement()
                .getProperty("text");
    }

    private ReviewCampaign launched(String permissionSetName, String userId, DueDatePolicy policy) {
        AccountRow account = fixtures.account();
        fixtures.standing(account, permissionSetName, "USER", userId);
        CampaignDraft draft = fixtures.draft(CampaignScope.accounts(Set.of(account.id())), List.of(ReviewerStage.manager()));
        return fixtures.launched(new CampaignDraft(draft.name(), draft.description(), draft.scope(), draft.stages(),
                draft.fallbackReviewerId(), draft.dueAt(), policy));
    }

    private void open(ReviewCampaign campaign) {
        openAs(TestUsers.ADMIN, "reviews/campaigns/" + campaign.id());
    }

    private static Grid<?> items() {
        return _get(Grid.class, spec -> spec.withId(CampaignView.ITEMS_ID));
    }

    private static String text(String id) {
        return _get(Paragraph.class, spec -> spec.withId(id)).getText();
    }
}
