package dev.gatehouse.access.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import dev.gatehouse.TestUsers;
import dev.gatehouse.access.AccessService;
import dev.gatehouse.access.PermissionSetChoice;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.policy.ApproverType;
import dev.gatehouse.policy.RequesterType;
import dev.gatehouse.policy.ScopeType;
import dev.gatehouse.policy.TestRules;
import dev.gatehouse.security.TestMfa;
import dev.gatehouse.security.ui.StepUpDialog;

class RequestAccessViewTest extends AccessViewTest {

    @Autowired
    private TestMfa mfa;
    @Autowired
    private AccessService access;

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

        chooseSetAndAccount(developer, 20);
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
        openAs(TestUsers.REQUESTER, "request");
        chooseSetAndAccount(developer, 21);
        assertThat(_find(Checkbox.class, spec -> spec.withLabel(RequestAccessView.BREAK_GLASS)))
                .as("no break-glass rule yet").isEmpty();

        rules.breakGlass("Emergency", rules.userId(TestUsers.REQUESTER), developer, ApproverType.MANAGER);
        openAs(TestUsers.REQUESTER, "request");
        chooseSetAndAccount(developer, 21);
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
        chooseSetAndAccount(developer, 9);
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
        openAs(TestUsers.REQUESTER, "request");
        chooseSetAndAccount(developer, 8);
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
                .noneMatch(r -> r.accountId().equals(rules.accountId(8)));

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
        chooseSetAndAccount(developer, 9);
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

    @SuppressWarnings("unchecked")
    private void chooseSetAndAccount(String permissionSetArn, int accountIndex) {
        ComboBox<PermissionSetChoice> set = _get(ComboBox.class, spec -> spec.withLabel("Permission set"));
        _setValue(set, set.getListDataView().getItems().filter(c -> c.arn().equals(permissionSetArn)).findFirst()
                .orElseThrow());
        MultiSelectComboBox<AccountRow> accounts = _get(MultiSelectComboBox.class, spec -> spec.withLabel("Accounts"));
        _setValue(accounts, Set.of(rules.account(accountIndex)));
    }
}
