package dev.gatehouse.directory.ui;

import java.util.Optional;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import dev.gatehouse.directory.Directory;
import dev.gatehouse.directory.DirectorySort;
import dev.gatehouse.directory.GrantRow;
import dev.gatehouse.directory.GroupRow;
import dev.gatehouse.directory.UserRow;
import dev.gatehouse.security.GatehouseRole;

/** One group: its members and what it is assigned on which accounts. */
@Route("directory/groups/:groupId")
@PageTitle("Group · Gatehouse")
@RolesAllowed({GatehouseRole.ADMIN_NAME, GatehouseRole.AUDITOR_NAME})
public class GroupView extends DetailView<GroupRow> {

    static final String GROUP_ID = "groupId";

    private final Directory directory;

    public GroupView(Directory directory) {
        super(GROUP_ID, "directory/groups", "Groups", "Group");
        this.directory = directory;
    }

    @Override
    protected Optional<GroupRow> find(String id) {
        return directory.group(id);
    }

    @Override
    protected void show(GroupRow group) {
        DirectoryGrid<UserRow> members = new DirectoryGrid<>("Filter members", "Name, user name or email",
                page -> directory.members(group.id(), page));
        members.addSortableColumn(UserRow::displayName, "Member", DirectorySort.NAME).setAutoWidth(true);
        members.addSortableColumn(UserRow::userName, "User name", DirectorySort.ID).setFlexGrow(1);
        members.setEmptyStateText("No member matches.");

        DirectoryGrid<GrantRow> grants = new DirectoryGrid<>("Filter assignments", "Account or permission set",
                page -> directory.groupGrants(group.id(), page));
        grants.addSortableColumn(GrantRow::accountName, "Account", DirectorySort.ACCOUNT).setAutoWidth(true);
        grants.addSortableColumn(GrantRow::permissionSetName, "Permission set", DirectorySort.PERMISSION_SET)
                .setFlexGrow(1);
        grants.setEmptyStateText("No assignment matches.");

        VerticalLayout memberColumn = new VerticalLayout(new H3(group.members() + " members"), members.search(),
                members);
        VerticalLayout grantColumn = new VerticalLayout(new H3("Assignments"), grants.search(), grants);
        HorizontalLayout columns = new HorizontalLayout(memberColumn, grantColumn);
        columns.setSizeFull();
        Paragraph description = new Paragraph(group.description());
        description.addClassName("gatehouse-muted");
        add(new H2(group.displayName()), description, columns);
        setFlexGrow(1, columns);
    }
}
