package dev.gatehouse.directory.ui;

import java.time.Duration;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

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
import dev.gatehouse.ui.Polling;

/**
 * The last sync with live progress (phase and counts, read from the run the sync job records, so a sync
 * started on another node or at start-up shows too), "Sync now" for admins, and the history of runs.
 */
@Route("directory/sync")
@PageTitle("Directory sync · Gatehouse")
@Menu(title = "Directory sync", order = 80, icon = "vaadin:refresh")
@RolesAllowed({GatehouseRole.ADMIN_NAME, GatehouseRole.AUDITOR_NAME})
public class DirectorySyncView extends VerticalLayout {

    static final String NEVER_SYNCED = "Gatehouse has not read Identity Center yet.";
    static final String ALREADY_RUNNING = "A sync is already running; its progress is shown here.";
    static final String REQUESTED = "Sync requested. It starts within seconds; its phase and counts show here as "
            + "it runs.";
    /** How often the page reads the run while one runs or is about to, and otherwise to notice one starting. */
    static final Duration WHILE_RUNNING = Duration.ofSeconds(1);
    static final Duration WHILE_IDLE = Duration.ofSeconds(5);

    private final DirectorySync sync;
    private final Paragraph status = new Paragraph();
    private final Paragraph details = new Paragraph();
    private final DirectoryGrid<SyncRun> history;
    private final Polling polling;
    /** The newest run when this page asked for a sync, until a newer one starts; null when not waiting. */
    private Long requestedAfter;
    private Optional<SyncRun> shown = Optional.empty();

    public DirectorySyncView(DirectorySync sync, CurrentUser currentUser) {
        this.sync = sync;
        addClassName("gatehouse-page");
        setSizeFull();
        status.setId("sync-status");
        details.setId("sync-details");
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
        polling = Polling.every(this, WHILE_IDLE, this::refresh);
        refresh();
    }

    private void requestSync() {
        if (sync.syncNow()) {
            requestedAfter = sync.latest().map(SyncRun::id).orElse(0L);
            Toasts.success(REQUESTED);
        } else {
            Toasts.notice(ALREADY_RUNNING);
        }
        refresh();
    }

    /** Reads the latest run as the sync job records it, from whichever node runs it. */
    private void refresh() {
        Optional<SyncRun> latest = sync.latest();
        if (requestedAfter != null && latest.filter(run -> run.id() > requestedAfter).isPresent()) {
            requestedAfter = null;
        }
        boolean running = latest.filter(run -> run.status() == SyncStatus.RUNNING).isPresent();
        polling.every(running || requestedAfter != null ? WHILE_RUNNING : WHILE_IDLE);
        if (!running && requestedAfter != null) {
            status.setText("Sync requested; waiting for a node to start it.");
            details.setText(latest.map(run -> "Before it: " + outcome(run)).orElse(""));
        } else if (latest.isEmpty()) {
            status.setText(NEVER_SYNCED);
            details.setText("The first sync starts with Gatehouse; an admin can also start one now.");
        } else {
            SyncRun run = latest.get();
            status.setText(switch (run.status()) {
                case RUNNING -> "Syncing since " + TimeText.withSeconds(run.startedAt()) + ": "
                        + (run.phase().isEmpty() ? "starting" : run.phase()) + "…";
                case SUCCEEDED -> "Last sync succeeded at "
                        + TimeText.withSeconds(run.finishedAt().orElse(run.startedAt()));
                case FAILED -> "Last sync failed: " + run.error();
            });
            details.setText(run.status() == SyncStatus.RUNNING ? "Read so far: " + summary(run.counts()) + "."
                    : outcome(run));
        }
        if (!latest.equals(shown)) {
            shown = latest;
            history.getDataProvider().refreshAll();
        }
    }

    /** "Took 2.1 s. 40 accounts in 15 OUs, …; 3 added, 1 changed, 0 removed. API calls: …" */
    private static String outcome(SyncRun run) {
        String took = run.duration().map(d -> "Took " + DurationText.elapsed(d) + ". ").orElse("");
        String changes = run.status() == SyncStatus.SUCCEEDED ? "; " + run.added() + " added, " + run.changed()
                + " changed, " + run.removed() + " removed" : "";
        return took + summary(run.counts()) + changes + (run.apiCalls().isEmpty() ? "" : ". API calls: "
                + run.apiCalls());
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
