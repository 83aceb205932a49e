package dev.gatehouse.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.gatehouse.TestUsers;

import jakarta.servlet.RequestDispatcher;

/** What every response tells the browser in demo mode (base URL http), and what error responses leave out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class SecurityHeadersTest {

    private static final String CRAFTED = "<script>alert(1)</script>";
    private static final String CRAFTED_IN_URL = "%3Cscript%3Ealert(1)%3C/script%3E";
    private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9_-]+)'");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    private int port;
    @Autowired
    private MockMvc mvc;

    @Test
    void a_page_tells_the_browser_to_run_only_gatehouses_scripts_never_frame_it_and_send_no_referrer()
            throws Exception {
        String policy = mvc.perform(get("/sign-in"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getHeader(SecurityHeaders.CONTENT_SECURITY_POLICY);

        assertThat(directive(policy, "default-src")).isEqualTo("'self'");
        assertThat(directive(policy, "script-src")).startsWith("'self' 'nonce-").doesNotContain("unsafe-inline");
        assertThat(directive(policy, "object-src")).isEqualTo("'none'");
        assertThat(directive(policy, "frame-ancestors")).isEqualTo("'none'");
        assertThat(directive(policy, "img-src")).isEqualTo("'self' data:");
        assertThat(directive(policy, "connect-src")).isEqualTo("'self'");
    }

    @Test
    void there_is_no_strict_transport_security_while_the_base_url_is_http() throws Exception {
        mvc.perform(get("/sign-in")).andExpect(header().doesNotExist("Strict-Transport-Security"));
    }

    @Test
    void every_script_on_vaadins_page_carries_the_nonce_of_its_own_response() throws Exception {
        HttpResponse<String> first = send("/sign-in");
        HttpResponse<String> second = send("/sign-in");

        String nonce = nonce(first);
        assertThat(nonce).isNotEqualTo(nonce(second));
        List<String> scripts = Pattern.compile("<script[^>]*>").matcher(first.body()).results()
                .map(m -> m.group()).toList();
        assertThat(scripts).isNotEmpty().allSatisfy(tag -> assertThat(tag).contains("nonce=\"" + nonce + "\""));
    }

    @Test
    void a_static_file_carries_the_same_headers() throws Exception {
        Matcher script = Pattern.compile("src=\"\\./(VAADIN/build/[^\"]+\\.js)\"").matcher(send("/sign-in").body());
        assertThat(script.find()).isTrue();

        HttpResponse<String> file = send("/" + script.group(1));

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue(SecurityHeaders.CONTENT_SECURITY_POLICY)).isPresent();
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(file.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void a_policy_a_response_set_itself_is_kept() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setHeader(SecurityHeaders.CONTENT_SECURITY_POLICY, "script-src 'nonce-spring'");

        SecurityHeaders.contentSecurityPolicy().writeHeaders(new MockHttpServletRequest(), response);

        assertThat(response.getHeaders(SecurityHeaders.CONTENT_SECURITY_POLICY)).containsExactly(
                "script-src 'nonce-spring'");
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site_lax_and_never_goes_into_a_url() throws Exception {
        HttpResponse<String> redirect = send("/audit");

        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .endsWith("/sign-in").doesNotContainIgnoringCase("jsessionid"));
        String cookie = redirect.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie).contains("; HttpOnly").contains("; SameSite=Lax").doesNotContain("Secure");
    }

    /** As Tomcat forwards a failed request to /error; the headers were written before, on the failed request. */
    @Test
    void error_pages_never_echo_the_address_or_a_parameter() throws Exception {
        for (int status : List.of(400, 404, 405, 500)) {
            for (MediaType accept : List.of(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON)) {
                String body = mvc.perform(get("/error").with(signedIn()).accept(accept)
                                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/VAADIN/" + CRAFTED)
                                .queryParam("error", CRAFTED)
                                .requestAttr(RequestDispatcher.ERROR_MESSAGE, "Request method " + CRAFTED))
                        .andReturn().getResponse().getContentAsString();
                assertThat(body).as("%d as %s", status, accept).isNotBlank()
                        .doesNotContain("alert(1)").doesNotContain("VAADIN");
            }
        }
    }

    @Test
    void the_sign_in_page_never_echoes_its_error_parameter() throws Exception {
        HttpResponse<String> page = send("/sign-in?error=" + CRAFTED_IN_URL);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("alert(1)");
    }

    @Test
    void a_request_tomcat_refuses_gets_a_bare_400_without_the_server_version_or_the_request() throws Exception {
        for (String target : List.of("/%", "/" + CRAFTED, "/sign-in?error=" + CRAFTED)) {
            String response = raw("GET " + target + " HTTP/1.1");

            assertThat(response).as(target).startsWith("HTTP/1.1 400").doesNotContainIgnoringCase("tomcat")
                    .doesNotContain("alert(1)").doesNotContainIgnoringCase("\r\nServer:")
                    .doesNotContainIgnoringCase("\r\nX-Powered-By:");
        }
    }

    @Test
    void no_response_names_the_server_software() throws Exception {
        for (String path : List.of("/sign-in", "/audit", "/actuator/health", "/no-such-file.png")) {
            HttpResponse<String> response = send(path);

            assertThat(response.headers().firstValue("Server")).as(path).isEmpty();
            assertThat(response.headers().firstValue("X-Powered-By")).as(path).isEmpty();
        }
    }

    private static RequestPostProcessor signedIn() {
        return authentication(new UsernamePasswordAuthenticationToken(TestUsers.REQUESTER, null,
                TestUsers.REQUESTER.authorities()));
    }

    private HttpResponse<String> send(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Bytes as a client sends them, for request lines no HTTP client library would send. */
    private String raw(String requestLine) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.UTF_8);
        }
    }

    private static String nonce(HttpResponse<String> response) {
        Matcher nonce = NONCE.matcher(response.headers().firstValue(SecurityHeaders.CONTENT_SECURITY_POLICY)
                .orElseThrow());
        assertThat(nonce.find()).isTrue();
        return nonce.group(1);
    }

    static String directive(String policy, String name) {
        for (String directive : policy.split(";")) {
            String trimmed = directive.strip();
            if (trimmed.startsWith(name + " ")) {
                return trimmed.substring(name.length() + 1);
            }
        }
        throw new AssertionError("No " + name + " in " + policy);
    }
}
