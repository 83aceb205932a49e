package dev.gatehouse.directory.ui;

import java.util.Optional;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.AccessInventory;
import dev.gatehouse.directory.Directory;
import dev.gatehouse.directory.DirectorySync;
import dev.gatehouse.directory.InventoryScope;
import dev.gatehouse.directory.OwnedKind;
import dev.gatehouse.directory.Owners;
import dev.gatehouse.security.CurrentUser;
import dev.gatehouse.security.GatehouseRole;

/**
 * One account: where it sits, who owns it, and who holds which permission set on it, standing (directly
 * or through a group) or just-in-time.
 */
@Route("directory/accounts/:accountId")
@PageTitle("Account · Gatehouse")
@RolesAllowed({GatehouseRole.ADMIN_NAME, GatehouseRole.AUDITOR_NAME})
public class AccountView extends DetailView<AccountRow> {

    static final String ACCOUNT_ID = "accountId";

    private final Directory directory;
    private final AccessInventory inventory;
    private final DirectorySync sync;
    private final Owners owners;
    private final boolean admin;

    public AccountView(Directory directory, AccessInventory inventory, DirectorySync sync, Owners owners,
                       CurrentUser currentUser) {
        super(ACCOUNT_ID, "directory/organization", "Organization", "Account");
        this.directory = directory;
        this.inventory = inventory;
        this.sync = sync;
        this.owners = owners;
        this.admin = currentUser.get().filter(user -> user.has(GatehouseRole.ADMIN)).isPresent();
    }

    @Override
    protected Optional<AccountRow> find(String id) {
        return directory.account(id);
    }

    @Override
    protected void show(AccountRow account) {
        Paragraph facts = new Paragraph(account.id() + " · " + account.ouPath() + " · " + account.email() + " · "
                + account.status());
        facts.addClassName("gatehouse-muted");
        InventoryScope onAccount = InventoryScope.ORGANIZATION.onAccount(account.id());
        var access = AccessGrid.create(page -> inventory.page(onAccount, page), false, true);
        add(new H2(account.name()), facts, new OwnerPanel(owners, OwnedKind.ACCOUNT, account.id(), admin));
        if (admin) {
            add(refreshButton(() -> sync.refreshAccount(account.id())));
        }
        add(new H3("Who has access"), access.search(), access);
        setFlexGrow(1, access);
    }
}
