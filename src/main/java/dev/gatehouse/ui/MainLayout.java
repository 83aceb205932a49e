package dev.gatehouse.ui;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;

import org.springframework.beans.factory.ObjectProvider;

import jakarta.annotation.security.PermitAll;

import dev.gatehouse.security.CurrentUser;
import dev.gatehouse.security.GatehouseUser;
import dev.gatehouse.shared.GatehouseMode;

/**
 * The frame around every page: navigation with the views the person's roles may open (each view
 * declares its own {@code @Menu} entry and its roles), with the number of things waiting on a view
 * where a module counts them ({@link NavigationCount}), the user menu, and the demo banner.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    static final String DEMO_BANNER_TEXT = "Demo mode: a sandbox organization and sample people. "
            + "Nothing here reaches AWS.";
    /** How often the numbers are read again while the person stays on one page. */
    static final Duration COUNTS_REFRESH = Duration.ofSeconds(30);

    private final transient AuthenticationContext authentication;
    private final transient List<NavigationCount> counts;
    private final Map<SideNavItem, NavigationCount> counted = new LinkedHashMap<>();

    public MainLayout(CurrentUser currentUser, GatehouseMode mode, AuthenticationContext authentication,
                      ObjectProvider<NavigationCount> counts) {
        this.authentication = authentication;
        this.counts = counts.orderedStream().toList();
        GatehouseUser user = currentUser.require();

        H1 title = new H1("Gatehouse");
        title.addClassName("gatehouse-brand");
        addToDrawer(title, navigation());

        HorizontalLayout navbar = new HorizontalLayout(new DrawerToggle(), new Div(), userMenu(user));
        navbar.setWidthFull();
        navbar.setAlignItems(FlexComponent.Alignment.CENTER);
        navbar.setFlexGrow(1, navbar.getComponentAt(1));
        navbar.getStyle().set("padding-right", "var(--lumo-space-m)");
        if (mode == GatehouseMode.DEMO) {
            Div banner = new Div(DEMO_BANNER_TEXT);
            banner.addClassName("gatehouse-demo-banner");
            banner.setWidthFull();
            VerticalLayout top = new VerticalLayout(banner, navbar);
            top.setPadding(false);
            top.setSpacing(false);
            addToNavbar(true, top);
        } else {
            addToNavbar(true, navbar);
        }
        setPrimarySection(Section.DRAWER);
        Polling.every(this, COUNTS_REFRESH, this::refreshCounts);
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setLabel("Main");
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(item(entry)));
        return nav;
    }

    private SideNavItem item(MenuEntry entry) {
        SideNavItem item = new SideNavItem(entry.title(), entry.path());
        if (entry.icon() != null) {
            item.setPrefixComponent(new Icon(entry.icon()));
        }
        counts.stream().filter(count -> count.view().equals(entry.menuClass())).findFirst()
                .ifPresent(count -> counted.put(item, count));
        return item;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        refreshCounts();
    }

    /** A view changed what its navigation number counts (a request decided): show the numbers anew. */
    public static void countsChanged(Component view) {
        MainLayout layout = view.findAncestor(MainLayout.class);
        if (layout != null) {
            layout.refreshCounts();
        }
    }

    private void refreshCounts() {
        counted.forEach((item, count) -> {
            NavigationCount.Waiting waiting = count.waiting();
            if (waiting.count() <= 0) {
                item.setSuffixComponent(null);
                return;
            }
            Span number = new Span(String.valueOf(waiting.count()));
            number.addClassName("gatehouse-count");
            number.getElement().setAttribute("title", waiting.meaning());
            number.getElement().setAttribute("aria-label", waiting.meaning());
            item.setSuffixComponent(number);
        });
    }

    private Component userMenu(GatehouseUser user) {
        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        menu.getElement().setAttribute("aria-label", "User menu");
        Avatar avatar = new Avatar(user.displayName());
        HorizontalLayout trigger = new HorizontalLayout(avatar, new Span(user.displayName()));
        trigger.setAlignItems(FlexComponent.Alignment.CENTER);
        trigger.setSpacing(true);
        MenuItem root = menu.addItem(trigger);
        SubMenu sub = root.getSubMenu();
        sub.addItem(signedInAs(user)).setEnabled(false);
        sub.addItem("Roles: " + user.roleLabels()).setEnabled(false);
        sub.addSeparator();
        sub.addItem("Switch light / dark theme", e -> toggleTheme());
        sub.addItem("Sign out", e -> authentication.logout());
        return menu;
    }

    private static String signedInAs(GatehouseUser user) {
        return user.email().isEmpty() ? "Signed in as " + user.subject()
                : "Signed in as " + user.subject() + " (" + user.email() + ")";
    }

    private void toggleTheme() {
        getElement().executeJs("""
                const root = document.documentElement;
                const dark = root.getAttribute('theme') !== 'dark';
                root.setAttribute('theme', dark ? 'dark' : '');
                localStorage.setItem('gatehouse-theme', dark ? 'dark' : 'light');""");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        // The choice lives in the browser, so it applies before anyone signs in again on that machine.
        getElement().executeJs("""
                const stored = localStorage.getItem('gatehouse-theme');
                const dark = stored ? stored === 'dark' : window.matchMedia('(prefers-color-scheme: dark)').matches;
                document.documentElement.setAttribute('theme', dark ? 'dark' : '');""");
    }
}
