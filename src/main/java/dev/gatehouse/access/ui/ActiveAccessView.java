package dev.gatehouse.access.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import dev.gatehouse.access.GrantService;
import dev.gatehouse.access.GrantSummary;
import dev.gatehouse.security.CurrentUser;
import dev.gatehouse.security.GatehouseRole;

/** Everyone's current just-in-time access, soonest end first; admins can revoke it with a reason. */
@Route("access/active")
@PageTitle("Active access · Gatehouse")
@Menu(title = "Active access", order = 15, icon = "vaadin:clock")
@RolesAllowed({GatehouseRole.ADMIN_NAME, GatehouseRole.AUDITOR_NAME})
public class ActiveAccessView extends VerticalLayout {

    static final String REVOKE = "revoke";

    private final GrantService grants;
    private final boolean admin;
    private final TextField search = new TextField("Search");
    private final Grid<GrantSummary> grid = new Grid<>();

    public ActiveAccessView(GrantService grants, CurrentUser currentUser) {
        this.grants = grants;
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
        grid.addColumn(g -> g.status().label()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(g -> AccessText.time(g.startsAt())).setHeader("From").setAutoWidth(true);
        grid.addColumn(g -> AccessText.time(g.endsAt())).setHeader("Until").setAutoWidth(true);
        if (admin) {
            grid.addComponentColumn(this::revokeButton).setKey(REVOKE).setHeader("").setAutoWidth(true);
        }
        grid.setEmptyStateText("Nobody holds just-in-time access now.");
        grid.setSizeFull();
        load();
        Paragraph note = new Paragraph(RevokeDialog.SESSION_NOTE);
        note.addClassName("gatehouse-muted");
        add(new H2("Active access"), search, grid, note);
        setFlexGrow(1, grid);
    }

    private void load() {
        String text = search.getValue();
        grid.setItems(query -> grants.currentGrants(text, query.getOffset(), query.getLimit()).stream());
    }

    private Button revokeButton(GrantSummary grant) {
        Button revoke = new Button("Revoke", e -> new RevokeDialog(grants, grant,
                () -> grid.getDataProvider().refreshAll()).open());
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return revoke;
    }
}
