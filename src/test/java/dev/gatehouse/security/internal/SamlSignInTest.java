package dev.gatehouse.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MvcResult;

import dev.gatehouse.security.DemoSignIn;
import dev.gatehouse.security.GatehouseRole;
import dev.gatehouse.security.GatehouseUser;
import dev.gatehouse.security.TestIdentityProvider;

/**
 * Responses the test IdP signs, or breaks, posted to the assertion consumer service in answer to a
 * sign-in started here.
 */
class SamlSignInTest extends SamlAcsTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void a_signed_response_signs_the_person_in_with_roles_from_their_groups() throws Exception {
        MvcResult result = answer(TestIdentityProvider.response("alice").groups("engineering", "platform-admins"));
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");

        GatehouseUser user = signedIn(result);
        assertThat(user.displayName()).isEqualTo("Test alice");
        assertThat(user.email()).isEqualTo("alice@example.com");
        assertThat(user.directoryUserName()).isEqualTo("alice");
        assertThat(user.roles()).containsExactlyInAnyOrder(GatehouseRole.REQUESTER, GatehouseRole.ADMIN);
    }

    @Test
    void a_sign_in_with_a_configured_mfa_context_counts_as_a_second_factor() throws Exception {
        Instant authenticated = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        MvcResult result = answer(TestIdentityProvider.response("alice")
                .issuedAt(authenticated).authnContext("https://refeds.org/profile/mfa"));
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");

        GatehouseUser user = signedIn(result);
        assertThat(user.mfaAtSignIn()).isTrue();
        assertThat(user.signedInAt()).isEqualTo(authenticated);
    }

    @Test
    void a_password_sign_in_is_not_a_second_factor() throws Exception {
        GatehouseUser user = signedIn(answer(TestIdentityProvider.response("alice")));

        assertThat(user.mfaAtSignIn()).isFalse();
    }

    @Test
    void a_tampered_response_is_refused() throws Exception {
        SignInStart start = startSignIn();
        String xml = TestIdentityProvider.response("alice").inResponseTo(start.requestId()).xml()
                .replace(">alice<", ">mallory<");
        assertThat(xml).contains(">mallory<");

        refusedIn(start.session(), encode(xml), "signature");
    }

    @Test
    void an_unsigned_response_is_refused() throws Exception {
        refused(TestIdentityProvider.response("alice").unsigned(), "signature");
    }

    @Test
    void an_expired_response_is_refused() throws Exception {
        refused(TestIdentityProvider.response("alice").issuedAt(Instant.now().minus(Duration.ofHours(1))), "expired");
    }

    @Test
    void a_response_for_another_application_is_refused() throws Exception {
        refused(TestIdentityProvider.response("alice").audience("https://other.example.test/sp"), "audience");
    }

    @Test
    void a_response_posted_again_after_its_sign_in_is_refused() throws Exception {
        SignInStart start = startSignIn();
        String response = TestIdentityProvider.response("alice").inResponseTo(start.requestId()).encoded();
        postIn(start.session(), response);

        refusedIn(startSignIn().session(), response, "request");
    }

    @Test
    void the_service_provider_metadata_is_published_with_the_entity_id() throws Exception {
        mvc.perform(get("/saml2/service-provider-metadata/gatehouse"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(
                        "entityID=\"" + TestIdentityProvider.SP_ENTITY_ID + "\"")));
    }

    @Test
    void sign_in_starts_at_the_identity_provider() throws Exception {
        mvc.perform(get("/saml2/authenticate/gatehouse"))
                .andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
                        .startsWith("https://idp.example.test/sso?SAMLRequest="));
    }

    @Test
    void demo_sign_in_does_not_exist_in_production_mode() {
        assertThat(context.getBeanProvider(DemoSignIn.class).getIfAvailable()).isNull();
    }

    @Test
    void pages_send_a_visitor_who_is_not_signed_in_to_the_sign_in_page() throws Exception {
        mvc.perform(get("/audit")).andExpect(redirectedUrl("http://localhost/sign-in"));
    }
}
