package dev.gatehouse.directory.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.Directory;
import dev.gatehouse.directory.DirectorySync;
import dev.gatehouse.security.CurrentUser;
import dev.gatehouse.security.GatehouseRole;

/** One account: where it sits and who holds which permission set on it, directly or through a group. */
@Route("directory/accounts/:accountId")
@PageTitle("Account · Gatehouse")
@RolesAllowed({GatehouseRole.ADMIN_NAME, GatehouseRole.AUDITOR_NAME})
public class AccountView extends VerticalLayout implements BeforeEnterObserver {

    static final String ACCOUNT_ID = "accountId";

    private final Directory directory;
    private final DirectorySync sync;
    private final boolean admin;

    public AccountView(Directory directory, DirectorySync sync, CurrentUser currentUser) {
        this.directory = directory;
        this.sync = sync;
        this.admin = currentUser.get().filter(user -> user.has(GatehouseRole.ADMIN)).isPresent();
        addClassName("gatehouse-page");
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String id = event.getRouteParameters().get(ACCOUNT_ID).orElse("");
        add(new Anchor("directory/organization", "← Organization"));
        directory.account(id).ifPresentOrElse(this::show, () -> add(new H2("Account not found"),
                new Paragraph("No account " + id + " was in the last directory sync.")));
    }

    private void show(AccountRow account) {
        Paragraph facts = new Paragraph(account.id() + " · " + account.ouPath() + " · " + account.email() + " · "
                + account.status());
        facts.addClassName("gatehouse-muted");
        AccessGrid access = new AccessGrid((offset, limit) -> directory.accessOnAccount(account.id(), offset, limit),
                false, true);
        add(new H2(account.name()), facts);
        if (admin) {
            add(new Button("Refresh from Identity Center", e -> {
                Notification.show(sync.refreshAccount(account.id()));
                UI.getCurrent().refreshCurrentRoute(false);
            }));
        }
        add(new H3("Who has standing access"), access);
        setFlexGrow(1, access);
    }
}
