package dev.gatehouse.security.ui;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.TextRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import dev.gatehouse.security.DirectoryPerson;
import dev.gatehouse.security.GatehouseRole;
import dev.gatehouse.security.MfaFactor;
import dev.gatehouse.security.MfaFactors;
import dev.gatehouse.security.MfaProblem;
import dev.gatehouse.security.SessionControl;
import dev.gatehouse.security.SessionRevocation;
import dev.gatehouse.shared.DurationText;
import dev.gatehouse.shared.TimeText;
import dev.gatehouse.shared.Toasts;

/** How long Gatehouse's sessions last, signing a person out everywhere, and resetting a person's second factors. */
@Route("sessions")
@PageTitle("Sessions and MFA · Gatehouse")
@Menu(title = "Sessions and MFA", order = 87, icon = "vaadin:sign-out")
@RolesAllowed(GatehouseRole.ADMIN_NAME)
public class SessionsView extends VerticalLayout {

    static final String SIGN_OUT = "Sign out everywhere";
    static final String RESET = "Reset second factors";
    static final String PERSON = "Person to sign out";

    private final SessionControl sessions;
    private final MfaFactors factors;
    private final TextField resetPerson = new TextField("Sign-in name of the person to reset");
    private final ComboBox<DirectoryPerson> person = new ComboBox<>(PERSON);
    private final Grid<SessionRevocation> latest = new Grid<>();

    public SessionsView(SessionControl sessions, MfaFactors factors) {
        this.sessions = sessions;
        this.factors = factors;
        addClassName("gatehouse-page");
        Paragraph limits = new Paragraph("A Gatehouse session ends after " + DurationText.of(sessions.idleTimeout())
                + " without use, and " + DurationText.of(sessions.absoluteLifetime()) + " after sign-in however "
                + "busy. A page that refreshes itself, such as My access, counts as use while it is open.");
        limits.addClassName("gatehouse-muted");

        person.setPlaceholder("Search by name, user name or email");
        person.setHelperText("A person of the directory; their sessions on every node end within seconds, and "
                + "they are told why when they next sign in. AWS sessions they opened are not affected.");
        person.setWidth("22rem");
        person.setItemLabelGenerator(DirectoryPerson::label);
        person.setRenderer(new TextRenderer<>(p -> p.label() + (p.email().isEmpty() ? "" : " · " + p.email())));
        // The first page holds the best matches; a longer list would not help anyone find a person.
        person.setItems(query -> query.getOffset() > 0 ? Stream.empty()
                : sessions.people(query.getFilter().orElse(""), query.getLimit()).stream());
        Button signOut = new Button(SIGN_OUT, e -> signOut());
        signOut.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(person, signOut);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);

        latest.addColumn(SessionRevocation::subject).setHeader("Person").setAutoWidth(true);
        latest.addColumn(r -> TimeText.withSeconds(r.at())).setHeader("Signed out").setAutoWidth(true);
        latest.addColumn(SessionRevocation::by).setHeader("By").setAutoWidth(true);
        latest.setEmptyStateText("Nobody was signed out everywhere yet.");
        latest.setAllRowsVisible(true);
        load();
        resetPerson.setPlaceholder("e.g. riley.chen");
        resetPerson.setHelperText("For someone who lost their phone, keys and recovery codes: removes them all and "
                + "lifts a lockout. The person is told and sets up a new factor at their next step-up.");
        resetPerson.setWidth("22rem");
        Button reset = new Button(RESET, e -> confirmReset());
        reset.addThemeVariants(ButtonVariant.LUMO_ERROR);
        reset.addClickShortcut(Key.ENTER).listenOn(resetPerson);
        HorizontalLayout resetForm = new HorizontalLayout(resetPerson, reset);
        resetForm.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2("Sessions and MFA"), limits, new H3("Sign a person out everywhere"), form, new H3("Latest"), latest,
                new H3("Reset a person's second factors"), resetForm);
    }

    private void confirmReset() {
        String who = resetPerson.getValue().strip().toLowerCase();
        try {
            List<MfaFactor> theirs = factors.of(who);
            if (theirs.isEmpty()) {
                refuse(who + " has no second factor to reset.");
                return;
            }
            ConfirmDialog confirm = new ConfirmDialog(RESET + " of " + who + "?", who + " loses "
                    + theirs.stream().map(MfaFactor::label).collect(Collectors.joining(", "))
                    + " and their recovery codes, and is told by email.", RESET, e -> reset(who));
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        } catch (MfaProblem problem) {
            refuse(problem.getMessage());
        }
    }

    private void reset(String who) {
        try {
            int removed = factors.reset(who);
            Toasts.success(who + ": " + removed + (removed == 1 ? " factor" : " factors") + " removed.");
            resetPerson.clear();
            resetPerson.setInvalid(false);
        } catch (MfaProblem problem) {
            refuse(problem.getMessage());
        }
    }

    private void refuse(String message) {
        resetPerson.setErrorMessage(message);
        resetPerson.setInvalid(true);
    }

    private void load() {
        latest.setItems(sessions.latest(50));
    }

    private void signOut() {
        try {
            DirectoryPerson signedOut = sessions.signOutEverywhere(person.getValue() == null ? ""
                    : person.getValue().userName());
            Toasts.success(signedOut.displayName() + " is signed out everywhere.");
            person.clear();
            person.setInvalid(false);
            load();
        } catch (IllegalArgumentException problem) {
            person.setErrorMessage(problem.getMessage());
            person.setInvalid(true);
        }
    }
}
