package dev.gatehouse.security.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.gatehouse.security.SignInFailure;

/**
 * What a visitor who has not signed in may make Gatehouse read. A post to the SAML assertion consumer
 * service must use the HTTP-POST binding, name Gatehouse's registration, declare its length and stay within
 * the size limit, and comes from an address that is not over the refusal limit; all of it is judged from
 * the request line and headers, before the body is read. Any other request before sign-in may not carry a
 * body over the same limit.
 */
class SignInInputGuard extends OncePerRequestFilter {

    static final String ACS_PREFIX = "/login/saml2/sso";

    private final SignInRefusals refusals;
    private final long maxBytes;
    /** Gatehouse's SAML registration id; null in demo mode, where there is no assertion consumer service. */
    private final String registrationId;

    SignInInputGuard(SignInRefusals refusals, long maxBytes, String registrationId) {
        this.refusals = refusals;
        this.maxBytes = maxBytes;
        this.registrationId = registrationId;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (registrationId != null && (path.equals(ACS_PREFIX) || path.startsWith(ACS_PREFIX + "/"))) {
            guardAssertionConsumer(path, request, response, chain);
        } else if (!signedIn() && carriesTooMuch(request)) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        } else {
            chain.doFilter(request, response);
        }
    }

    private void guardAssertionConsumer(String path, HttpServletRequest request, HttpServletResponse response,
                                        FilterChain chain) throws IOException, ServletException {
        if (refusals.blocked(request)) {
            refusals.turnAway(request, response);
        } else if (!"POST".equals(request.getMethod())) {
            refusals.refuse(SignInFailure.WRONG_BINDING, request, response);
        } else if (!path.equals(ACS_PREFIX + "/" + registrationId)) {
            refusals.refuse(SignInFailure.UNKNOWN_REGISTRATION, request, response);
        } else if (request.getContentLengthLong() < 0 || request.getContentLengthLong() > maxBytes) {
            refusals.refuse(SignInFailure.TOO_LARGE, request, response);
        } else {
            chain.doFilter(request, response);
        }
    }

    private boolean carriesTooMuch(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        return length > maxBytes || (length < 0 && request.getHeader("Transfer-Encoding") != null);
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
