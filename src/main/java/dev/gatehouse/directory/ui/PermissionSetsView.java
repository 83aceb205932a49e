package dev.gatehouse.directory.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;

import jakarta.annotation.security.RolesAllowed;

import dev.gatehouse.directory.Directory;
import dev.gatehouse.directory.DirectorySort;
import dev.gatehouse.directory.PermissionSetRow;
import dev.gatehouse.security.GatehouseRole;
import dev.gatehouse.shared.DurationText;

/** Permission sets with their session duration and policies; a row opens the set. */
@Route("directory/permission-sets")
@PageTitle("Permission sets · Gatehouse")
@Menu(title = "Permission sets", order = 40, icon = "vaadin:key")
@RolesAllowed({GatehouseRole.ADMIN_NAME, GatehouseRole.AUDITOR_NAME})
public class PermissionSetsView extends VerticalLayout {

    public PermissionSetsView(Directory directory) {
        addClassName("gatehouse-page");
        setSizeFull();
        DirectoryGrid<PermissionSetRow> grid = new DirectoryGrid<>("Search permission sets", "Name or description",
                directory::permissionSets);
        grid.addSortableColumn(PermissionSetRow::name, "Permission set", DirectorySort.NAME).setAutoWidth(true);
        grid.addSortableColumn(set -> DurationText.of(set.sessionDuration()), "Session", DirectorySort.SESSION)
                .setAutoWidth(true);
        grid.addPlainColumn(PermissionSetRow::policySummary, "Policies").setFlexGrow(1);
        grid.addSortableColumn(PermissionSetRow::accounts, "Accounts", DirectorySort.COUNT).setAutoWidth(true);
        grid.setEmptyStateText("No permission set matches this search, or the first directory sync has not finished.");
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(PermissionSetView.class,
                new RouteParameters(PermissionSetView.ID, PermissionSetView.idOf(e.getItem())))));
        add(new H2("Permission sets"), grid.search(), grid);
        setFlexGrow(1, grid);
    }
}
