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
import dev.gatehouse.directory.UserRow;
import dev.gatehouse.security.GatehouseRole;

/** Identity Store users, searchable and sortable; a row opens the person. */
@Route("directory/people")
@PageTitle("People · Gatehouse")
@Menu(title = "People", order = 30, icon = "vaadin:users")
@RolesAllowed({GatehouseRole.ADMIN_NAME, GatehouseRole.AUDITOR_NAME})
public class PeopleView extends VerticalLayout {

    public PeopleView(Directory directory) {
        addClassName("gatehouse-page");
        setSizeFull();
        DirectoryGrid<UserRow> grid = new DirectoryGrid<>("Search people", "Name, user name or email",
                directory::users);
        grid.addSortableColumn(UserRow::displayName, "Name", DirectorySort.NAME).setAutoWidth(true);
        grid.addSortableColumn(UserRow::userName, "User name", DirectorySort.ID).setAutoWidth(true);
        grid.addSortableColumn(UserRow::email, "Email", DirectorySort.EMAIL).setFlexGrow(1);
        grid.addPlainColumn(UserRow::managerName, "Manager").setAutoWidth(true);
        grid.addPlainColumn(user -> user.enabled() ? "Enabled" : "Disabled", "Status").setAutoWidth(true);
        grid.setEmptyStateText("No one matches this search, or the first directory sync has not finished.");
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(PersonView.class,
                new RouteParameters(PersonView.USER_ID, e.getItem().id()))));
        add(new H2("People"), grid.search(), grid);
        setFlexGrow(1, grid);
    }
}
