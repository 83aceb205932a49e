package dev.gatehouse.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Inflater;
import java.util.zip.InflaterOutputStream;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import dev.gatehouse.security.GatehouseUser;
import dev.gatehouse.security.TestIdentityProvider;

/**
 * Production mode trusting the test IdP, with MockMvc posting to the assertion consumer service. Sign-ins
 * start here, as the default profile requires: {@link #startSignIn} asks for the AuthnRequest in a browser
 * session, and {@link #answer} posts the IdP's response to it in that session.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class SamlAcsTest {

    static final String ACS = "/login/saml2/sso/gatehouse";

    private static final Pattern REQUEST_ID = Pattern.compile("\\bID=\"([^\"]+)\"");

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        TestIdentityProvider.register(registry);
        registry.add("gatehouse.security.admin-groups", () -> "platform-admins");
    }

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    /** Each test posts from an address of its own, so refusals in other tests never rate-limit it. */
    final String address = "10.77." + ADDRESSES.incrementAndGet() / 250 + "." + (ADDRESSES.get() % 250 + 1);

    /** A sign-in begun at Gatehouse: the browser session and the id of the AuthnRequest sent to the IdP. */
    record SignInStart(MockHttpSession session, String requestId) {
    }

    SignInStart startSignIn() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String location = mvc.perform(get("/saml2/authenticate/gatehouse").session(session)).andReturn()
                .getResponse().getRedirectedUrl();
        String encoded = UriComponentsBuilder.fromUriString(location).build().getQueryParams()
                .getFirst("SAMLRequest");
        Matcher id = REQUEST_ID.matcher(inflate(Base64.getDecoder().decode(
                java.net.URLDecoder.decode(encoded, StandardCharsets.UTF_8))));
        assertThat(id.find()).isTrue();
        return new SignInStart(session, id.group(1));
    }

    /** The IdP's answer to a sign-in started here, posted in its browser session. */
    MvcResult answer(TestIdentityProvider.Builder response) throws Exception {
        SignInStart start = startSignIn();
        return postIn(start.session(), response.inResponseTo(start.requestId()).encoded());
    }

    MvcResult postIn(MockHttpSession session, String encodedResponse) throws Exception {
        return mvc.perform(form(ACS, session, encodedResponse)).andReturn();
    }

    /** The response as a browser posts it: a form body with its length, from this test's own address. */
    MockHttpServletRequestBuilder form(String path, MockHttpSession session, String encodedResponse) {
        return post(path).session(session).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("SAMLResponse=" + URLEncoder.encode(encodedResponse, StandardCharsets.UTF_8))
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }

    /** Answers a sign-in started here with the response, and expects the sign-in page with the error. */
    void refused(TestIdentityProvider.Builder response, String errorCode) throws Exception {
        SignInStart start = startSignIn();
        refusedIn(start.session(), response.inResponseTo(start.requestId()).encoded(), errorCode);
    }

    void refusedIn(MockHttpSession session, String encodedResponse, String errorCode) throws Exception {
        MvcResult result = mvc.perform(form(ACS, session, encodedResponse))
                .andExpect(redirectedUrl("/sign-in?error=" + errorCode))
                .andReturn();
        assertThat(securityContext(result)).isNull();
    }

    static GatehouseUser signedIn(MvcResult result) {
        SecurityContext context = securityContext(result);
        assertThat(context).isNotNull();
        return (GatehouseUser) context.getAuthentication().getPrincipal();
    }

    static SecurityContext securityContext(MvcResult result) {
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        return session == null || session.isInvalid() ? null : (SecurityContext) session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
    }

    static String encode(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String inflate(byte[] deflated) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InflaterOutputStream inflater = new InflaterOutputStream(out, new Inflater(true))) {
            inflater.write(deflated);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
