package dev.gatehouse.policy.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

import dev.gatehouse.policy.AccessPolicy;
import dev.gatehouse.policy.AccessRule;
import dev.gatehouse.policy.Eligibility;
import dev.gatehouse.shared.DurationText;

/** For a person, an account and a permission set: may they request it, under which rule, approved by whom. */
class PolicyExplainer extends Dialog {

    static final String TITLE = "Explain access";

    private final AccessPolicy policy;
    private final ChoiceBox person;
    private final ChoiceBox account;
    private final ChoiceBox permissionSet;
    private final Div answer = new Div();

    PolicyExplainer(AccessPolicy policy) {
        this.policy = policy;
        setHeaderTitle(TITLE);
        setWidth("44rem");
        person = new ChoiceBox("Person", policy, AccessPolicy.Picker.PERSON);
        account = new ChoiceBox("Account", policy, AccessPolicy.Picker.ACCOUNT);
        permissionSet = new ChoiceBox("Permission set", policy, AccessPolicy.Picker.PERMISSION_SET);
        answer.setId("explanation");
        answer.addClassName("gatehouse-card");
        Button explain = new Button("Explain", e -> explain());
        explain.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(person, account, permissionSet);
        form.setColspan(permissionSet, 2);
        add(form, answer);
        getFooter().add(new Button("Close", e -> close()), explain);
        answer.add(new Paragraph("Choose a person, an account and a permission set."));
    }

    private void explain() {
        answer.removeAll();
        if (person.getValue() == null || account.getValue() == null || permissionSet.getValue() == null) {
            answer.add(new Paragraph("Choose a person, an account and a permission set."));
            return;
        }
        Eligibility eligibility = policy.explain(person.selectedId(), account.selectedId(),
                permissionSet.selectedId());
        answer.add(new Paragraph((eligibility.allowed() ? "May request. " : "Cannot request. ")
                + eligibility.reason()));
        eligibility.rule().filter(rule -> eligibility.allowed()).ifPresent(rule -> {
            answer.add(new Paragraph(limits(rule)));
            answer.add(new Paragraph(rule.approvalSummary() + (eligibility.approvers().isEmpty() ? ""
                    : ": " + eligibility.approverList())));
        });
    }

    private static String limits(AccessRule rule) {
        return "Up to " + DurationText.of(rule.maxDuration()) + " (default " + DurationText.of(rule.defaultDuration())
                + "); justification " + (rule.justificationRequired() ? "required" : "optional")
                + (rule.ticketRequired() ? "; ticket matching " + rule.ticketPattern()
                + (rule.ticketExample().isEmpty() ? "" : " (like " + rule.ticketExample() + ")") : "")
                + (rule.futureStartAllowed() ? "; may start later" : "; starts when approved") + ".";
    }
}
