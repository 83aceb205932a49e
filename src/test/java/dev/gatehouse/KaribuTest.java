package dev.gatehouse;

import java.security.Principal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;

import dev.gatehouse.security.GatehouseUser;

/**
 * A Spring context with a mocked Vaadin UI. Karibu runs no servlet filters, so the fake request
 * takes its principal and roles from Spring Security's context, as Spring's request wrapper would.
 */
@SpringBootTest
public abstract class KaribuTest {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("dev.gatehouse");

    @Autowired
    private ApplicationContext context;

    @BeforeEach
    void setUpVaadin() {
        MockVaadin.setMockRequestFactory(session -> new FakeRequest(session) {
            @Override
            public Principal getUserPrincipal() {
                return SecurityContextHolder.getContext().getAuthentication();
            }

            @Override
            public boolean isUserInRole(String role) {
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                return authentication != null && authentication.getAuthorities().stream()
                        .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + role));
            }
        });
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        TestUsers.signOut();
    }

    /**
     * Waits as the browser would for its next poll and sends it, if the page asked for polling at all
     * (else waits a moment and sends nothing, as a browser would not).
     */
    protected static void pollLikeABrowser() {
        UI ui = UI.getCurrent();
        int interval = ui.getPollInterval();
        try {
            Thread.sleep(interval > 0 ? interval : 200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (interval > 0) {
            ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
        }
    }

    /** Signs the person in and opens the path, as following a link would. */
    protected void openAs(GatehouseUser user, String path) {
        TestUsers.signIn(user);
        UI.getCurrent().navigate(path);
    }
}
