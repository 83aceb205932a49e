package dev.gatehouse.policy.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import dev.gatehouse.KaribuTest;
import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.SandboxAccounts;
import dev.gatehouse.policy.AccessPolicy;
import dev.gatehouse.policy.ApproverType;
import dev.gatehouse.policy.Choice;
import dev.gatehouse.policy.RequesterType;
import dev.gatehouse.policy.ScopeType;
import dev.gatehouse.policy.TestRules;
import dev.gatehouse.ui.AccessDeniedView;

class AccessRulesViewTest extends KaribuTest {

    @Autowired
    private AccessPolicy policy;
    @Autowired
    private DirectoryLookup directory;

    @Autowired
    private TestRules rules;
    @Autowired
    private SandboxAccounts accounts;

    @BeforeEach
    void noRules() {
        rules.demoDirectoryWithoutRules();
    }

    @Test
    void an_admin_creates_a_rule_in_the_editor_and_sees_it_listed() {
        newPaymentsTeamRule("Payments read", "ReadOnlyAccess");
        @SuppressWarnings("unchecked")
        Select<ApproverType> approval = _get(Select.class, spec -> spec.withLabel("Approval"));
        _setValue(approval, ApproverType.NONE);
        _click(_get(Button.class, spec -> spec.withText("Save")));

        Grid<?> grid = _get(Grid.class);
        assertThat(_size(grid)).isEqualTo(1);
        assertThat(_getFormattedRow(grid, 0)).startsWith("Payments read", "payments-team", "ReadOnlyAccess",
                "Whole organization", "up to 4 h", "No approval: granted at once");
    }

    @Test
    void an_admin_makes_a_break_glass_rule_that_tells_the_manager() {
        openAs(TestUsers.ADMIN, "access-rules");
        _click(_get(Button.class, spec -> spec.withText("New rule")));

        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Payments emergency");
        choose("Who may request", new Choice(rules.groupId("payments-team"), "payments-team"));
        choose("Permission set", new Choice(rules.permissionSetArn("AdministratorAccess"), "AdministratorAccess"));
        _setValue(_get(Checkbox.class, spec -> spec.withLabel(RuleEditor.BREAK_GLASS)), true);
        @SuppressWarnings("unchecked")
        Select<ApproverType> told = _get(Select.class, spec -> spec.withLabel("Who is told besides the admins"));
        _setValue(told, ApproverType.MANAGER);
        _click(_get(Button.class, spec -> spec.withText("Save")));

        assertThat(_getFormattedRow(_get(Grid.class), 0)).contains(
                "Break-glass: active at once, the requester's manager told, followed up afterwards");
    }

    @Test
    void an_admin_asks_for_mfa_to_request_and_to_approve() {
        openAs(TestUsers.ADMIN, "access-rules");
        _click(_get(Button.class, spec -> spec.withText("New rule")));

        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Payments admin after MFA");
        choose("Who may request", new Choice(rules.groupId("payments-team"), "payments-team"));
        choose("Permission set", new Choice(rules.permissionSetArn("AdministratorAccess"), "AdministratorAccess"));
        _setValue(_get(Checkbox.class, spec -> spec.withLabel(RuleEditor.MFA_TO_REQUEST)), true);
        _setValue(_get(Checkbox.class, spec -> spec.withLabel(RuleEditor.MFA_TO_APPROVE)), true);
        _click(_get(Button.class, spec -> spec.withText("Save")));

        assertThat(_getFormattedRow(_get(Grid.class), 0)).contains(
                "1 approval from the requester's manager, after MFA", "to request and approve");
    }

    @Test
    void nobody_approves_break_glass_so_mfa_to_approve_is_off_for_it() {
        openAs(TestUsers.ADMIN, "access-rules");
        _click(_get(Button.class, spec -> spec.withText("New rule")));
        Checkbox toApprove = _get(Checkbox.class, spec -> spec.withLabel(RuleEditor.MFA_TO_APPROVE));
        _setValue(toApprove, true);

        _setValue(_get(Checkbox.class, spec -> spec.withLabel(RuleEditor.BREAK_GLASS)), true);

        assertThat(toApprove.getValue()).isFalse();
        assertThat(toApprove.isEnabled()).isFalse();
    }

    @Test
    void a_rule_asking_for_a_ticket_takes_the_example_requesters_see() {
        newPaymentsTeamRule("Payments read with a ticket", "ReadOnlyAccess");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Ticket pattern (regular expression)")),
                "[A-Z]+-[0-9]+");

        _click(_get(Button.class, spec -> spec.withText("Save")));
        TextField example = _get(TextField.class, spec -> spec.withLabel(RuleEditor.TICKET_EXAMPLE));
        assertThat(example.getErrorMessage()).isEqualTo("Give an example ticket of at most 40 characters, such as "
                + "OPS-123: requesters see it instead of the pattern.");
        _setValue(example, "OPS-123");
        _click(_get(Button.class, spec -> spec.withText("Save")));

        assertThat(policy.rules("", 0, 10)).singleElement()
                .satisfies(rule -> assertThat(rule.ticketExample()).isEqualTo("OPS-123"));
    }

    @Test
    void a_rule_without_a_name_is_refused_on_the_name_field() {
        openAs(TestUsers.ADMIN, "access-rules");
        _click(_get(Button.class, spec -> spec.withText("New rule")));

        _click(_get(Button.class, spec -> spec.withText("Save")));

        TextField name = _get(TextField.class, spec -> spec.withLabel("Name"));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Give the rule a name of at most 80 characters.");
    }

    @Test
    void an_auditor_reads_the_rules_and_how_they_combine_but_cannot_change_them() {
        rules.save(TestRules.draft("Everyone reads", RequesterType.EVERYONE, "", ScopeType.ORGANIZATION, "",
                rules.permissionSetArn("ReadOnlyAccess"), 0, ApproverType.NONE, ""));
        openAs(TestUsers.AUDITOR, "access-rules");

        assertThat(_size(_get(Grid.class))).isEqualTo(1);
        assertThat(_get(Paragraph.class, spec -> spec.withText(AccessPolicy.PRECEDENCE))).isNotNull();
        assertThat(_find(Button.class, spec -> spec.withText("New rule"))).isEmpty();
    }

    @Test
    void the_explainer_says_who_would_approve_and_which_rule_is_missing() {
        String developer = rules.permissionSetArn("Developer");
        String riley = rules.userId(TestUsers.REQUESTER);
        rules.save(TestRules.draft("Payments develop", RequesterType.GROUP, rules.groupId("payments-team"),
                ScopeType.ORGANIZATION, "", developer, 1, ApproverType.MANAGER, ""));
        openAs(TestUsers.AUDITOR, "access-rules");
        _click(_get(Button.class, spec -> spec.withText("Explain access")));
        choose("Person", new Choice(riley, "Riley Chen"));
        choose("Account", new Choice(accounts.fresh().id(), "account"));

        choose("Permission set", new Choice(developer, "Developer"));
        _click(_get(Button.class, spec -> spec.withText("Explain")));
        assertThat(explanation()).contains("May request. Rule \"Payments develop\" applies.")
                .contains("1 approval from the requester's manager: Avery Patel");

        choose("Permission set", new Choice(rules.permissionSetArn("BreakGlass"), "BreakGlass"));
        _click(_get(Button.class, spec -> spec.withText("Explain")));
        assertThat(explanation()).startsWith("Cannot request. No rule lets this person request");
    }

    @Test
    void a_requester_is_turned_away() {
        openAs(TestUsers.REQUESTER, "access-rules");

        assertThat(_get(H2.class).getText()).isEqualTo(AccessDeniedView.HEADING);
    }

    /** An admin opens the editor for a new rule letting the payments team request the permission set. */
    private void newPaymentsTeamRule(String name, String permissionSet) {
        openAs(TestUsers.ADMIN, "access-rules");
        _click(_get(Button.class, spec -> spec.withText("New rule")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Name")), name);
        choose("Who may request", new Choice(rules.groupId("payments-team"), "payments-team"));
        choose("Permission set", new Choice(rules.permissionSetArn(permissionSet), permissionSet));
    }

    private static String explanation() {
        return _get(Div.class, spec -> spec.withId("explanation")).getElement().getTextRecursively();
    }

    @SuppressWarnings("unchecked")
    private static void choose(String label, Choice choice) {
        _setValue(_get(ComboBox.class, spec -> spec.withLabel(label)), choice);
    }
}
