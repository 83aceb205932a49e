package dev.gatehouse.directory.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;

import jakarta.annotation.security.RolesAllowed;

import dev.gatehouse.directory.OwnedKind;
import dev.gatehouse.directory.Owners;
import dev.gatehouse.directory.Ownership;
import dev.gatehouse.security.GatehouseRole;

/**
 * Accounts and permission sets nobody owns, each saying why (no tag, a tag naming nobody, an owner who
 * left), so an admin can set one before a review needs it. A row opens the account or permission set.
 */
@Route("directory/owners")
@PageTitle("Owners · Gatehouse")
@Menu(title = "Without an owner", order = 45, icon = "vaadin:user-star")
@RolesAllowed({GatehouseRole.ADMIN_NAME, GatehouseRole.AUDITOR_NAME})
public class OwnersView extends VerticalLayout {

    static final String ACCOUNTS_ID = "accounts-without-owner";
    static final String PERMISSION_SETS_ID = "permission-sets-without-owner";

    private final Owners owners;
    private final SearchField search;
    private final H3 accountsHeading = new H3();
    private final H3 setsHeading = new H3();
    private final Grid<Ownership> accounts;
    private final Grid<Ownership> permissionSets;

    public OwnersView(Owners owners) {
        this.owners = owners;
        addClassName("gatehouse-page");
        setSizeFull();
        search = new SearchField("Search", "Name, account id or ARN", this::refresh);
        accounts = grid(OwnedKind.ACCOUNT, ACCOUNTS_ID, "Every account has an owner.");
        permissionSets = grid(OwnedKind.PERMISSION_SET, PERMISSION_SETS_ID, "Every permission set has an owner.");
        Paragraph about = new Paragraph("An owner comes from the AWS tag the sync reads, or is set on the account's "
                + "or permission set's page, which wins over the tag. Reviews ask owners about access.");
        about.addClassName("gatehouse-muted");
        add(new H2("Without an owner"), about, search, accountsHeading, accounts, setsHeading, permissionSets);
        setFlexGrow(1, accounts, permissionSets);
        headings();
    }

    private Grid<Ownership> grid(OwnedKind kind, String id, String empty) {
        Grid<Ownership> grid = new Grid<>();
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Ownership::resourceName).setHeader(kind == OwnedKind.ACCOUNT ? "Account" : "Permission set")
                .setAutoWidth(true);
        if (kind == OwnedKind.ACCOUNT) {
            grid.addColumn(Ownership::resourceId).setHeader("Id").setAutoWidth(true);
        }
        grid.addColumn(Ownership::missing).setHeader("Why there is none").setFlexGrow(1);
        grid.setEmptyStateText(empty);
        grid.setMinHeight("10rem");
        grid.setItems(query -> owners.withoutOwner(kind, search.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> owners.withoutOwnerCount(kind, search.getValue()));
        grid.addItemClickListener(click -> open(click.getItem()));
        return grid;
    }

    private void open(Ownership ownership) {
        getUI().ifPresent(ui -> {
            if (ownership.kind() == OwnedKind.ACCOUNT) {
                ui.navigate(AccountView.class, new RouteParameters(AccountView.ACCOUNT_ID, ownership.resourceId()));
            } else {
                ui.navigate(PermissionSetView.class,
                        new RouteParameters(PermissionSetView.ID, PermissionSetView.idOf(ownership.resourceId())));
            }
        });
    }

    private void refresh() {
        accounts.getDataProvider().refreshAll();
        permissionSets.getDataProvider().refreshAll();
        headings();
    }

    private void headings() {
        accountsHeading.setText("Accounts (" + owners.withoutOwnerCount(OwnedKind.ACCOUNT, search.getValue()) + ")");
        setsHeading.setText("Permission sets ("
                + owners.withoutOwnerCount(OwnedKind.PERMISSION_SET, search.getValue()) + ")");
    }
}
