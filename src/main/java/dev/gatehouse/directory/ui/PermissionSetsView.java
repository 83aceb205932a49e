package dev.gatehouse.directory.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;

import jakarta.annotation.security.RolesAllowed;

import dev.gatehouse.directory.Directory;
import dev.gatehouse.directory.PermissionSetRow;
import dev.gatehouse.security.GatehouseRole;

/** Permission sets with their session duration and policies; a row opens the set. */
@Route("directory/permission-sets")
@PageTitle("Permission sets · Gatehouse")
@Menu(title = "Permission sets", order = 40, icon = "vaadin:key")
@RolesAllowed({GatehouseRole.ADMIN_NAME, GatehouseRole.AUDITOR_NAME})
public class PermissionSetsView extends VerticalLayout {

    private final Directory directory;
    private final SearchField search = new SearchField("Search permission sets", "Name or description", this::load);
    private final Grid<PermissionSetRow> grid = new Grid<>();

    public PermissionSetsView(Directory directory) {
        this.directory = directory;
        addClassName("gatehouse-page");
        setSizeFull();
        grid.addColumn(PermissionSetRow::name).setHeader("Permission set").setAutoWidth(true);
        grid.addColumn(PermissionSetRow::sessionDuration).setHeader("Session").setAutoWidth(true);
        grid.addColumn(PermissionSetView::policySummary).setHeader("Policies").setFlexGrow(1);
        grid.addColumn(PermissionSetRow::accounts).setHeader("Accounts").setAutoWidth(true);
        grid.setEmptyStateText("No permission set matches this search, or the first directory sync has not finished.");
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(PermissionSetView.class,
                new RouteParameters(PermissionSetView.ID, PermissionSetView.idOf(e.getItem())))));
        grid.setSizeFull();
        load();
        add(new H2("Permission sets"), search, grid);
        setFlexGrow(1, grid);
    }

    private void load() {
        String text = search.getValue();
        grid.setItems(query -> directory.permissionSets(text, query.getOffset(), query.getLimit()).stream());
    }
}
