package dev.gatehouse.security.internal;

import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The browser-side defences on every response of the one filter chain: pages, static files, SAML
 * endpoints and error pages. HSTS is sent only when {@code gatehouse.security.saml.base-url} is https.
 */
@Component
class SecurityHeaders implements VaadinServiceInitListener {

    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    static final String HSTS_MAX_AGE = "max-age=31536000";

    private static final String NONCE_ATTRIBUTE = SecurityHeaders.class.getName() + ".nonce";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final boolean https;

    SecurityHeaders(SecurityProperties properties) {
        https = properties.saml().baseUrl().strip().regionMatches(true, 0, "https://", 0, 8);
    }

    void applyTo(HttpSecurity http) throws Exception {
        http.headers(headers -> {
            headers.addHeaderWriter(contentSecurityPolicy())
                    .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                    .contentTypeOptions(options -> { });
            if (https) {
                // On every response, not only those Tomcat sees as secure: behind a TLS proxy it may see http.
                headers.httpStrictTransportSecurity(hsts -> hsts.requestMatcher(AnyRequestMatcher.INSTANCE)
                        .maxAgeInSeconds(31_536_000).includeSubDomains(false));
            } else {
                headers.httpStrictTransportSecurity(HeadersConfigurer.HstsConfig::disable);
            }
        });
    }

    /**
     * Scripts only from Gatehouse itself or inline with this response's nonce, so injected markup runs nothing.
     * Vaadin Flow 24 needs 'unsafe-eval': its client turns the JavaScript the server sends (executeJs, event
     * data) into functions with {@code new Function}; without it the client stops at start with an EvalError.
     */
    static String policy(String nonce) {
        return "default-src 'self'; "
                + "script-src 'self' 'nonce-" + nonce + "' 'unsafe-eval'; "
                // Vaadin's components set style attributes and inline <style> elements.
                + "style-src 'self' 'unsafe-inline'; "
                // The QR code is a data: SVG; Lumo's icon fonts are data: fonts.
                + "img-src 'self' data:; "
                + "font-src 'self' data:; "
                + "connect-src 'self'; "
                + "object-src 'none'; "
                + "base-uri 'self'; "
                + "form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    /** Leaves a policy a response set itself alone, e.g. Spring's SAML POST page that posts to the IdP. */
    static HeaderWriter contentSecurityPolicy() {
        return (request, response) -> {
            if (!response.containsHeader(CONTENT_SECURITY_POLICY)) {
                response.setHeader(CONTENT_SECURITY_POLICY, policy(nonce(request)));
            }
        };
    }

    /** One nonce per request, shared by the header and the script tags of Vaadin's page. */
    static String nonce(HttpServletRequest request) {
        if (request.getAttribute(NONCE_ATTRIBUTE) instanceof String nonce) {
            return nonce;
        }
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        request.setAttribute(NONCE_ATTRIBUTE, nonce);
        return nonce;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(page -> {
            if (page.getVaadinRequest() instanceof VaadinServletRequest request) {
                page.getDocument().getElementsByTag("script").attr("nonce", nonce(request.getHttpServletRequest()));
            }
        });
    }
}
