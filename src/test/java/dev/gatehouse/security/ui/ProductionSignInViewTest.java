package dev.gatehouse.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;

import dev.gatehouse.KaribuTest;
import dev.gatehouse.security.TestIdentityProvider;

class ProductionSignInViewTest extends KaribuTest {

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        TestIdentityProvider.register(registry);
    }

    @Test
    void production_mode_offers_only_the_identity_provider() {
        UI.getCurrent().navigate("sign-in");

        assertThat(_get(Button.class).getText()).isEqualTo("Sign in with Test IdP");
        assertThat(_get(Anchor.class).getHref()).isEqualTo("/saml2/authenticate/gatehouse");
        assertThat(_find(H3.class)).as("no demo personas").isEmpty();
    }
}
