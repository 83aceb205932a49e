package dev.gatehouse.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;

import dev.gatehouse.KaribuTest;
import dev.gatehouse.TestUsers;
import dev.gatehouse.security.ui.SignInView;

class MainLayoutTest extends KaribuTest {

    @Test
    void a_requester_sees_their_access_the_request_form_and_approvals_in_the_navigation() {
        openAs(TestUsers.REQUESTER, "");

        assertThat(navigation()).containsExactly("My access", "Request access", "Approvals", "My reviews",
                "Two-step verification");
    }

    @Test
    void an_auditor_sees_access_the_directory_the_rules_and_the_audit_trail() {
        openAs(TestUsers.AUDITOR, "");

        assertThat(navigation()).containsExactly("My access", "Request access", "Approvals", "My reviews",
                "Active access", "Organization", "People", "Groups", "Permission sets", "Session durations",
                "Without an owner", "Access rules", "Review campaigns", "Directory sync", "Audit trail",
                "Two-step verification");
    }

    @Test
    void an_admin_sees_access_the_directory_the_rules_and_the_audit_trail() {
        openAs(TestUsers.ADMIN, "");

        assertThat(navigation()).containsExactly("My access", "Request access", "Approvals", "My reviews",
                "Active access", "Organization", "People", "Groups", "Permission sets", "Session durations",
                "Without an owner", "Access rules", "Review campaigns", "Directory sync", "Notifications",
                "Sessions and MFA", "Audit trail", "Two-step verification");
    }

    @Test
    void the_home_page_greets_the_person_and_lists_their_roles() {
        openAs(TestUsers.AUDITOR, "");

        assertThat(_get(H2.class, spec -> spec.withText("Welcome, Sam Okafor"))).isNotNull();
        assertThat(_get(Paragraph.class, spec -> spec.withId("home-roles")).getText())
                .isEqualTo("Your roles: Requester, Auditor");
    }

    @Test
    void the_user_menu_shows_who_is_signed_in_and_offers_sign_out() {
        openAs(TestUsers.ADMIN, "");

        List<String> items = _get(MenuBar.class).getItems().get(0).getSubMenu().getItems().stream()
                .map(MenuItem::getText).toList();
        assertThat(items).containsExactly("Signed in as morgan.reyes (morgan.reyes@example.com)",
                "Roles: Requester, Admin", "Switch light / dark theme", "Sign out");
    }

    @Test
    void every_page_shows_the_demo_banner_in_demo_mode() {
        openAs(TestUsers.REQUESTER, "");

        assertThat(_find(Div.class, spec -> spec.withText(MainLayout.DEMO_BANNER_TEXT))).hasSize(1);
    }

    @Test
    void a_requester_is_turned_away_from_the_audit_trail() {
        openAs(TestUsers.REQUESTER, "audit");

        assertThat(_get(H2.class).getText()).isEqualTo(AccessDeniedView.HEADING);
    }

    @Test
    void an_unknown_address_shows_page_not_found_without_repeating_the_address() {
        TestUsers.signIn(TestUsers.REQUESTER);
        // As a browser loading the address; a client-side navigate() leaves unknown routes to the browser.
        UI ui = UI.getCurrent();
        ui.getInternals().getRouter().navigate(ui, new Location("no-such-page"), NavigationTrigger.PAGE_LOAD);

        assertThat(_get(H2.class).getText()).isEqualTo(NotFoundView.HEADING);
        assertThat(_get(Paragraph.class, spec -> spec.withText(NotFoundView.EXPLANATION))).isNotNull();
        assertThat(_find(Paragraph.class)).noneMatch(paragraph -> paragraph.getText().contains("no-such-page"));
    }

    @Test
    void a_visitor_who_is_not_signed_in_is_sent_to_sign_in() {
        UI.getCurrent().navigate("audit");

        assertThat(_find(SignInView.class)).hasSize(1);
    }

    private static List<String> navigation() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }
}
