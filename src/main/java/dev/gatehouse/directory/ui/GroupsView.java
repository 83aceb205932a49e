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
import dev.gatehouse.directory.GroupRow;
import dev.gatehouse.security.GatehouseRole;

/** Identity Store groups with their member counts; a row opens the group. */
@Route("directory/groups")
@PageTitle("Groups · Gatehouse")
@Menu(title = "Groups", order = 35, icon = "vaadin:group")
@RolesAllowed({GatehouseRole.ADMIN_NAME, GatehouseRole.AUDITOR_NAME})
public class GroupsView extends VerticalLayout {

    public GroupsView(Directory directory) {
        addClassName("gatehouse-page");
        setSizeFull();
        DirectoryGrid<GroupRow> grid = new DirectoryGrid<>("Search groups", "Name or description", directory::groups);
        grid.addSortableColumn(GroupRow::displayName, "Group", DirectorySort.NAME).setAutoWidth(true);
        grid.addPlainColumn(GroupRow::description, "Description").setFlexGrow(1);
        grid.addSortableColumn(GroupRow::members, "Members", DirectorySort.COUNT).setAutoWidth(true);
        grid.setEmptyStateText("No group matches this search, or the first directory sync has not finished.");
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(GroupView.class,
                new RouteParameters(GroupView.GROUP_ID, e.getItem().id()))));
        add(new H2("Groups"), grid.search(), grid);
        setFlexGrow(1, grid);
    }
}
