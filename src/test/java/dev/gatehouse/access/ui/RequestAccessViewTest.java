package dev.gatehouse.access.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import dev.gatehouse.TestUsers;
import dev.gatehouse.access.AccessService;
import dev.gatehouse.access.PermissionSetChoice;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.GroupRow;
import dev.gatehouse.policy.AccessRule;
import dev.gatehouse.policy.ApproverType;
import dev.gatehouse.policy.RequesterType;
import dev.gatehouse.policy.ScopeType;
import dev.gatehouse.policy.TestRules;
import dev.gatehouse.security.TestMfa;
import dev.gatehouse.security.ui.StepUpDialog;

class RequestAccessViewTest extends AccessViewTest {

    private static final String PAST_START = "The start is in the past; choose a later time or start now.";

    @Autowired
    private TestMfa mfa;
    @Autowired
    private AccessService access;
    @Autowired
    private DirectoryLookup directory;

    @BeforeEach
    void noSecondFactor() {
        mfa.clear(TestUsers.REQUESTER);
    }

    @Test
    void a_request_shows_who_approves_and_confirms_when_sent() {
        String developer = rules.permissionSetArn("Developer");
        rules.save(TestRules.draft("Manager approves", RequesterType.USER, rules.userId(TestUsers.REQUESTER),
                ScopeType.ORGANIZATION, "", developer, 1, ApproverType.MANAGER, ""));
        openAs(TestUsers.REQUESTER, "request");

        chooseSetAndAccount(developer, accounts.fresh());
        assertThat(_get(Div.class, spec -> spec.withId("request-preview")).getElement().getTextRecursively())
                .contains("1 approval from the requester's manager (Avery Patel)");
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Justification")), "Debugging a failed deployment");
        _click(_get(Button.class, spec -> spec.withText("Send request")));

        assertThat(NotificationsKt.getNotifications()).singleElement()
                .satisfies(n -> assertThat(n.getElement().getProperty("text")).isEqualTo("Request sent."));
        assertThat(_get(H2.class).getText()).startsWith("Welcome, Riley Chen");
    }

    @Test
    void break_glass_is_offered_where_a_rule_allows_it_and_activates_at_once() {
        String developer = rules.permissionSetArn("Developer");
        rules.save(TestRules.draft("Manager approves", RequesterType.USER, rules.userId(TestUsers.REQUESTER),
                ScopeType.ORGANIZATION, "", developer, 1, ApproverType.MANAGER, ""));
        AccountRow account = accounts.fresh();
        openAs(TestUsers.REQUESTER, "request");
        chooseSetAndAccount(developer, account);
        assertThat(_find(Checkbox.class, spec -> spec.withLabel(RequestAccessView.BREAK_GLASS)))
                .as("no break-glass rule yet").isEmpty();

        rules.breakGlass("Emergency", rules.userId(TestUsers.REQUESTER), developer, ApproverType.MANAGER);
        openAs(TestUsers.REQUESTER, "request");
        chooseSetAndAccount(developer, account);
        _setValue(_get(Checkbox.class, spec -> spec.withLabel(RequestAccessView.BREAK_GLASS)), true);
        assertThat(_get(Div.class, spec -> spec.withId("request-preview")).getElement().getTextRecursively())
                .contains("break-glass, active at once for at most 2 h");
        _click(_get(Button.class, spec -> spec.withText(RequestAccessView.ACTIVATE)));
        TextArea justification = _get(TextArea.class, spec -> spec.withLabel("Justification"));
        assertThat(justification.getErrorMessage()).isEqualTo("Say why you need this access (at least 10 characters).");

        _setValue(justification, "Payments are down: INC-88");
        _click(_get(Button.class, spec -> spec.withText(RequestAccessView.ACTIVATE)));

        assertThat(NotificationsKt.getNotifications()).last().satisfies(n -> assertThat(
                n.getElement().getProperty("text")).startsWith("Break-glass access is being activated"));
    }

    @Test
    void break_glass_says_who_was_emailed_and_posted_to_and_where_it_shows_in_gatehouse() {
        String developer = rules.permissionSetArn("Developer");
        rules.breakGlass("Emergency", rules.userId(TestUsers.REQUESTER), developer, ApproverType.MANAGER);
        openAs(TestUsers.REQUESTER, "request");
        chooseSetAndAccount(developer, accounts.fresh());
        _setValue(_get(Checkbox.class, spec -> spec.withLabel(RequestAccessView.BREAK_GLASS)), true);
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Justification")), "Checkout is down: INC-92");

        _click(_get(Button.class, spec -> spec.withText(RequestAccessView.ACTIVATE)));

        // The test channels are email (with one admin address), Slack and the webhook.
        assertThat(NotificationsKt.getNotifications()).last().satisfies(n -> assertThat(
                n.getElement().getProperty("text")).isEqualTo("Break-glass access is being activated. Emailed your "
                + "manager Avery Patel and 1 admin address; posted to Slack and the webhook. In Gatehouse, the "
                + "people its rule names see it under Approvals and admins under Active access, until an admin "
                + "follows it up."));
    }

    @Test
    void a_rule_asking_for_mfa_asks_for_a_code_and_then_sends_the_request() {
        String developer = rules.permissionSetArn("Developer");
        rules.save(TestRules.withMfa(TestRules.draft("Manager approves after MFA", RequesterType.USER,
                rules.userId(TestUsers.REQUESTER), ScopeType.ORGANIZATION, "", developer, 1, ApproverType.MANAGER,
                ""), true, false));
        String secret = mfa.enrolTotp(TestUsers.REQUESTER);
        AccountRow account = accounts.fresh();
        openAs(TestUsers.REQUESTER, "request");
        chooseSetAndAccount(developer, account);
        assertThat(_get(Div.class, spec -> spec.withId("request-preview")).getElement().getTextRecursively())
                .contains("You verify a second factor (MFA) before it is sent.");
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Justification")), "Debugging a failed deployment");
        _click(_get(Button.class, spec -> spec.withText("Send request")));

        StepUpDialog stepUp = _get(StepUpDialog.class);
        assertThat(stepUp.getHeaderTitle()).isEqualTo("Verify it's you");
        assertThat(_get(stepUp, Paragraph.class).getText()).startsWith("Verify a second factor to request Developer.");
        TextField code = _get(stepUp, TextField.class,
                spec -> spec.withLabel("Code from your authenticator app, or a recovery code"));
        _setValue(code, TestMfa.code(secret, Instant.now()).startsWith("0") ? "111111" : "000000");
        _click(_get(stepUp, Button.class, spec -> spec.withText("Verify")));
        assertThat(code.getErrorMessage()).isEqualTo("That code is not right.");
        assertThat(access.myRequests(0, 50)).as("nothing sent yet")
                .noneMatch(r -> r.accountId().equals(account.id()));

        _setValue(code, TestMfa.nextCode(secret));
        _click(_get(stepUp, Button.class, spec -> spec.withText("Verify")));

        assertThat(NotificationsKt.getNotifications()).extracting(n -> n.getElement().getProperty("text"))
                .contains("Verified.", "Request sent.");
        assertThat(_get(H2.class).getText()).startsWith("Welcome, Riley Chen");
    }

    @Test
    void someone_without_a_second_factor_is_sent_to_set_one_up_and_the_form_waits() {
        String developer = rules.permissionSetArn("Developer");
        rules.save(TestRules.withMfa(TestRules.draft("Manager approves after MFA", RequesterType.USER,
                rules.userId(TestUsers.REQUESTER), ScopeType.ORGANIZATION, "", developer, 1, ApproverType.MANAGER,
                ""), true, false));
        openAs(TestUsers.REQUESTER, "request");
        chooseSetAndAccount(developer, accounts.fresh());
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Justification")), "Debugging a failed deployment");
        _click(_get(Button.class, spec -> spec.withText("Send request")));

        StepUpDialog stepUp = _get(StepUpDialog.class);
        assertThat(_get(stepUp, Anchor.class).getHref()).isEqualTo("two-step");
        assertThat(_get(TextArea.class, spec -> spec.withLabel("Justification")).getValue())
                .isEqualTo("Debugging a failed deployment");
    }

    @Test
    void a_missing_account_is_shown_on_the_field() {
        String readOnly = rules.permissionSetArn("ReadOnlyAccess");
        rules.save(TestRules.draft("Open", RequesterType.USER, rules.userId(TestUsers.REQUESTER),
                ScopeType.ORGANIZATION, "", readOnly, 0, ApproverType.NONE, ""));
        openAs(TestUsers.REQUESTER, "request");
        @SuppressWarnings("unchecked")
        ComboBox<PermissionSetChoice> set = _get(ComboBox.class, spec -> spec.withLabel("Permission set"));
        _setValue(set, set.getListDataView().getItems().filter(c -> c.arn().equals(readOnly)).findFirst().orElseThrow());

        _click(_get(Button.class, spec -> spec.withText("Send request")));

        MultiSelectComboBox<?> accounts = _get(MultiSelectComboBox.class, spec -> spec.withLabel("Accounts"));
        assertThat(accounts.isInvalid()).isTrue();
        assertThat(accounts.getErrorMessage()).isEqualTo("Choose at least one account.");
    }

    @Test
    void without_a_rule_the_page_says_nothing_can_be_requested() {
        openAs(TestUsers.REQUESTER, "request");

        assertThat(_get(Paragraph.class, spec -> spec.withText(RequestAccessView.NOTHING_REQUESTABLE))).isNotNull();
    }

    @Test
    void someone_outside_the_directory_is_told_why_they_cannot_request() {
        openAs(TestUsers.STRANGER, "request");

        assertThat(_get(Paragraph.class).getText()).contains("matches no Identity Center user");
    }

    @Test
    void only_the_durations_the_rule_allows_are_offered() {
        String developer = rules.permissionSetArn("Developer");
        rules.save(rileysRule(developer, 1, ApproverType.MANAGER, ""));
        rules.breakGlass("Emergency", rules.userId(TestUsers.REQUESTER), developer, ApproverType.NONE);
        openAs(TestUsers.REQUESTER, "request");
        assertThat(duration().isEnabled()).as("no rule to go by yet").isFalse();

        chooseSetAndAccount(developer, accounts.fresh());
        assertThat(ComboBoxKt.getSuggestions(duration())).as("the rule allows up to 4 h")
                .containsExactly("15 min", "30 min", "1 h", "2 h", "4 h");
        assertThat(duration().getValue()).as("the rule's default").isEqualTo(Duration.ofHours(1));

        _setValue(_get(Checkbox.class, spec -> spec.withLabel(RequestAccessView.BREAK_GLASS)), true);
        assertThat(ComboBoxKt.getSuggestions(duration())).as("the break-glass rule allows up to 2 h")
                .containsExactly("15 min", "30 min", "1 h", "2 h");
    }

    @Test
    void a_start_in_the_past_is_refused_before_any_end_is_previewed() {
        String developer = rules.permissionSetArn("Developer");
        rules.save(rileysRule(developer, 1, ApproverType.MANAGER, ""));
        openAndChoose(developer);

        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> start = _get(RadioButtonGroup.class, spec -> spec.withLabel("Start"));
        _setValue(start, RequestAccessView.LATER);
        DateTimePicker startsAt = _get(DateTimePicker.class, spec -> spec.withLabel("Start at (UTC)"));
        _setValue(startsAt, LocalDateTime.of(2020, 3, 1, 9, 0));

        assertThat(startsAt.isInvalid()).isTrue();
        assertThat(startsAt.getErrorMessage()).isEqualTo(PAST_START);
        assertThat(preview()).isEqualTo(PAST_START).doesNotContain("2020");

        _setValue(startsAt, LocalDateTime.now(ZoneOffset.UTC).plusDays(1).withNano(0));
        assertThat(startsAt.isInvalid()).isFalse();
        assertThat(preview()).contains("access would end about");
    }

    @Test
    void with_only_a_break_glass_rule_the_preview_points_to_break_glass() {
        String developer = rules.permissionSetArn("Developer");
        rules.breakGlass("Emergency", rules.userId(TestUsers.REQUESTER), developer, ApproverType.NONE);

        openAndChoose(developer);

        assertThat(preview()).endsWith(": only break-glass access is possible here: tick \""
                + RequestAccessView.BREAK_GLASS + "\" to activate it at once, for at most 2 h.")
                .doesNotContain("No rule lets");
    }

    @Test
    void a_ticket_is_asked_for_and_refused_with_an_example_in_words() {
        String developer = rules.permissionSetArn("Developer");
        rules.save(TestRules.withTicket(rileysRule(developer, 0, ApproverType.NONE, ""), "[A-Z]+-[0-9]+", "OPS-123"));
        openAndChoose(developer);
        assertThat(preview()).contains("Ticket required, like OPS-123.").doesNotContain("[A-Z]");

        TextField ticket = _get(TextField.class, spec -> spec.withLabel("Ticket"));
        _setValue(ticket, "123");
        _click(_get(Button.class, spec -> spec.withText(RequestAccessView.SEND)));

        assertThat(ticket.getErrorMessage()).isEqualTo("Enter a ticket like OPS-123.");
    }

    @Test
    void a_large_group_of_approvers_is_named_up_to_ten_and_the_rest_counted() {
        String developer = rules.permissionSetArn("Developer");
        GroupRow engineering = directory.group(rules.groupId("engineering")).orElseThrow();
        rules.save(rileysRule(developer, 1, ApproverType.GROUP, engineering.id()));

        openAndChoose(developer);

        assertThat(preview()).contains(" and " + (engineering.members() - 1 - 10) + " more). At most 4 h");
    }

    /** A rule that lets Riley request the permission set anywhere, approved as given. */
    private AccessRule rileysRule(String permissionSetArn, int approvals, ApproverType approverType,
                                  String approverId) {
        return TestRules.draft("Riley's rule", RequesterType.USER, rules.userId(TestUsers.REQUESTER),
                ScopeType.ORGANIZATION, "", permissionSetArn, approvals, approverType, approverId);
    }

    /** Riley opens the form and chooses the permission set on an account only previews use. */
    private void openAndChoose(String permissionSetArn) {
        openAs(TestUsers.REQUESTER, "request");
        chooseSetAndAccount(permissionSetArn, accounts.fresh());
    }

    private static String preview() {
        return _get(Div.class, spec -> spec.withId("request-preview")).getElement().getTextRecursively();
    }

    @SuppressWarnings("unchecked")
    private static Select<Duration> duration() {
        return _get(Select.class, spec -> spec.withLabel("Duration"));
    }

    @SuppressWarnings("unchecked")
    private void chooseSetAndAccount(String permissionSetArn, AccountRow account) {
        ComboBox<PermissionSetChoice> set = _get(ComboBox.class, spec -> spec.withLabel("Permission set"));
        _setValue(set, set.getListDataView().getItems().filter(c -> c.arn().equals(permissionSetArn)).findFirst()
                .orElseThrow());
        MultiSelectComboBox<AccountRow> choice = _get(MultiSelectComboBox.class, spec -> spec.withLabel("Accounts"));
        _setValue(choice, Set.of(account));
    }
}
