package dev.gatehouse.access.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import dev.gatehouse.access.BreakGlassFollowUps;
import dev.gatehouse.access.GrantService;
import dev.gatehouse.access.GrantSummary;
import dev.gatehouse.access.RequestSummary;
import dev.gatehouse.security.CurrentUser;
import dev.gatehouse.security.GatehouseRole;
import dev.gatehouse.shared.TimeText;
import dev.gatehouse.ui.MainLayout;

/**
 * Everyone's current just-in-time access, soonest end first; admins can revoke it with a reason. Above
 * it, break-glass activations waiting for an admin to follow them up.
 */
@Route("access/active")
@PageTitle("Active access · Gatehouse")
@Menu(title = "Active access", order = 15, icon = "vaadin:clock")
@RolesAllowed({GatehouseRole.ADMIN_NAME, GatehouseRole.AUDITOR_NAME})
public class ActiveAccessView extends VerticalLayout {

    static final String REVOKE = "revoke";
    static final String FOLLOW_UP = "follow-up";
    static final String NO_FOLLOW_UPS = "No break-glass access waits to be followed up.";

    private final GrantService grants;
    private final BreakGlassFollowUps breakGlass;
    private final Grid<RequestSummary> followUps = new Grid<>();
    private final boolean admin;
    private final TextField search = new TextField("Search");
    private final Grid<GrantSummary> grid = new Grid<>();

    public ActiveAccessView(GrantService grants, BreakGlassFollowUps breakGlass, CurrentUser currentUser) {
        this.grants = grants;
        this.breakGlass = breakGlass;
        this.admin = currentUser.get().filter(user -> user.has(GatehouseRole.ADMIN)).isPresent();
        addClassName("gatehouse-page");
        setSizeFull();
        search.setPlaceholder("Person, account or permission set");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setWidth("24rem");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> load());

        grid.addColumn(GrantSummary::holderName).setHeader("Person").setAutoWidth(true);
        grid.addColumn(g -> g.accountName() + " (" + g.accountId() + ")").setHeader("Account").setAutoWidth(true);
        grid.addColumn(GrantSummary::permissionSetName).setHeader("Permission set").setAutoWidth(true);
        grid.addColumn(GrantSummary::statusLabel).setHeader("Status").setAutoWidth(true);
        grid.addColumn(g -> TimeText.of(g.startsAt())).setHeader("From").setAutoWidth(true);
        grid.addColumn(g -> TimeText.of(g.endsAt())).setHeader("Until").setAutoWidth(true);
        if (admin) {
            grid.addComponentColumn(this::revokeButton).setKey(REVOKE).setHeader("").setAutoWidth(true);
        }
        grid.setId("current-access");
        grid.setEmptyStateText("Nobody holds just-in-time access now.");
        grid.setSizeFull();
        load();
        Paragraph note = new Paragraph(RevokeDialog.SESSION_NOTE);
        note.addClassName("gatehouse-muted");
        followUps.addColumn(r -> TimeText.of(r.createdAt())).setHeader("Activated").setAutoWidth(true);
        followUps.addColumn(RequestSummary::requesterName).setHeader("Person").setAutoWidth(true);
        followUps.addColumn(r -> r.accountName() + " (" + r.accountId() + ")").setHeader("Account").setAutoWidth(true);
        followUps.addColumn(RequestSummary::permissionSetName).setHeader("Permission set").setAutoWidth(true);
        followUps.addColumn(RequestSummary::justification).setHeader("Justification").setWidth("18rem")
                .setFlexGrow(1).setTooltipGenerator(RequestSummary::justification);
        followUps.addColumn(r -> r.grant().map(GrantSummary::statusLabel).orElse("")).setHeader("Access")
                .setAutoWidth(true);
        if (admin) {
            followUps.addComponentColumn(this::followUpButton).setKey(FOLLOW_UP).setHeader("").setAutoWidth(true);
        }
        followUps.setId("break-glass-follow-ups");
        followUps.setEmptyStateText(NO_FOLLOW_UPS);
        followUps.setAllRowsVisible(true);
        followUps.setItems(query -> breakGlass.waiting(query.getOffset(), query.getLimit()).stream());

        add(new H2("Active access"), new H3("Break-glass to follow up"), followUps, new H3("Current access"), search,
                grid, note);
        setFlexGrow(1, grid);
    }

    private Button followUpButton(RequestSummary request) {
        Button followUp = new Button("Follow up", e -> new FollowUpDialog(breakGlass, request, () -> {
            followUps.getDataProvider().refreshAll();
            MainLayout.countsChanged(this);
        }).open());
        followUp.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return followUp;
    }

    private void load() {
        String text = search.getValue();
        grid.setItems(query -> grants.currentGrants(text, query.getOffset(), query.getLimit()).stream());
    }

    private Button revokeButton(GrantSummary grant) {
        Button revoke = new Button("Revoke", e -> new RevokeDialog(grants, grant,
                () -> grid.getDataProvider().refreshAll()).open());
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        revoke.setVisible(!grant.endingEarly());
        return revoke;
    }
}
