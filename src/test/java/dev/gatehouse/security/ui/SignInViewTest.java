package dev.gatehouse.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;

import dev.gatehouse.KaribuTest;
import dev.gatehouse.security.CurrentUser;
import dev.gatehouse.security.GatehouseRole;
import dev.gatehouse.security.SessionEndNotice;
import dev.gatehouse.security.SignInFailure;

import org.springframework.beans.factory.annotation.Autowired;

class SignInViewTest extends KaribuTest {

    @Autowired
    private CurrentUser currentUser;

    @Test
    void demo_mode_offers_a_requester_an_approving_manager_an_admin_an_auditor_and_a_director() {
        UI.getCurrent().navigate("sign-in");

        assertThat(_find(H3.class).stream().map(H3::getText))
                .containsExactly("Riley Chen", "Avery Patel", "Morgan Reyes", "Sam Okafor", "Jordan Kim");
        assertThat(_find(Button.class, spec -> spec.withText("Sign in with your identity provider"))).isEmpty();
    }

    @Test
    void choosing_a_persona_signs_in_as_that_person_with_their_roles() {
        UI.getCurrent().navigate("sign-in");

        _click(_get(Button.class, spec -> spec.withText("Sign in as Morgan Reyes")));

        assertThat(currentUser.require().displayName()).isEqualTo("Morgan Reyes");
        assertThat(currentUser.require().roles()).containsExactlyInAnyOrder(GatehouseRole.REQUESTER,
                GatehouseRole.ADMIN);
    }

    @ParameterizedTest
    @EnumSource(SignInFailure.class)
    void a_refused_sign_in_is_explained_in_plain_words(SignInFailure failure) {
        UI.getCurrent().navigate("sign-in", QueryParameters.of("error", failure.code()));

        assertThat(_get(Div.class, spec -> spec.withClasses("gatehouse-error")).getText())
                .isEqualTo("Sign-in failed. " + failure.message());
    }

    @Test
    void an_unknown_error_code_is_never_echoed_back() {
        UI.getCurrent().navigate("sign-in", QueryParameters.of("error", "<script>"));

        assertThat(_get(Div.class, spec -> spec.withClasses("gatehouse-error")).getText())
                .isEqualTo("Sign-in failed. " + SignInFailure.INVALID_RESPONSE.message());
    }

    @Test
    void signing_out_is_confirmed() {
        UI.getCurrent().navigate("sign-in", QueryParameters.fromString("signed-out"));

        assertThat(_find(Div.class, spec -> spec.withText(SignInView.SIGNED_OUT_MESSAGE))).hasSize(1);
    }

    @Test
    void a_person_whose_session_gatehouse_ended_is_told_why_once() {
        String why = "Morgan Reyes, an admin, signed you out everywhere at 2026-11-23 14:05 UTC. Sign in again to go on.";
        VaadinSession.getCurrent().getSession().setAttribute(SessionEndNotice.ATTRIBUTE, new SessionEndNotice(why));

        UI.getCurrent().navigate("sign-in");
        assertThat(_find(Div.class, spec -> spec.withText(why))).hasSize(1);

        UI.getCurrent().navigate("sign-in", QueryParameters.of("again", "1"));
        assertThat(_find(Div.class, spec -> spec.withText(why))).as("said once").isEmpty();
    }
}
