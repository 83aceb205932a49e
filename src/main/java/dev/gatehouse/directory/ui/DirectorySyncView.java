package dev.gatehouse.directory.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;

import jakarta.annotation.security.RolesAllowed;

import dev.gatehouse.directory.DirectorySort;
import dev.gatehouse.directory.DirectorySync;
import dev.gatehouse.directory.SyncCounts;
import dev.gatehouse.directory.SyncRun;
import dev.gatehouse.directory.SyncStatus;
import dev.gatehouse.security.CurrentUser;
import dev.gatehouse.security.GatehouseRole;
import dev.gatehouse.shared.DurationText;
import dev.gatehouse.shared.TimeText;
import dev.gatehouse.shared.Toasts;

/** The last sync with live progress, "Sync now" for admins, and the history of runs. */
@Route("directory/sync")
@PageTitle("Directory sync · Gatehouse")
@Menu(title = "Directory sync", order = 80, icon = "vaadin:refresh")
@RolesAllowed({GatehouseRole.ADMIN_NAME, GatehouseRole.AUDITOR_NAME})
public class DirectorySyncView extends VerticalLayout {

    static final String NEVER_SYNCED = "Gatehouse has not read Identity Center yet.";
    static final String ALREADY_RUNNING = "A sync is already running; its progress is shown here.";

    private final DirectorySync sync;
    private final Paragraph status = new Paragraph();
    private final Paragraph details = new Paragraph();
    private final DirectoryGrid<SyncRun> history;
    private Registration polling;

    public DirectorySyncView(DirectorySync sync, CurrentUser currentUser) {
        this.sync = sync;
        addClassName("gatehouse-page");
        setSizeFull();
        status.setId("sync-status");
        details.addClassName("gatehouse-muted");
        Div latest = new Div(status, details);
        latest.addClassName("gatehouse-card");
        latest.setWidthFull();

        Button syncNow = new Button("Sync now", e -> requestSync());
        syncNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        syncNow.setVisible(currentUser.get().filter(user -> user.has(GatehouseRole.ADMIN)).isPresent());

        history = new DirectoryGrid<>("Filter runs", "Result, trigger, who or error", sync::history);
        history.addSortableColumn(run -> TimeText.withSeconds(run.startedAt()), "Started", DirectorySort.STARTED)
                .setAutoWidth(true);
        history.addPlainColumn(run -> label(run.status()), "Result").setAutoWidth(true);
        history.addPlainColumn(run -> run.trigger().name().toLowerCase()
                + (run.requestedBy().isEmpty() ? "" : " by " + run.requestedBy()), "Started by").setAutoWidth(true);
        history.addPlainColumn(run -> run.duration().map(DurationText::elapsed).orElse(""), "Took")
                .setAutoWidth(true);
        history.addPlainColumn(run -> summary(run.counts()), "Read").setFlexGrow(1);
        history.addPlainColumn(run -> run.status() == SyncStatus.FAILED ? run.error()
                : "+" + run.added() + " ~" + run.changed() + " -" + run.removed(), "Changes or error").setFlexGrow(1);
        history.setEmptyStateText("No sync matches.");

        add(new H2("Directory sync"), latest, syncNow, history.search(), history);
        setFlexGrow(1, history);
        refresh();
    }

    private void requestSync() {
        if (sync.syncNow()) {
            Toasts.success("Sync requested. It starts within seconds; progress appears here.");
        } else {
            Toasts.notice(ALREADY_RUNNING);
        }
        getUI().ifPresent(ui -> ui.setPollInterval(1000));
        refresh();
    }

    private void refresh() {
        var latest = sync.latest();
        if (latest.isEmpty()) {
            status.setText(NEVER_SYNCED);
            details.setText("The first sync starts with Gatehouse; an admin can also start one now.");
        } else {
            SyncRun run = latest.get();
            status.setText(switch (run.status()) {
                case RUNNING -> "Syncing: " + run.phase() + "…";
                case SUCCEEDED -> "Last sync succeeded at "
                        + TimeText.withSeconds(run.finishedAt().orElse(run.startedAt()));
                case FAILED -> "Last sync failed: " + run.error();
            });
            details.setText(summary(run.counts()) + (run.apiCalls().isEmpty() ? "" : ". API calls: " + run.apiCalls()));
            getUI().ifPresent(ui -> ui.setPollInterval(run.status() == SyncStatus.RUNNING ? 1000 : -1));
        }
        history.getDataProvider().refreshAll();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        polling = event.getUI().addPollListener(poll -> refresh());
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        polling.remove();
        event.getUI().setPollInterval(-1);
        super.onDetach(event);
    }

    static String summary(SyncCounts counts) {
        return counts.accounts() + " accounts in " + counts.units() + " OUs, " + counts.users() + " users, "
                + counts.groups() + " groups, " + counts.memberships() + " memberships, " + counts.permissionSets()
                + " permission sets, " + counts.assignments() + " assignments";
    }

    private static String label(SyncStatus status) {
        return switch (status) {
            case RUNNING -> "Running";
            case SUCCEEDED -> "Succeeded";
            case FAILED -> "Failed";
        };
    }
}
