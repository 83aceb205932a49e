package dev.gatehouse.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import dev.gatehouse.KaribuTest;
import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.policy.Choice;
import dev.gatehouse.review.CampaignMessage;
import dev.gatehouse.review.CampaignScope;
import dev.gatehouse.review.Decision;
import dev.gatehouse.review.ItemStatus;
import dev.gatehouse.review.ReviewCampaign;
import dev.gatehouse.review.DueDatePolicy;
import dev.gatehouse.review.ReviewFixtures;
import dev.gatehouse.review.ReviewItemRow;
import dev.gatehouse.review.ReviewerStage;
import dev.gatehouse.review.internal.CampaignLaunch;
import dev.gatehouse.review.internal.ItemRepository;
import dev.gatehouse.shared.TimeText;
import dev.gatehouse.ui.AccessDeniedView;

class CampaignsViewTest extends KaribuTest {

    @Autowired
    private ReviewFixtures fixtures;
    @Autowired
    private CampaignLaunch launch;
    @Autowired
    private ItemRepository items;
    @Autowired
    private PlatformTransactionManager transactions;

    @BeforeEach
    void demoDirectory() {
        fixtures.demoDirectory();
    }

    @Test
    void an_admin_defines_a_campaign_over_one_account_launches_it_and_its_page_shows_the_snapshot_and_items() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", fixtures.userId(TestUsers.REQUESTER));
        openAs(TestUsers.ADMIN, "reviews/campaigns");
        _click(_get(Button.class, spec -> spec.withId(CampaignsView.NEW_ID)));

        _click(_get(Button.class, spec -> spec.withId("save-campaign")));
        assertThat(_get(TextField.class, spec -> spec.withId("campaign-name")).getErrorMessage())
                .isEqualTo("Give the campaign a name.");

        _setValue(_get(TextField.class, spec -> spec.withId("campaign-name")), "Payments dev, " + account.name());
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withLabel("Accounts reviewed")), CampaignDialog.CHOSEN);
        MultiSelectComboBox<Choice> accounts = _get(MultiSelectComboBox.class, spec -> spec.withLabel("Accounts"));
        _setValue(accounts, Set.of(new Choice(account.id(), account.name() + " (" + account.id() + ")")));
        ComboBox<Choice> fallback = _get(ComboBox.class, spec -> spec.withLabel("Fallback reviewer"));
        _setValue(fallback, new Choice(fixtures.userId(TestUsers.DIRECTOR), "Jordan Kim"));
        _setValue(_get(DatePicker.class), LocalDate.now(ZoneOffset.UTC).plusDays(14));
        _click(_get(Button.class, spec -> spec.withId("save-campaign")));

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).startsWith("reviews/campaigns/");
        long id = Long.parseLong(UI.getCurrent().getInternals().getActiveViewLocation().getPath()
                .substring("reviews/campaigns/".length()));
        assertThat(_get(H2.class).getText()).isEqualTo("Payments dev, " + account.name());
        assertThat(status()).startsWith("Draft, created by Morgan Reyes");
        assertThat(_find(Paragraph.class, spec -> spec.withText("Reviewers: 1. the person's manager. Fallback reviewer: "
                + "Jordan Kim."))).hasSize(1);

        _click(_get(Button.class, spec -> spec.withId(CampaignView.LAUNCH_ID)));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        launch.launch(id);

        Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            pollLikeABrowser();
            assertThat(status()).startsWith("Active, created by Morgan Reyes").contains("1 items (1 assigned directly, "
                    + "0 through groups); SHA-256 of the item list ");
        });
        Grid<?> items = _get(Grid.class, spec -> spec.withId(CampaignView.ITEMS_ID));
        assertThat(GridKt._getFormattedRow(items, 0)).containsExactly("Riley Chen", "Standing access",
                account.name() + " (" + account.id() + ")", "Developer", "Standing: assigned directly", "1 of 1: Avery Patel", "Pending", "Button[text='Reassign…']");
        assertThat(_find(Button.class, spec -> spec.withId(CampaignView.LAUNCH_ID))).isEmpty();
    }

    @Test
    void the_campaign_page_shows_a_removal_still_present_after_a_sync_and_a_person_who_left() {
        String casey = fixtures.person("Casey", fixtures.userId(TestUsers.APPROVER));
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", casey);
        ReviewCampaign campaign = fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())),
                List.of(ReviewerStage.manager())));
        ReviewItemRow item = fixtures.items(campaign).get(0);
        // Where a revoke, its removal, a later sync and the person's leaving would have put the item.
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            Instant at = Instant.now();
            items.decide(item.id(), 1, Decision.REVOKE, "", "Avery Patel", ItemStatus.APPLYING, at);
            items.applying(item.id(), ItemStatus.REMOVED, "", at);
            items.stillPresent(item.id(), 42, at);
            items.personLeft(item.id(), "left: disabled in the Identity Store", at);
        });

        openAs(TestUsers.ADMIN, "reviews/campaigns/" + campaign.id());

        Grid<?> rows = _get(Grid.class, spec -> spec.withId(CampaignView.ITEMS_ID));
        assertThat(GridKt._getFormattedRow(rows, 0)).containsExactly("Casey Tester (left: disabled in the Identity Store)",
                "Standing access", account.name() + " (" + account.id() + ")", "Developer", "Standing: assigned directly",
                "1 of 1: Avery Patel", "Revoked by Avery Patel; removed in Identity Center; still present after sync #42",
                "Span[]");
    }

    @Test
    void the_form_offers_what_happens_to_undecided_items_and_the_page_says_it() {
        AccountRow account = fixtures.account();
        openAs(TestUsers.ADMIN, "reviews/campaigns");
        _click(_get(Button.class, spec -> spec.withId(CampaignsView.NEW_ID)));
        _setValue(_get(TextField.class, spec -> spec.withId("campaign-name")), "Revoking review, " + account.name());
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withLabel("Accounts reviewed")), CampaignDialog.CHOSEN);
        _setValue(_get(MultiSelectComboBox.class, spec -> spec.withLabel("Accounts")),
                Set.of(new Choice(account.id(), account.name() + " (" + account.id() + ")")));
        _setValue(_get(ComboBox.class, spec -> spec.withLabel("Fallback reviewer")),
                new Choice(fixtures.userId(TestUsers.DIRECTOR), "Jordan Kim"));
        _setValue(_get(DatePicker.class), LocalDate.now(ZoneOffset.UTC).plusDays(14));
        _setValue(_get(Select.class, spec -> spec.withLabel("Items nobody decided by the due date")), DueDatePolicy.REVOKE);
        _click(_get(Button.class, spec -> spec.withId("save-campaign")));

        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText)
                .anyMatch(text -> text.endsWith("; items nobody decided by then: revoke them."));
    }

    @Test
    void the_form_sets_the_reminders_overdue_period_escalation_and_messages_and_refuses_what_cannot_work() {
        AccountRow account = fixtures.account();
        openAs(TestUsers.ADMIN, "reviews/campaigns");
        _click(_get(Button.class, spec -> spec.withId(CampaignsView.NEW_ID)));
        assertThat(_get(TextField.class, spec -> spec.withLabel("Reminders, in days before the due date")).getValue())
                .isEqualTo("7, 1");
        _setValue(_get(TextField.class, spec -> spec.withId("campaign-name")), "Timed review, " + account.name());
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withLabel("Accounts reviewed")), CampaignDialog.CHOSEN);
        _setValue(_get(MultiSelectComboBox.class, spec -> spec.withLabel("Accounts")),
                Set.of(new Choice(account.id(), account.name() + " (" + account.id() + ")")));
        _setValue(_get(ComboBox.class, spec -> spec.withLabel("Fallback reviewer")),
                new Choice(fixtures.userId(TestUsers.DIRECTOR), "Jordan Kim"));
        _setValue(_get(DatePicker.class), LocalDate.now(ZoneOffset.UTC).plusDays(14));
        TextField reminders = _get(TextField.class, spec -> spec.withLabel("Reminders, in days before the due date"));
        IntegerField overdue = _get(IntegerField.class,
                spec -> spec.withLabel("Overdue period, in days after the due date"));
        IntegerField escalate = _get(IntegerField.class,
                spec -> spec.withLabel("Escalate to the fallback reviewer after, in days overdue"));

        _setValue(reminders, "7, soon");
        _click(_get(Button.class, spec -> spec.withId("save-campaign")));
        assertThat(reminders.getErrorMessage()).isEqualTo("Write whole numbers of days separated by commas, such as 7, "
                + "1; \"soon\" is not one.");

        _setValue(reminders, "14, 3, 0");
        _setValue(overdue, 7);
        _setValue(escalate, 7);
        _click(_get(Button.class, spec -> spec.withId("save-campaign")));
        assertThat(escalate.isInvalid()).isTrue();
        assertThat(escalate.getErrorMessage()).startsWith("Escalation after 7 days would never happen");

        _setValue(escalate, 2);
        CheckboxGroup<CampaignMessage> messages = _get(CheckboxGroup.class, spec -> spec.withLabel("Messages"));
        _setValue(messages, Set.of(CampaignMessage.LAUNCH, CampaignMessage.REMINDER, CampaignMessage.ESCALATION));
        _click(_get(Button.class, spec -> spec.withId("save-campaign")));

        assertThat(_get(Paragraph.class, spec -> spec.withId(CampaignView.TIMING_ID)).getText()).isEqualTo("Timing: "
                + "reminders 14 days before, 3 days before, on the due day; overdue for 7 days, the policy applies "
                + TimeText.of(LocalDate.now(ZoneOffset.UTC).plusDays(21).atTime(23, 59).toInstant(ZoneOffset.UTC))
                + "; escalated to the fallback reviewer 2 days after the due date; not sent: daily reminders when "
                + "overdue; to the campaign's creator, when it closes.");
    }

    @Test
    void an_auditor_reads_campaigns_but_cannot_start_one() {
        openAs(TestUsers.AUDITOR, "reviews/campaigns");

        assertThat(_get(H2.class).getText()).isEqualTo("Review campaigns");
        assertThat(_find(Button.class, spec -> spec.withId(CampaignsView.NEW_ID))).isEmpty();
    }

    @Test
    void a_requester_is_turned_away_and_an_unknown_campaign_is_explained() {
        openAs(TestUsers.REQUESTER, "reviews/campaigns");
        assertThat(_get(H2.class).getText()).isEqualTo(AccessDeniedView.HEADING);

        openAs(TestUsers.ADMIN, "reviews/campaigns/999999");
        assertThat(_get(H2.class).getText()).isEqualTo("Campaign not found");
        openAs(TestUsers.ADMIN, "reviews/campaigns/not-a-number");
        assertThat(_get(H2.class).getText()).isEqualTo("Campaign not found");
    }

    private static String status() {
        return _get(Paragraph.class, spec -> spec.withId(CampaignView.STATUS_ID)).getText();
    }
}
