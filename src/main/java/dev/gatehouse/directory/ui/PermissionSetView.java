package dev.gatehouse.directory.ui;

import java.util.Optional;
import java.util.stream.Collectors;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.Directory;
import dev.gatehouse.directory.OwnedKind;
import dev.gatehouse.directory.Owners;
import dev.gatehouse.directory.PermissionSetRow;
import dev.gatehouse.security.CurrentUser;
import dev.gatehouse.security.GatehouseRole;
import dev.gatehouse.shared.DurationText;

/** One permission set: its owner, session duration, every policy attached, tags, and where it is provisioned. */
@Route("directory/permission-sets/:id")
@PageTitle("Permission set · Gatehouse")
@RolesAllowed({GatehouseRole.ADMIN_NAME, GatehouseRole.AUDITOR_NAME})
public class PermissionSetView extends DetailView<PermissionSetRow> {

    /** The ARN's last segment (ps-…), unique within the instance; the full ARN has slashes. */
    static final String ID = "id";

    private final Directory directory;
    private final Owners owners;
    private final boolean admin;

    public PermissionSetView(Directory directory, Owners owners, CurrentUser currentUser) {
        super(ID, "directory/permission-sets", "Permission sets", "Permission set");
        this.directory = directory;
        this.owners = owners;
        this.admin = currentUser.get().filter(user -> user.has(GatehouseRole.ADMIN)).isPresent();
    }

    @Override
    protected Optional<PermissionSetRow> find(String id) {
        return directory.permissionSetById(id);
    }

    @Override
    protected void show(PermissionSetRow set) {
        Paragraph facts = new Paragraph(set.description() + " · session "
                + DurationText.of(set.sessionDuration())
                + (set.relayState().isEmpty() ? "" : " · relay state " + set.relayState()));
        facts.addClassName("gatehouse-muted");
        add(new H2(set.name()), facts, new Paragraph(set.arn()),
                new OwnerPanel(owners, OwnedKind.PERMISSION_SET, set.arn(), admin));
        add(new H3("Policies"), new Paragraph(set.policySummary()));
        if (!set.inlinePolicy().isEmpty()) {
            add(new Pre(set.inlinePolicy()));
        }
        if (!set.tags().isEmpty()) {
            add(new Paragraph("Tags: " + set.tags().entrySet().stream()
                    .map(tag -> tag.getKey() + "=" + tag.getValue()).collect(Collectors.joining(", "))));
        }
        DirectoryGrid<AccountRow> accounts = new DirectoryGrid<>("Filter accounts", "Name, 12-digit id or OU path",
                page -> directory.provisionedAccounts(set.arn(), page));
        OrganizationView.addAccountColumns(accounts);
        accounts.setEmptyStateText(set.accounts() == 0 ? "Not provisioned to any account."
                : "No account matches this filter.");
        accounts.setMinHeight("12rem");
        add(new H3("Provisioned to " + set.accounts() + " accounts"), accounts.search(), accounts);
        setFlexGrow(1, accounts);
    }

    static String idOf(PermissionSetRow set) {
        return idOf(set.arn());
    }

    static String idOf(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
