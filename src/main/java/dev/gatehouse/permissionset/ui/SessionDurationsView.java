package dev.gatehouse.permissionset.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.IntStream;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import dev.gatehouse.permissionset.SessionChange;
import dev.gatehouse.permissionset.SessionDurationProblem;
import dev.gatehouse.permissionset.SessionDurationRow;
import dev.gatehouse.permissionset.SessionDurations;
import dev.gatehouse.security.CurrentUser;
import dev.gatehouse.security.GatehouseRole;
import dev.gatehouse.shared.DurationText;
import dev.gatehouse.shared.TimeText;
import dev.gatehouse.shared.Toasts;
import dev.gatehouse.ui.Polling;

/**
 * Each permission set's AWS session duration beside the grants the rules allow, with a warning where a
 * session outlives them; admins change the duration here and watch it being applied.
 */
@Route("permission-sets/sessions")
@PageTitle("Session durations · Gatehouse")
@Menu(title = "Session durations", order = 42, icon = "vaadin:timer")
@RolesAllowed({GatehouseRole.ADMIN_NAME, GatehouseRole.AUDITOR_NAME})
public class SessionDurationsView extends VerticalLayout {

    static final String CHANGE = "change";
    static final String EXPLANATION = "An AWS role session stays valid after its assignment is removed, for up to "
            + "the permission set's session duration. A 30-minute grant on a permission set with 12-hour sessions "
            + "can give 12 hours of access.";

    private final SessionDurations sessions;
    private final Grid<SessionDurationRow> grid = new Grid<>();
    private final Grid<SessionChange> changes = new Grid<>();
    private Optional<Instant> lastFinished = Optional.empty();

    public SessionDurationsView(SessionDurations sessions, CurrentUser currentUser) {
        this.sessions = sessions;
        boolean admin = currentUser.get().filter(user -> user.has(GatehouseRole.ADMIN)).isPresent();
        addClassName("gatehouse-page");
        setSizeFull();

        grid.setId("session-durations");
        grid.addColumn(SessionDurationRow::name).setHeader("Permission set").setAutoWidth(true);
        grid.addColumn(r -> DurationText.of(r.session())).setHeader("Session").setAutoWidth(true);
        grid.addColumn(r -> r.longestGrant().map(DurationText::of).orElse("no rule")).setHeader("Longest grant")
                .setAutoWidth(true);
        grid.addColumn(r -> r.shortestUsual().map(DurationText::of).orElse("")).setHeader("Shortest usual grant")
                .setAutoWidth(true);
        grid.addColumn(SessionDurationRow::accounts).setHeader("Accounts").setAutoWidth(true);
        grid.addColumn(r -> String.join(" ", r.warnings())).setHeader("Warning").setWidth("16rem").setFlexGrow(1)
                .setTooltipGenerator(r -> String.join(" ", r.warnings()));
        if (admin) {
            grid.addComponentColumn(this::changeButton).setKey(CHANGE).setHeader("").setAutoWidth(true);
        }
        grid.setEmptyStateText("No permission sets yet: the directory has not been synced.");

        changes.setId("session-changes");
        changes.addColumn(c -> TimeText.of(c.requestedAt())).setHeader("Asked").setAutoWidth(true);
        changes.addColumn(SessionChange::permissionSetName).setHeader("Permission set").setAutoWidth(true);
        changes.addColumn(c -> DurationText.of(c.before()) + " → " + DurationText.of(c.after()))
                .setHeader("Change").setAutoWidth(true);
        changes.addColumn(SessionChange::requestedBy).setHeader("By").setAutoWidth(true);
        changes.addColumn(c -> c.status().label()).setHeader("Status").setAutoWidth(true);
        changes.addColumn(SessionChange::detail).setHeader("Detail").setFlexGrow(1)
                .setTooltipGenerator(SessionChange::detail);
        changes.setEmptyStateText("No changes yet.");
        changes.setHeight("14rem");

        Paragraph explanation = new Paragraph(EXPLANATION + " The organization's maximum is "
                + DurationText.of(sessions.organizationMaximum()) + ". An applied change shows here and in the "
                + "directory as soon as AWS has it.");
        explanation.addClassName("gatehouse-muted");
        load();
        add(new H2("Session durations"), explanation, grid, new H3("Changes"), changes);
        setFlexGrow(1, grid);
        // Changes are applied in the background; the page follows them while it is open.
        Polling.every(this, Duration.ofSeconds(3), this::follow);
    }

    private void follow() {
        changes.getDataProvider().refreshAll();
        Optional<Instant> finished = sessions.lastFinished();
        if (!finished.equals(lastFinished)) {
            lastFinished = finished;
            grid.setItems(sessions.overview());
        }
    }

    private void load() {
        lastFinished = sessions.lastFinished();
        grid.setItems(sessions.overview());
        changes.setItems(query -> sessions.changes(query.getOffset(), query.getLimit()).stream());
    }

    private Button changeButton(SessionDurationRow row) {
        Button change = new Button("Change", e -> openChange(row));
        change.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return change;
    }

    private void openChange(SessionDurationRow row) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Session duration of " + row.name());
        Select<Duration> duration = new Select<>();
        duration.setLabel("Sessions last");
        duration.setItems(IntStream.rangeClosed(1, 12).mapToObj(Duration::ofHours).toList());
        duration.setItemLabelGenerator(DurationText::of);
        duration.setValue(row.session());
        Paragraph what = new Paragraph("Gatehouse updates the permission set in Identity Center and provisions it "
                + "to its " + row.accounts() + " accounts. Sessions opened before keep their old length.");
        dialog.add(what, duration);
        Button apply = new Button("Apply", click -> {
            try {
                sessions.change(row.permissionSetArn(), duration.getValue() == null ? "" : duration.getValue()
                        .toString());
                Toasts.success("Applying the new session duration to " + row.name() + ".");
                dialog.close();
                load();
            } catch (SessionDurationProblem problem) {
                duration.setErrorMessage(problem.getMessage());
                duration.setInvalid(true);
            }
        });
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), apply);
        dialog.open();
    }
}
