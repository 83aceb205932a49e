package dev.gatehouse.access.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;


import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import dev.gatehouse.shared.DurationText;
import dev.gatehouse.access.AccessProblem;
import dev.gatehouse.access.AccessService;
import dev.gatehouse.access.GrantService;
import dev.gatehouse.access.GrantStatus;
import dev.gatehouse.access.GrantSummary;
import dev.gatehouse.access.RequestStatus;
import dev.gatehouse.access.RequestSummary;
import dev.gatehouse.security.CurrentUser;
import dev.gatehouse.security.StepUp;
import dev.gatehouse.security.GatehouseUser;
import dev.gatehouse.shared.TimeText;
import dev.gatehouse.shared.Toasts;
import dev.gatehouse.ui.Polling;

/**
 * The home page: the person's access with the time it has left, a link into the AWS access portal,
 * and their requests (pending ones can be cancelled). It refreshes itself every 30 seconds.
 */
@Route("")
@PageTitle("My access · Gatehouse")
@Menu(title = "My access", order = 0, icon = "vaadin:home")
@PermitAll
public class MyAccessView extends VerticalLayout {

    static final String ACTIONS = "actions";
    static final String REQUESTS = "my-requests";
    static final String CANCEL_COLUMN = "cancel";
    static final String GIVE_BACK = "Give back";
    static final String CANCEL = "Cancel";
    static final String CANCEL_REQUEST = "Cancel request";
    static final String NO_GRANTS = "You have no active or upcoming access.";
    static final String SESSION_NOTE = "Giving access back removes the assignment at once; an AWS session you "
            + "already opened lasts until its session duration runs out.";

    private final AccessService access;
    private final GrantService grants;
    private final StepUp stepUp;
    private final Clock clock;
    private final String portalUrl;
    private final Grid<GrantSummary> grantGrid = new Grid<>();
    private final Grid<RequestSummary> requests = new Grid<>();
    private final Paragraph noGrants = new Paragraph(NO_GRANTS);

    public MyAccessView(AccessService access, GrantService grants, StepUp stepUp, CurrentUser currentUser,
                        Clock clock) {
        this.access = access;
        this.stepUp = stepUp;
        this.grants = grants;
        this.clock = clock;
        this.portalUrl = grants.portalUrl();
        GatehouseUser user = currentUser.require();
        addClassName("gatehouse-page");
        // Time left and grants starting or ending move on their own while the page is open.
        Polling.every(this, Duration.ofSeconds(30), this::refresh);
        setSizeFull();
        add(new H2("Welcome, " + user.displayName()));
        Paragraph roles = new Paragraph("Your roles: " + user.roleLabels());
        roles.setId("home-roles");
        Paragraph directory = new Paragraph("Identity Center user: " + user.directoryUserName());
        directory.addClassName("gatehouse-muted");
        add(roles, directory);
        access.whyNotInDirectory().ifPresent(reason -> {
            Div card = new Div(new Paragraph(reason));
            card.addClassName("gatehouse-card");
            add(card);
        });

        Button request = new Button("Request access",
                e -> getUI().ifPresent(ui -> ui.navigate(RequestAccessView.class)));
        request.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(request);

        grantGrid.addColumn(GrantSummary::accountName).setHeader("Account").setAutoWidth(true);
        grantGrid.addColumn(GrantSummary::permissionSetName).setHeader("Permission set").setAutoWidth(true);
        grantGrid.addColumn(GrantSummary::statusLabel).setHeader("Status").setAutoWidth(true);
        grantGrid.addColumn(this::timeLeft).setHeader("Time").setAutoWidth(true);
        grantGrid.addComponentColumn(this::actions).setKey(ACTIONS).setHeader("").setFlexGrow(1);
        grantGrid.setAllRowsVisible(true);
        Paragraph note = new Paragraph(SESSION_NOTE);
        note.addClassName("gatehouse-muted");
        add(new H3("Your access"), noGrants, grantGrid, note);

        requests.addColumn(r -> TimeText.of(r.createdAt())).setHeader("Requested").setAutoWidth(true);
        requests.addColumn(RequestSummary::accountName).setHeader("Account").setAutoWidth(true);
        requests.addColumn(RequestSummary::permissionSetName).setHeader("Permission set").setAutoWidth(true);
        requests.addColumn(r -> DurationText.of(r.duration())).setHeader("For").setAutoWidth(true);
        requests.addColumn(AccessText::outcome).setHeader("Status").setFlexGrow(3);
        requests.addComponentColumn(this::cancelButton).setKey(CANCEL_COLUMN).setHeader("").setAutoWidth(true);
        requests.setId(REQUESTS);
        requests.setEmptyStateText("You have not requested access yet.");
        requests.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        requests.setItems(query -> access.myRequests(query.getOffset(), query.getLimit()).stream());
        requests.setMinHeight("14rem");
        add(new H3("Your requests"), requests);
        setFlexGrow(1, requests);
        refresh();
    }

    private void refresh() {
        var current = grants.myGrants();
        grantGrid.setItems(current);
        grantGrid.setVisible(!current.isEmpty());
        noGrants.setVisible(current.isEmpty());
        requests.getDataProvider().refreshAll();
    }

    private String timeLeft(GrantSummary grant) {
        Instant now = clock.instant();
        if (grant.endingEarly()) {
            return "being removed…";
        }
        return switch (grant.status()) {
            case SCHEDULED -> "starts in " + AccessText.until(now, grant.startsAt());
            case ACTIVATING -> "being granted…";
            case ACTIVE -> "ends in " + AccessText.until(now, grant.endsAt());
            case ENDING -> "being removed…";
            default -> "";
        };
    }

    private HorizontalLayout actions(GrantSummary grant) {
        HorizontalLayout actions = new HorizontalLayout();
        if (grant.endingEarly()) {
            return actions;
        }
        if (grant.status() == GrantStatus.ACTIVE && !portalUrl.isEmpty()) {
            Anchor portal = new Anchor(portalUrl + "/#/console?account_id=" + grant.accountId() + "&role_name="
                    + grant.permissionSetName(), "Open in AWS", AnchorTarget.BLANK);
            actions.add(portal);
        }
        if (grant.status() == GrantStatus.ACTIVE) {
            Button extend = new Button("Extend", e -> new ExtendDialog(grants, stepUp, grant, this::refresh).open());
            extend.addThemeVariants(ButtonVariant.LUMO_SMALL);
            actions.add(extend);
        }
        if (grant.status() == GrantStatus.SCHEDULED || grant.status() == GrantStatus.ACTIVE) {
            Button giveBack = new Button(GIVE_BACK, e -> confirmGiveBack(grant));
            giveBack.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            actions.add(giveBack);
        }
        if (grant.status() == GrantStatus.FAILED) {
            actions.add(new Span(grant.failureReason()));
        }
        return actions;
    }

    private void confirmGiveBack(GrantSummary grant) {
        String what = grant.permissionSetName() + " on " + grant.accountName();
        confirmThen("Give back " + what + "?", "To use it again, you request it anew. " + SESSION_NOTE, GIVE_BACK,
                () -> grants.giveBack(grant.id()), "Access to " + what + " is being removed.");
    }

    private Button cancelButton(RequestSummary request) {
        Button cancel = new Button(CANCEL, e -> confirmCancel(request));
        cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        cancel.setVisible(request.status() == RequestStatus.PENDING);
        return cancel;
    }

    private void confirmCancel(RequestSummary request) {
        confirmThen("Cancel your request for " + request.permissionSetName() + " on " + request.accountName() + "?",
                "Its approvers will no longer see it; to get this access, you request it again.", CANCEL_REQUEST,
                () -> access.cancel(request.id()), "Request cancelled.");
    }

    /** Asks before something that cannot be undone; on yes does it, says how it went and shows the result. */
    private void confirmThen(String question, String consequence, String confirmText, Runnable action,
                             String done) {
        ConfirmDialog confirm = new ConfirmDialog(question, consequence, confirmText, e -> {
            try {
                action.run();
                Toasts.success(done);
            } catch (AccessProblem problem) {
                Toasts.error(problem.getMessage());
            }
            refresh();
        });
        confirm.setCancelable(true);
        confirm.setCancelText("Keep it");
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }
}
