package dev.gatehouse.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/** Gatehouse published at an https base URL, with the cookie settings README gives for that. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gatehouse.security.saml.base-url=https://gatehouse.example.org",
        "server.servlet.session.cookie.secure=true",
        "server.servlet.session.cookie.same-site=none"})
@AutoConfigureMockMvc
class SecurityHeadersHttpsTest {

    @LocalServerPort
    private int port;
    @Autowired
    private MockMvc mvc;

    @Test
    void every_response_asks_for_https_for_a_year_also_where_a_proxy_forwarded_plain_http() throws Exception {
        mvc.perform(get("/sign-in"))
                .andExpect(header().string("Strict-Transport-Security", SecurityHeaders.HSTS_MAX_AGE));
        mvc.perform(get("/audit"))
                .andExpect(header().string("Strict-Transport-Security", SecurityHeaders.HSTS_MAX_AGE));
        mvc.perform(get("/sign-in").secure(true))
                .andExpect(header().string("Strict-Transport-Security", SecurityHeaders.HSTS_MAX_AGE));
    }

    @Test
    void the_session_cookie_is_secure_http_only_and_same_site_none_as_configured() throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sign-in")).build(),
                HttpResponse.BodyHandlers.discarding());

        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie).contains("; Secure").contains("; HttpOnly").contains("; SameSite=None");
    }
}
