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
import dev.gatehouse.directory.GroupRow;
import dev.gatehouse.security.GatehouseRole;

/** Identity Store groups with their member counts; a row opens the group. */
@Route("directory/groups")
@PageTitle("Groups · Gatehouse")
@Menu(title = "Groups", order = 35, icon = "vaadin:group")
@RolesAllowed({GatehouseRole.ADMIN_NAME, GatehouseRole.AUDITOR_NAME})
public class GroupsView extends VerticalLayout {

    private final Directory directory;
    private final SearchField search = new SearchField("Search groups", "Name or description", this::load);
    private final Grid<GroupRow> grid = new Grid<>();

    public GroupsView(Directory directory) {
        this.directory = directory;
        addClassName("gatehouse-page");
        setSizeFull();
        grid.addColumn(GroupRow::displayName).setHeader("Group").setAutoWidth(true);
        grid.addColumn(GroupRow::description).setHeader("Description").setFlexGrow(1);
        grid.addColumn(GroupRow::members).setHeader("Members").setAutoWidth(true);
        grid.setEmptyStateText("No group matches this search, or the first directory sync has not finished.");
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(GroupView.class,
                new RouteParameters(GroupView.GROUP_ID, e.getItem().id()))));
        grid.setSizeFull();
        load();
        add(new H2("Groups"), search, grid);
        setFlexGrow(1, grid);
    }

    private void load() {
        String text = search.getValue();
        grid.setItems(query -> directory.groups(text, query.getOffset(), query.getLimit()).stream());
    }
}
