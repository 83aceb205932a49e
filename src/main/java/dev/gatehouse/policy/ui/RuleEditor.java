package dev.gatehouse.policy.ui;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import dev.gatehouse.shared.DurationText;
import dev.gatehouse.policy.AccessPolicy;
import dev.gatehouse.policy.AccessRule;
import dev.gatehouse.policy.ApproverType;
import dev.gatehouse.policy.Choice;
import dev.gatehouse.policy.RequesterType;
import dev.gatehouse.policy.RuleProblem;
import dev.gatehouse.policy.ScopeType;
import dev.gatehouse.shared.Toasts;
import dev.gatehouse.ui.FormFields;

/** Creates or changes one access rule; the service checks it and names the field that is wrong. */
class RuleEditor extends Dialog {

    static final List<Duration> DURATIONS = Stream.of(15, 30, 60, 120, 240, 480, 720, 1440, 2880, 4320, 10080)
            .map(Duration::ofMinutes).toList();
    static final List<Duration> TIMEOUTS = Stream.of(15, 60, 240, 1440, 4320, 10080, 20160)
            .map(Duration::ofMinutes).toList();

    static final String SESSION_CAPPED = "Count the AWS session in the longest access: grants end early enough "
            + "that a session opened at their last moment ends within it";
    static final String MFA_TO_REQUEST = "MFA to request: the requester proves a second factor first";
    static final String MFA_TO_APPROVE = "MFA to approve: each approver proves a second factor first";
    static final String TICKET_EXAMPLE = "Example ticket";
    static final String BREAK_GLASS = "Break-glass: active at once without approval; those named below and the "
            + "admins are told, and an admin follows it up";

    private final AccessPolicy policy;
    private final Runnable onSaved;
    private final Long id;
    private final TextField name = new TextField("Name");
    private final Select<RequesterType> requesterType = new Select<>();
    private final ChoiceBox requester;
    private final Select<ScopeType> scopeType = new Select<>();
    private final ChoiceBox scope;
    private final ChoiceBox permissionSet;
    private final Select<Duration> maxDuration = new Select<>();
    private final Select<Duration> defaultDuration = new Select<>();
    private final Checkbox justificationRequired = new Checkbox("Justification required");
    private final TextField ticketPattern = new TextField("Ticket pattern (regular expression)");
    private final TextField ticketExample = new TextField(TICKET_EXAMPLE);
    private final Checkbox futureStartAllowed = new Checkbox("May start later");
    private final Checkbox emergency = new Checkbox(BREAK_GLASS);
    private final Checkbox sessionCapped = new Checkbox(SESSION_CAPPED);
    private final Checkbox mfaToRequest = new Checkbox(MFA_TO_REQUEST);
    private final Checkbox mfaToApprove = new Checkbox(MFA_TO_APPROVE);
    private final Select<ApproverType> approverType = new Select<>();
    private final ChoiceBox approver;
    private final IntegerField approvalsRequired = new IntegerField("Approvals needed");
    private final Select<Duration> pendingTimeout = new Select<>();
    private final FormFields fields;

    RuleEditor(AccessPolicy policy, AccessRule rule, Runnable onSaved) {
        this.policy = policy;
        this.onSaved = onSaved;
        this.id = rule == null ? null : rule.id();
        setHeaderTitle(rule == null ? "New access rule" : "Edit rule " + rule.name());
        requester = new ChoiceBox("Who may request", policy);
        scope = new ChoiceBox("Where", policy);
        permissionSet = new ChoiceBox("Permission set", policy, AccessPolicy.Picker.PERMISSION_SET);
        approver = new ChoiceBox("Approver", policy);
        setWidth("52rem");

        requesterType.setLabel("Requesters");
        requesterType.setItems(RequesterType.values());
        requesterType.setItemLabelGenerator(RequesterType::label);
        requesterType.addValueChangeListener(e -> {
            requester.setVisible(e.getValue() != RequesterType.EVERYONE);
            requester.listing(e.getValue() == RequesterType.GROUP ? AccessPolicy.Picker.GROUP
                    : AccessPolicy.Picker.PERSON);
        });
        scopeType.setLabel("Accounts");
        scopeType.setItems(ScopeType.values());
        scopeType.setItemLabelGenerator(ScopeType::label);
        scopeType.addValueChangeListener(e -> {
            scope.setVisible(e.getValue() != ScopeType.ORGANIZATION);
            scope.listing(e.getValue() == ScopeType.OU ? AccessPolicy.Picker.OU : AccessPolicy.Picker.ACCOUNT);
        });
        for (Select<Duration> select : List.of(maxDuration, defaultDuration)) {
            select.setItems(DURATIONS);
            select.setItemLabelGenerator(DurationText::of);
        }
        maxDuration.setLabel("Longest access");
        defaultDuration.setLabel("Default duration");
        ticketPattern.setPlaceholder("Empty: no ticket asked; e.g. [A-Z]+-[0-9]+");
        ticketExample.setPlaceholder("e.g. OPS-123");
        ticketExample.setHelperText("Matches the pattern; requesters see it instead of the pattern.");
        ticketExample.setMaxLength(40);
        ticketExample.setEnabled(false);
        ticketPattern.setValueChangeMode(ValueChangeMode.EAGER);
        ticketPattern.addValueChangeListener(e -> ticketExample.setEnabled(!e.getValue().isBlank()));
        approverType.setLabel("Approval");
        approverType.setItems(ApproverType.values());
        approverType.setItemLabelGenerator(ApproverType::label);
        approverType.addValueChangeListener(e -> {
            boolean named = e.getValue() == ApproverType.USER || e.getValue() == ApproverType.GROUP;
            approver.setVisible(named);
            approvalsRequired.setEnabled(e.getValue() == ApproverType.GROUP);
            if (e.getValue() == ApproverType.NONE) {
                approvalsRequired.setValue(0);
            } else if (e.getValue() != ApproverType.GROUP) {
                approvalsRequired.setValue(1);
            }
            approver.listing(e.getValue() == ApproverType.GROUP ? AccessPolicy.Picker.GROUP
                    : AccessPolicy.Picker.PERSON);
            showWhetherAnyoneApproves();
        });
        approvalsRequired.setMin(0);
        approvalsRequired.setMax(5);
        approvalsRequired.setStepButtonsVisible(true);
        emergency.addValueChangeListener(e -> {
            boolean breakGlass = e.getValue();
            showWhetherAnyoneApproves();
            approverType.setLabel(breakGlass ? "Who is told besides the admins" : "Approval");
            approvalsRequired.setVisible(!breakGlass);
            pendingTimeout.setVisible(!breakGlass);
            futureStartAllowed.setEnabled(!breakGlass);
            justificationRequired.setEnabled(!breakGlass);
            if (breakGlass) {
                futureStartAllowed.setValue(false);
                justificationRequired.setValue(true);
            }
        });
        pendingTimeout.setLabel("A request waits for approval at most");
        pendingTimeout.setItems(TIMEOUTS);
        pendingTimeout.setItemLabelGenerator(DurationText::of);

        fill(rule);
        FormLayout form = new FormLayout(name, permissionSet, requesterType, requester, scopeType, scope, maxDuration,
                defaultDuration, approverType, approver, approvalsRequired, pendingTimeout, ticketPattern,
                ticketExample, justificationRequired, futureStartAllowed, mfaToRequest, mfaToApprove, sessionCapped,
                emergency);
        form.setColspan(sessionCapped, 2);
        form.setColspan(emergency, 2);
        form.setColspan(name, 2);
        form.setColspan(permissionSet, 2);
        add(form);
        fields = new FormFields(Map.ofEntries(Map.entry("name", name), Map.entry("requesterId", requester),
                Map.entry("scopeId", scope), Map.entry("permissionSetArn", permissionSet),
                Map.entry("maxDuration", maxDuration), Map.entry("defaultDuration", defaultDuration),
                Map.entry("ticketPattern", ticketPattern), Map.entry("ticketExample", ticketExample),
                Map.entry("approvalsRequired", approvalsRequired),
                Map.entry("approverId", approver), Map.entry("pendingTimeout", pendingTimeout)));

        Button save = new Button("Save", e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, save);
    }

    /** Nobody approves break-glass or automatic rules, so MFA to approve has nothing to apply to. */
    private void showWhetherAnyoneApproves() {
        boolean approved = !emergency.getValue() && approverType.getValue() != ApproverType.NONE;
        mfaToApprove.setEnabled(approved);
        if (!approved) {
            mfaToApprove.setValue(false);
        }
    }

    private void fill(AccessRule rule) {
        if (rule == null) {
            requesterType.setValue(RequesterType.GROUP);
            scopeType.setValue(ScopeType.ORGANIZATION);
            maxDuration.setValue(Duration.ofHours(4));
            defaultDuration.setValue(Duration.ofHours(1));
            justificationRequired.setValue(true);
            approverType.setValue(ApproverType.MANAGER);
            pendingTimeout.setValue(Duration.ofDays(1));
            return;
        }
        name.setValue(rule.name());
        requesterType.setValue(rule.requesterType());
        requester.setValue(rule.requesterId().isEmpty() ? null : new Choice(rule.requesterId(), rule.requesterLabel()));
        scopeType.setValue(rule.scopeType());
        scope.setValue(rule.scopeId().isEmpty() ? null : new Choice(rule.scopeId(), rule.scopeLabel()));
        permissionSet.setValue(new Choice(rule.permissionSetArn(), rule.permissionSetName()));
        maxDuration.setValue(rule.maxDuration());
        defaultDuration.setValue(rule.defaultDuration());
        justificationRequired.setValue(rule.justificationRequired());
        ticketPattern.setValue(rule.ticketPattern());
        ticketExample.setValue(rule.ticketExample());
        futureStartAllowed.setValue(rule.futureStartAllowed());
        approverType.setValue(rule.approverType());
        approver.setValue(rule.approverId().isEmpty() ? null : new Choice(rule.approverId(), rule.approverLabel()));
        approvalsRequired.setValue(rule.approvalsRequired());
        pendingTimeout.setValue(rule.pendingTimeout());
        emergency.setValue(rule.emergency());
        sessionCapped.setValue(rule.sessionCapped());
        mfaToRequest.setValue(rule.mfaToRequest());
        mfaToApprove.setValue(rule.mfaToApprove());
    }

    private void save() {
        fields.clearErrors();
        AccessRule draft = new AccessRule(id, name.getValue(), requesterType.getValue(), requester.selectedId(), "",
                scopeType.getValue(), scope.selectedId(), "", permissionSet.selectedId(), "", maxDuration.getValue(),
                defaultDuration.getValue(), justificationRequired.getValue(), ticketPattern.getValue(),
                ticketExample.getValue(), futureStartAllowed.getValue(), emergency.getValue() ? 0
                : approvalsRequired.getValue() == null ? -1 : approvalsRequired.getValue(),
                approverType.getValue(), approver.selectedId(), "", emergency.getValue(), sessionCapped.getValue(),
                mfaToRequest.getValue(), mfaToApprove.getValue(), pendingTimeout.getValue(), null, "");
        try {
            AccessRule saved = policy.save(draft);
            Toasts.success("Rule \"" + saved.name() + "\" saved.");
            close();
            onSaved.run();
        } catch (RuleProblem problem) {
            fields.refuse(problem.field(), problem.getMessage());
        }
    }
}
