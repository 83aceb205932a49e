package dev.gatehouse.access.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.TextRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import dev.gatehouse.shared.DurationText;
import dev.gatehouse.access.AccessProblem;
import dev.gatehouse.access.AccessService;
import dev.gatehouse.security.StepUp;
import dev.gatehouse.security.ui.StepUpDialog;
import dev.gatehouse.access.PermissionSetChoice;
import dev.gatehouse.access.RequestForm;
import dev.gatehouse.access.RequestPreview;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.shared.Toasts;
import dev.gatehouse.ui.FormFields;
import dev.gatehouse.shared.TimeText;

/**
 * The request form: a permission set, the accounts the person may request it on, for how long, from
 * when, and why. A preview says who will approve each account and when the access would end.
 */
@Route("request")
@PageTitle("Request access · Gatehouse")
@Menu(title = "Request access", order = 5, icon = "vaadin:key-o")
@PermitAll
public class RequestAccessView extends VerticalLayout {

    static final String NOTHING_REQUESTABLE = "No access rule lets you request anything yet. An admin can add "
            + "one under Access rules.";
    static final String NOW = "As soon as approved";
    static final String LATER = "Later";
    static final String BREAK_GLASS = "Break-glass: activate now without approval";
    static final String SEND = "Send request";
    static final String ACTIVATE = "Activate break-glass access";

    private static final String TICKET_PLACEHOLDER = "e.g. OPS-1234";
    private static final List<Duration> DURATIONS = Stream.of(15, 30, 60, 120, 240, 480, 720, 1440, 2880, 4320,
            10080).map(Duration::ofMinutes).toList();

    private final AccessService access;
    private final StepUp stepUp;
    private final ComboBox<PermissionSetChoice> permissionSet = new ComboBox<>("Permission set");
    private final MultiSelectComboBox<AccountRow> accounts = new MultiSelectComboBox<>("Accounts");
    private final Select<Duration> duration = new Select<>();
    private final RadioButtonGroup<String> start = new RadioButtonGroup<>("Start");
    private final DateTimePicker startsAt = new DateTimePicker("Start at (UTC)");
    private final TextArea justification = new TextArea("Justification");
    private final TextField ticket = new TextField("Ticket");
    private final Checkbox breakGlass = new Checkbox(BREAK_GLASS);
    private final Button send = new Button(SEND);
    private final Div preview = new Div();
    private final FormFields fields;
    private final Clock clock;
    /** Set while the durations on offer change, so that change does not preview again. */
    private boolean offering;
    private List<Duration> offeredDurations = List.of();

    public RequestAccessView(AccessService access, StepUp stepUp, Clock clock) {
        this.access = access;
        this.stepUp = stepUp;
        this.clock = clock;
        addClassName("gatehouse-page");
        add(new H2("Request access"));
        Optional<String> notInDirectory = access.whyNotInDirectory();
        if (notInDirectory.isPresent()) {
            add(new Paragraph(notInDirectory.get()));
            fields = new FormFields(Map.of());
            return;
        }
        List<PermissionSetChoice> choices = access.requestablePermissionSets();
        if (choices.isEmpty()) {
            add(new Paragraph(NOTHING_REQUESTABLE));
            fields = new FormFields(Map.of());
            return;
        }
        permissionSet.setItems(choices);
        permissionSet.setItemLabelGenerator(PermissionSetChoice::name);
        permissionSet.setRenderer(new TextRenderer<>(
                choice -> choice.name() + " — " + choice.description()));
        permissionSet.setRequiredIndicatorVisible(true);
        permissionSet.setHelperText("Only the permission sets a rule lets you request.");
        permissionSet.addValueChangeListener(e -> {
            accounts.clear();
            String arn = e.getValue() == null ? "" : e.getValue().arn();
            accounts.setItems(query -> access.requestableAccounts(arn, query.getFilter().orElse(""),
                    query.getOffset(), query.getLimit()).stream());
            accounts.setEnabled(e.getValue() != null);
            updatePreview();
        });

        accounts.setItemLabelGenerator(account -> account.name() + " (" + account.id() + ")");
        accounts.setRenderer(new TextRenderer<>(
                account -> account.name() + " · " + account.id() + " · " + account.ouPath()));
        accounts.setRequiredIndicatorVisible(true);
        accounts.setHelperText("Search by name, 12-digit id or OU path; one request is sent per account.");
        accounts.setEnabled(false);
        accounts.addValueChangeListener(e -> updatePreview());

        duration.setLabel("Duration");
        duration.setItemLabelGenerator(DurationText::of);
        duration.addValueChangeListener(e -> updatePreview());

        start.setItems(NOW, LATER);
        start.setValue(NOW);
        startsAt.setVisible(false);
        start.addValueChangeListener(e -> {
            startsAt.setVisible(LATER.equals(e.getValue()));
            updatePreview();
        });
        // The form checks the start itself, with the service's rules, and keeps its message on the field.
        startsAt.setManualValidation(true);
        startsAt.addValueChangeListener(e -> updatePreview());

        justification.setMaxLength(1000);
        justification.setPlaceholder("What you will do and why you need this access");
        ticket.setMaxLength(100);
        ticket.setPlaceholder(TICKET_PLACEHOLDER);

        breakGlass.setVisible(false);
        breakGlass.setTooltipText("For emergencies only: the access starts at once, the people its rule names see "
                + "it under Approvals and admins under Active access (and by message where a channel is set up), "
                + "and an admin follows it up afterwards.");
        breakGlass.addValueChangeListener(e -> {
            boolean on = e.getValue();
            if (on) {
                start.setValue(NOW);
            }
            start.setEnabled(!on);
            send.setText(on ? ACTIVATE : SEND);
            send.removeThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
            send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            if (on) {
                send.addThemeVariants(ButtonVariant.LUMO_ERROR);
            }
            justification.setRequiredIndicatorVisible(on);
            updatePreview();
        });

        FormLayout form = new FormLayout(permissionSet, accounts, duration, start, startsAt, justification, ticket,
                breakGlass);
        form.setColspan(breakGlass, 2);
        form.setColspan(accounts, 2);
        form.setColspan(justification, 2);
        preview.setId("request-preview");
        preview.addClassName("gatehouse-card");

        send.addClickListener(e -> send());
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickShortcut(Key.ENTER).listenOn(ticket);
        fields = new FormFields(Map.of("permissionSet", permissionSet, "accounts", accounts, "duration", duration,
                "startsAt", startsAt, "justification", justification, "ticket", ticket));
        add(form, preview, send);
        updatePreview();
    }

    private void updatePreview() {
        if (offering) {
            return;
        }
        preview.removeAll();
        Optional<String> startProblem = startProblem();
        startsAt.setInvalid(startProblem.isPresent());
        startProblem.ifPresent(problem -> {
            startsAt.setErrorMessage(problem);
            preview.add(new Paragraph(problem));
        });
        if (permissionSet.getValue() == null || accounts.getValue().isEmpty()) {
            breakGlass.setVisible(breakGlass.getValue());
            offerDurations(Optional.empty(), Optional.empty());
            if (startProblem.isEmpty()) {
                preview.add(new Paragraph("Choose a permission set and at least one account to see who approves."));
            }
            return;
        }
        List<AccountRow> chosen = new ArrayList<>(accounts.getValue());
        chosen.sort(Comparator.comparing(AccountRow::name));
        Map<AccountRow, RequestPreview> previews = new LinkedHashMap<>();
        chosen.forEach(account -> previews.put(account, access.preview(permissionSet.getValue().arn(), account.id())));
        boolean anyBreakGlass = previews.values().stream().anyMatch(p -> p.breakGlass().isPresent());
        breakGlass.setVisible(anyBreakGlass || breakGlass.getValue());
        // Every account's rule must allow the duration, so the shortest longest access bounds the choice.
        offerDurations(previews.values().stream().flatMap(p -> longestAccess(p).stream())
                        .min(Comparator.naturalOrder()),
                previews.values().stream().filter(RequestPreview::allowed).map(RequestPreview::defaultDuration)
                        .min(Comparator.naturalOrder()));
        ticket.setPlaceholder(previews.values().stream().map(RequestPreview::ticketExample)
                .filter(example -> !example.isEmpty()).findFirst().map(example -> "e.g. " + example)
                .orElse(TICKET_PLACEHOLDER));
        if (startProblem.isPresent()) {
            return;
        }
        Instant begins = startTime().orElse(clock.instant());
        previews.forEach((account, p) -> preview.add(new Paragraph(account.name() + ": " + previewText(p, begins))));
    }

    private String previewText(RequestPreview p, Instant begins) {
        if (breakGlass.getValue()) {
            return p.breakGlass().map(max -> "break-glass, active at once for at most " + DurationText.of(max)
                    + "; its approvers and the admins see it in Gatehouse, and by message "
                    + "where a channel is set up; an admin follows it up.")
                    .orElse("no break-glass rule covers this account.");
        }
        if (!p.allowed()) {
            return p.breakGlass().map(max -> "only break-glass access is possible here: tick \"" + BREAK_GLASS
                    + "\" to activate it at once, for at most " + DurationText.of(max) + ".").orElse(p.reason());
        }
        if (startTime().isPresent() && !p.futureStartAllowed()) {
            return "this access starts when approved; a later start is not allowed.";
        }
        String approvers = p.approvers().isEmpty() ? "" : " (" + p.approvers() + ")";
        return p.approvalSummary() + approvers + ". At most " + DurationText.of(p.maxDuration())
                + "; access would end about " + TimeText.of(begins.plus(duration.getValue())) + "."
                + (p.justificationRequired() ? " Justification required." : "")
                + (p.ticketRequired() ? " Ticket required" + (p.ticketExample().isEmpty() ? "."
                : ", like " + p.ticketExample() + ".") : "")
                + (p.mfaToRequest() ? " You verify a second factor (MFA) before it is sent." : "");
    }

    /** The longest access the chosen way of requesting allows on the account; empty when it cannot be sent. */
    private Optional<Duration> longestAccess(RequestPreview p) {
        return breakGlass.getValue() ? p.breakGlass() : p.allowed() ? Optional.of(p.maxDuration()) : Optional.empty();
    }

    /**
     * Offers the durations up to the longest the rules allow, that one included, and keeps the choice
     * when it is still allowed; with no rule to go by, none.
     */
    private void offerDurations(Optional<Duration> longest, Optional<Duration> usual) {
        List<Duration> offered = longest.map(max -> Stream.concat(DURATIONS.stream().filter(d -> d.compareTo(max) < 0),
                Stream.of(max)).toList()).orElse(List.of());
        Duration keep = duration.getValue();
        offering = true;
        try {
            if (!offered.equals(offeredDurations)) {
                duration.setItems(offered);
                offeredDurations = offered;
            }
            duration.setEnabled(!offered.isEmpty());
            duration.setHelperText(longest.map(max -> "At most " + DurationText.of(max) + " here, as the rule allows.")
                    .orElse("Choose a permission set and an account first."));
            if (offered.isEmpty()) {
                duration.clear();
            } else if (keep != null && offered.contains(keep)) {
                duration.setValue(keep);
            } else if (keep != null && keep.compareTo(longest.get()) > 0) {
                duration.setValue(longest.get());
            } else {
                duration.setValue(usual.filter(offered::contains).orElse(longest.get()));
            }
        } finally {
            offering = false;
        }
    }

    /** What is wrong with a later start, as the service would refuse it; empty when nothing is. */
    private Optional<String> startProblem() {
        if (LATER.equals(start.getValue()) && startsAt.getValue() == null) {
            return Optional.empty();
        }
        try {
            access.checkStart(startTime(), breakGlass.getValue());
            return Optional.empty();
        } catch (AccessProblem problem) {
            return Optional.of(problem.getMessage());
        }
    }

    private Optional<Instant> startTime() {
        LocalDateTime at = startsAt.getValue();
        return LATER.equals(start.getValue()) && at != null ? Optional.of(at.toInstant(ZoneOffset.UTC))
                : Optional.empty();
    }

    private void send() {
        fields.clearErrors();
        if (LATER.equals(start.getValue()) && startsAt.getValue() == null) {
            startsAt.setErrorMessage("Choose when the access starts, or start as soon as approved.");
            startsAt.setInvalid(true);
            return;
        }
        RequestForm form = new RequestForm(permissionSet.getValue() == null ? "" : permissionSet.getValue().arn(),
                accounts.getValue().stream().map(AccountRow::id).toList(), duration.getValue(), startTime(),
                justification.getValue(), ticket.getValue(), breakGlass.getValue());
        StepUpDialog.attempt(stepUp, () -> send(form));
    }

    private void send(RequestForm form) {
        try {
            String done;
            if (form.breakGlass()) {
                done = AccessText.breakGlassConfirmation(access.activateBreakGlass(form));
            } else {
                List<Long> sent = access.submit(form);
                done = sent.size() == 1 ? "Request sent." : sent.size() + " requests sent, one per account.";
            }
            Toasts.success(done);
            getUI().ifPresent(ui -> ui.navigate(MyAccessView.class));
        } catch (AccessProblem problem) {
            fields.refuse(problem.field(), problem.getMessage());
        }
    }
}
