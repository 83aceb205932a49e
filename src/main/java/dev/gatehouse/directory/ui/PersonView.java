package dev.gatehouse.directory.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import dev.gatehouse.directory.AccessInventory;
import dev.gatehouse.directory.Directory;
import dev.gatehouse.directory.DirectorySync;
import dev.gatehouse.directory.InventoryScope;
import dev.gatehouse.directory.UserRow;
import dev.gatehouse.security.CurrentUser;
import dev.gatehouse.security.GatehouseRole;

/** One person: manager, groups, and access across all accounts, standing and just-in-time. */
@Route("directory/people/:userId")
@PageTitle("Person · Gatehouse")
@RolesAllowed({GatehouseRole.ADMIN_NAME, GatehouseRole.AUDITOR_NAME})
public class PersonView extends DetailView<UserRow> {

    static final String USER_ID = "userId";

    private final Directory directory;
    private final AccessInventory inventory;
    private final DirectorySync sync;
    private final boolean admin;

    public PersonView(Directory directory, AccessInventory inventory, DirectorySync sync,
                      CurrentUser currentUser) {
        super(USER_ID, "directory/people", "People", "Person");
        this.directory = directory;
        this.inventory = inventory;
        this.sync = sync;
        this.admin = currentUser.get().filter(user -> user.has(GatehouseRole.ADMIN)).isPresent();
    }

    @Override
    protected Optional<UserRow> find(String id) {
        return directory.user(id);
    }

    @Override
    protected void show(UserRow user) {
        Paragraph facts = new Paragraph(user.userName() + " · " + user.email() + " · "
                + (user.enabled() ? "Enabled" : "Disabled"));
        facts.addClassName("gatehouse-muted");
        Paragraph manager = new Paragraph("Manager: " + (user.managerName().isEmpty() ? "none recorded"
                : user.managerName()));
        List<String> groups = directory.groupsOf(user.id());
        Paragraph groupList = new Paragraph("Groups: " + (groups.isEmpty() ? "none" : String.join(", ", groups)));
        InventoryScope ofPerson = InventoryScope.ORGANIZATION.ofPerson(user.id());
        var access = AccessGrid.create(page -> inventory.page(ofPerson, page), true, false);
        add(new H2(user.displayName()), facts, manager, groupList);
        if (admin) {
            add(refreshButton(() -> sync.refreshUser(user.id())));
        }
        add(new H3("Access"), access.search(), access);
        setFlexGrow(1, access);
    }
}
