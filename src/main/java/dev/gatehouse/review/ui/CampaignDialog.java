package dev.gatehouse.review.ui;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import dev.gatehouse.policy.AccessPolicy;
import dev.gatehouse.policy.AccessPolicy.Picker;
import dev.gatehouse.policy.Choice;
import dev.gatehouse.review.CampaignDraft;
import dev.gatehouse.review.ItemKind;
import dev.gatehouse.review.CampaignMessage;
import dev.gatehouse.review.CampaignScope;
import dev.gatehouse.review.DueDatePolicy;
import dev.gatehouse.review.Recurrence;
import dev.gatehouse.review.ReviewCampaign;
import dev.gatehouse.review.ReviewCampaigns;
import dev.gatehouse.review.ReviewProblem;
import dev.gatehouse.review.ReviewTiming;
import dev.gatehouse.review.ReviewerKind;
import dev.gatehouse.review.ReviewerStage;
import dev.gatehouse.ui.FormFields;

/**
 * An admin defines a campaign: what it reviews, who reviews in which stages, the fallback reviewer, the
 * due date and what happens then to items nobody decided, when reviewers are reminded, how long it may be
 * overdue and when overdue items are escalated, which messages go out, and whether it recurs. It is saved
 * as a draft, launched from its page. "New from template" opens it filled with a template's settings.
 */
class CampaignDialog extends Dialog {

    static final String WHOLE_ORGANIZATION = "The whole organization";
    static final String CHOSEN = "These OUs (with every OU below them) and accounts";
    static final String NO_SECOND_STAGE = "No second stage";

    private final TextField name = new TextField("Name");
    private final TextArea description = new TextArea("Description");
    private final RadioButtonGroup<String> scope = new RadioButtonGroup<>("Accounts reviewed");
    private final MultiSelectComboBox<Choice> ous = new MultiSelectComboBox<>("OUs");
    private final MultiSelectComboBox<Choice> accounts = new MultiSelectComboBox<>("Accounts");
    private final MultiSelectComboBox<Choice> excludedSets = new MultiSelectComboBox<>("Never review these permission sets");
    private final MultiSelectComboBox<Choice> excludedGroups = new MultiSelectComboBox<>("Never review access through these groups");
    private final Select<ReviewerKind> firstStage = new Select<>();
    private final Select<String> secondStage = new Select<>();
    private final ComboBox<Choice> fallback = new ComboBox<>("Fallback reviewer");
    private final DatePicker due = new DatePicker("Due (end of the day, UTC)");
    private final Select<DueDatePolicy> policy = new Select<>();
    private final TextField remindDays = new TextField("Reminders, in days before the due date");
    private final IntegerField overdueDays = new IntegerField("Overdue period, in days after the due date");
    private final Checkbox overdueDaily = new Checkbox("Remind every day while overdue");
    private final Checkbox revokesAtClose = new Checkbox("Apply revokes when the campaign closes");
    private final IntegerField escalateAfter = new IntegerField("Escalate to the fallback reviewer after, in days overdue");
    private final CheckboxGroup<CampaignMessage> messages = new CheckboxGroup<>("Messages");
    private final Select<Recurrence> recurrence = new Select<>();
    private final CheckboxGroup<ItemKind> reviewed = new CheckboxGroup<>("What is reviewed");

    CampaignDialog(ReviewCampaigns campaigns, AccessPolicy choices, Consumer<ReviewCampaign> created) {
        this(campaigns, choices, created, Optional.empty());
    }

    /** Pre-filled from a template's draft: the admin checks and changes it, then saves it as any other. */
    CampaignDialog(ReviewCampaigns campaigns, AccessPolicy choices, Consumer<ReviewCampaign> created,
                   Optional<CampaignDraft> template) {
        setHeaderTitle("New review campaign");
        setWidth("44rem");
        name.setId("campaign-name");
        name.setRequired(true);
        name.setMaxLength(120);
        name.setPlaceholder("e.g. Production access, Q1");
        description.setMaxLength(2000);
        scope.setItems(WHOLE_ORGANIZATION, CHOSEN);
        scope.setValue(WHOLE_ORGANIZATION);
        listing(ous, choices, Picker.OU);
        listing(accounts, choices, Picker.ACCOUNT);
        listing(excludedSets, choices, Picker.PERMISSION_SET);
        listing(excludedGroups, choices, Picker.GROUP);
        ous.setVisible(false);
        accounts.setVisible(false);
        scope.addValueChangeListener(e -> {
            ous.setVisible(CHOSEN.equals(e.getValue()));
            accounts.setVisible(CHOSEN.equals(e.getValue()));
        });
        List<ReviewerKind> kinds = List.of(ReviewerKind.MANAGER, ReviewerKind.ACCOUNT_OWNER,
                ReviewerKind.PERMISSION_SET_OWNER);
        firstStage.setLabel("First stage: who reviews");
        firstStage.setItems(kinds);
        firstStage.setItemLabelGenerator(ReviewText::capitalised);
        firstStage.setValue(ReviewerKind.MANAGER);
        secondStage.setLabel("Second stage, after a keep");
        List<String> seconds = new ArrayList<>(List.of(NO_SECOND_STAGE));
        kinds.forEach(kind -> seconds.add(ReviewText.capitalised(kind)));
        secondStage.setItems(seconds);
        secondStage.setValue(NO_SECOND_STAGE);
        fallback.setItemLabelGenerator(Choice::label);
        fallback.setItems(query -> query.getOffset() > 0 ? Stream.empty()
                : choices.choices(Picker.PERSON, query.getFilter().orElse(""), Math.min(query.getLimit(), 50)).stream());
        fallback.setHelperText("Decides whenever a stage has nobody who may: no manager or owner, the reviewer is the "
                + "person under review, or has left.");
        due.setMin(LocalDate.now(ZoneOffset.UTC).plusDays(1));
        due.setHelperText("Reviewers see it; the campaign closes then, or after the overdue period below.");
        policy.setLabel("Items nobody decided by the due date");
        policy.setItems(DueDatePolicy.values());
        policy.setItemLabelGenerator(ReviewText::policy);
        policy.setValue(DueDatePolicy.KEEP);
        policy.setHelperText("Revoking never removes the last admin-level access of an account without an admin's "
                + "confirmation; the campaign's page previews what it would do.");

        recurrence.setLabel("Recurrence");
        recurrence.setItems(Recurrence.values());
        recurrence.setItemLabelGenerator(Recurrence::label);
        recurrence.setValue(Recurrence.ONCE);
        recurrence.setHelperText("Each occurrence is a campaign of its own, launched by Gatehouse one period after the "
                + "previous one started, as long from start to due date as the first.");

        timing(ReviewTiming.defaults());
        reviewed.setItems(ItemKind.values());
        reviewed.setItemLabelGenerator(CampaignDialog::kindLabel);
        reviewed.setValue(Set.of(ItemKind.STANDING));
        reviewed.setHelperText("Standing access is what most campaigns review. The others are reviewed in the same "
                + "scope: rules whose accounts and permission set fall in it, groups with assignments in it, "
                + "activations on its accounts.");
        reviewed.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);

        FormLayout form = new FormLayout(name, description, reviewed, scope, ous, accounts, excludedSets, excludedGroups,
                firstStage, secondStage, fallback, due, policy, revokesAtClose, recurrence, remindDays, overdueDays,
                overdueDaily, escalateAfter, messages);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);

        FormFields fields = new FormFields(Map.ofEntries(Map.entry("name", name),
                Map.entry("description", description), Map.entry("kinds", reviewed), Map.entry("scope", accounts), Map.entry("stages", secondStage),
                Map.entry("fallbackReviewer", fallback), Map.entry("dueAt", due), Map.entry("dueDatePolicy", policy),
                Map.entry("remindDaysBefore", remindDays), Map.entry("overdueDays", overdueDays),
                Map.entry("escalateAfterDays", escalateAfter), Map.entry("recurrence", recurrence)));
        template.ifPresent(draft -> fill(draft, choices, kinds));
        Button save = new Button("Save as draft", click -> {
            fields.clearErrors();
            try {
                ReviewCampaign campaign = campaigns.create(draft(kinds));
                close();
                created.accept(campaign);
            } catch (ReviewProblem problem) {
                fields.refuse(problem.field(), problem.getMessage());
            }
        });
        save.setId("save-campaign");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), save);
        name.focus();
    }

    private void fill(CampaignDraft draft, AccessPolicy choices, List<ReviewerKind> kinds) {
        name.setValue(draft.name());
        description.setValue(draft.description());
        CampaignScope chosen = draft.scope();
        scope.setValue(chosen.wholeOrganization() ? WHOLE_ORGANIZATION : CHOSEN);
        ous.setValue(chosenOf(choices, Picker.OU, chosen.ouIds()));
        accounts.setValue(chosenOf(choices, Picker.ACCOUNT, chosen.accountIds()));
        excludedSets.setValue(chosenOf(choices, Picker.PERMISSION_SET, chosen.excludedPermissionSetArns()));
        excludedGroups.setValue(chosenOf(choices, Picker.GROUP, chosen.excludedGroupIds()));
        List<ReviewerStage> stages = draft.stages();
        if (!stages.isEmpty() && kinds.contains(stages.get(0).kind())) {
            firstStage.setValue(stages.get(0).kind());
        }
        secondStage.setValue(stages.size() > 1 && kinds.contains(stages.get(1).kind())
                ? ReviewText.capitalised(stages.get(1).kind()) : NO_SECOND_STAGE);
        chosenOf(choices, Picker.PERSON, Set.of(draft.fallbackReviewerId())).stream().findFirst()
                .ifPresent(fallback::setValue);
        due.setValue(draft.dueAt().atZone(ZoneOffset.UTC).toLocalDate());
        policy.setValue(draft.dueDatePolicy());
        recurrence.setValue(draft.recurrence());
        reviewed.setValue(draft.kinds());
        timing(draft.timing());
    }

    /** The pickers' choices for stored ids; an id the directory no longer knows is left out. */
    private static Set<Choice> chosenOf(AccessPolicy choices, Picker picker, Set<String> ids) {
        return ids.stream().flatMap(id -> choices.choice(picker, id).stream()).collect(Collectors.toSet());
    }

    private void timing(ReviewTiming timing) {
        remindDays.setValue(timing.remindDaysBefore().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        remindDays.setHelperText("Separated by commas; 0 is the due day. Each reviewer with undecided items gets one "
                + "message a day at most, and none once they have decided everything.");
        overdueDays.setValue(timing.overdueDays());
        overdueDays.setMin(0);
        overdueDays.setMax(ReviewTiming.LONGEST_OVERDUE);
        overdueDays.setHelperText("Reviewers may still decide this long after the due date; then the policy above "
                + "applies. 0: at the due date, so nothing is ever overdue.");
        overdueDaily.setValue(timing.overdueDaily());
        revokesAtClose.setValue(timing.revokesAtClose());
        revokesAtClose.setTooltipText("Reviewers can change a revoke until the close; otherwise each revoke is applied "
                + "in Identity Center as soon as it is made.");
        escalateAfter.setValue(timing.escalateAfterDays());
        escalateAfter.setMin(0);
        escalateAfter.setMax(ReviewTiming.LONGEST_OVERDUE);
        escalateAfter.setHelperText("Undecided items move to the fallback reviewer then. 0: never; otherwise fewer "
                + "days than the overdue period.");
        messages.setItems(CampaignMessage.values());
        messages.setItemLabelGenerator(CampaignMessage::label);
        messages.setValue(timing.messages());
    }

    /** The reminder days as written, or a refusal naming the field. */
    private List<Integer> remindDaysBefore() {
        List<Integer> days = new ArrayList<>();
        for (String part : remindDays.getValue().split("[,;\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                days.add(Integer.parseInt(part));
            } catch (NumberFormatException notANumber) {
                throw new ReviewProblem("remindDaysBefore", "Write whole numbers of days separated by commas, such as "
                        + "7, 1; \"" + part + "\" is not one.");
            }
        }
        return days;
    }

    private CampaignDraft draft(List<ReviewerKind> kinds) {
        CampaignScope chosen = WHOLE_ORGANIZATION.equals(scope.getValue()) ? CampaignScope.organization()
                : new CampaignScope(false, ids(ous), ids(accounts), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
        List<ReviewerStage> stages = new ArrayList<>();
        if (firstStage.getValue() != null) {
            stages.add(new ReviewerStage(firstStage.getValue(), ""));
        }
        kinds.stream().filter(kind -> ReviewText.capitalised(kind).equals(secondStage.getValue())).findFirst()
                .ifPresent(kind -> stages.add(new ReviewerStage(kind, "")));
        return new CampaignDraft(name.getValue(), description.getValue(),
                chosen.excluding(ids(excludedSets), ids(excludedGroups)), stages,
                fallback.getValue() == null ? "" : fallback.getValue().id(),
                due.getValue() == null ? null : due.getValue().atTime(LocalTime.of(23, 59)).toInstant(ZoneOffset.UTC),
                policy.getValue(), new ReviewTiming(remindDaysBefore(), overdueDaily.getValue(),
                        orZero(overdueDays.getValue()), orZero(escalateAfter.getValue()), messages.getValue(),
                        revokesAtClose.getValue()),
                recurrence.getValue(), reviewed.getValue());
    }

    /** "Access rule eligibility: who may request what (keep, or revoke the rule for them)". */
    static String kindLabel(ItemKind kind) {
        return kind.label() + switch (kind) {
            case STANDING -> ": account assignments held now, directly or through a group";
            case ELIGIBILITY -> ": who may request what under an access rule (one item per person and rule)";
            case MEMBERSHIP -> ": memberships of groups that hold assignments (one item per person and group)";
            case BREAK_GLASS -> ": break-glass activations awaiting follow-up";
        };
    }

    private static int orZero(Integer days) {
        return days == null ? 0 : days;
    }

    private static Set<String> ids(MultiSelectComboBox<Choice> box) {
        return box.getValue().stream().map(Choice::id).collect(Collectors.toSet());
    }

    private static void listing(MultiSelectComboBox<Choice> box, AccessPolicy choices, Picker picker) {
        box.setItemLabelGenerator(Choice::label);
        box.setItems(query -> query.getOffset() > 0 ? Stream.empty()
                : choices.choices(picker, query.getFilter().orElse(""), Math.min(query.getLimit(), 50)).stream());
        box.setWidthFull();
    }
}
