package dev.gatehouse.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

import dev.gatehouse.security.CurrentUser;
import dev.gatehouse.security.GatehouseUser;

/** The landing page: who you are signed in as and what Gatehouse lets you do. */
@Route("")
@PageTitle("Home · Gatehouse")
@Menu(title = "Home", order = 0, icon = "vaadin:home")
@PermitAll
public class HomeView extends VerticalLayout {

    public HomeView(CurrentUser currentUser) {
        GatehouseUser user = currentUser.require();
        addClassName("gatehouse-page");
        add(new H2("Welcome, " + user.displayName()));

        Paragraph roles = new Paragraph("Your roles: " + user.roleLabels());
        roles.setId("home-roles");
        Paragraph directory = new Paragraph("Identity Center user: " + user.directoryUserName());
        directory.addClassName("gatehouse-muted");
        add(roles, directory);
    }
}
