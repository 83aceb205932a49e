package dev.gatehouse.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;

import dev.gatehouse.security.TestIdentityProvider;

/** With IdP-initiated sign-in allowed explicitly: accepted, but every other rule still applies. */
class UnsolicitedSamlSignInTest extends SamlAcsTest {

    @DynamicPropertySource
    static void allowUnsolicited(DynamicPropertyRegistry registry) {
        registry.add("gatehouse.security.saml.allow-unsolicited", () -> "true");
    }

    @Test
    void an_unsolicited_response_signs_the_person_in_when_allowed() throws Exception {
        MvcResult result = postIn(new MockHttpSession(), TestIdentityProvider.response("alice").encoded());

        assertThat(signedIn(result).directoryUserName()).isEqualTo("alice");
    }

    @Test
    void a_replayed_response_is_refused_the_second_time() throws Exception {
        String response = TestIdentityProvider.response("alice").encoded();
        postIn(new MockHttpSession(), response);

        refusedIn(new MockHttpSession(), response, "replayed");
    }

    @Test
    void an_unsolicited_response_still_needs_an_audience() throws Exception {
        refusedIn(new MockHttpSession(), TestIdentityProvider.response("alice").withoutAudience().encoded(),
                "no-audience");
    }

    @Test
    void an_unsolicited_response_naming_a_request_is_refused() throws Exception {
        refusedIn(new MockHttpSession(), TestIdentityProvider.response("alice").inResponseTo("_forged").encoded(),
                "request");
    }
}
