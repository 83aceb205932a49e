package dev.gatehouse.security.internal;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.gatehouse.security.TestIdentityProvider;

/** The SAML endpoints of production mode carry the same headers as every page. */
@SpringBootTest
@AutoConfigureMockMvc
class SamlEndpointHeadersTest {

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        TestIdentityProvider.register(registry);
    }

    @Autowired
    private MockMvc mvc;

    @Test
    void the_service_provider_metadata_carries_the_security_headers() throws Exception {
        expectHeaders(mvc.perform(get("/saml2/service-provider-metadata/gatehouse")).andExpect(status().isOk()));
    }

    @Test
    void the_assertion_consumer_service_answers_with_the_security_headers() throws Exception {
        expectHeaders(mvc.perform(post("/login/saml2/sso/gatehouse")
                        .param("SAMLResponse", TestIdentityProvider.response("alice").encoded()))
                .andExpect(status().is3xxRedirection()));
        expectHeaders(mvc.perform(post("/login/saml2/sso/gatehouse").param("SAMLResponse", "not a response"))
                .andExpect(status().is3xxRedirection()));
    }

    @Test
    void the_redirect_to_the_identity_provider_carries_the_security_headers() throws Exception {
        expectHeaders(mvc.perform(get("/saml2/authenticate/gatehouse")).andExpect(status().is3xxRedirection()));
    }

    private static void expectHeaders(ResultActions result) throws Exception {
        result.andExpect(header().string(SecurityHeaders.CONTENT_SECURITY_POLICY,
                        containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }
}
