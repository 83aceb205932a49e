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
import dev.gatehouse.directory.DirectorySort;
import dev.gatehouse.directory.UserRow;
import dev.gatehouse.security.GatehouseRole;

/** Identity Store users, searchable and sortable; a row opens the person. */
@Route("directory/people")
@PageTitle("People · Gatehouse")
@Menu(title = "People", order = 30, icon = "vaadin:users")
@RolesAllowed({GatehouseRole.ADMIN_NAME, GatehouseRole.AUDITOR_NAME})
public class PeopleView extends VerticalLayout {

    private final Directory directory;
    private final SearchField search = new SearchField("Search people", "Name, user name or email", this::load);
    private final Grid<UserRow> grid = new Grid<>();

    public PeopleView(Directory directory) {
        this.directory = directory;
        addClassName("gatehouse-page");
        setSizeFull();

        grid.addColumn(UserRow::displayName).setHeader("Name").setKey(DirectorySort.NAME.name()).setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(UserRow::userName).setHeader("User name").setKey(DirectorySort.ID.name()).setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(UserRow::email).setHeader("Email").setKey(DirectorySort.EMAIL.name()).setSortable(true)
                .setFlexGrow(1);
        grid.addColumn(UserRow::managerName).setHeader("Manager").setAutoWidth(true);
        grid.addColumn(user -> user.enabled() ? "Enabled" : "Disabled").setHeader("Status").setAutoWidth(true);
        grid.setEmptyStateText("No one matches this search, or the first directory sync has not finished.");
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(PersonView.class,
                new RouteParameters(PersonView.USER_ID, e.getItem().id()))));
        grid.setSizeFull();
        load();
        add(new H2("People"), search, grid);
        setFlexGrow(1, grid);
    }

    private void load() {
        String text = search.getValue();
        grid.setItems(query -> {
            GridSort sort = GridSort.of(query);
            return directory.users(text, sort.column(), sort.descending(), query.getOffset(), query.getLimit()).stream();
        });
    }
}
