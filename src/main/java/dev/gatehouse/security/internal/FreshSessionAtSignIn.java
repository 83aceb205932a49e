package dev.gatehouse.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * Signing in starts a new session with nothing of the one before: its creation time is the sign-in, so
 * the idle and absolute limits count from there, and no attribute a visitor could have planted carries
 * over. Only the page the person asked for before signing in is kept, for the request, to send them there.
 */
final class FreshSessionAtSignIn implements SessionAuthenticationStrategy {

    private static final String RETURN_TO = FreshSessionAtSignIn.class.getName() + ".returnTo";

    private final RequestCache requests = new HttpSessionRequestCache();

    @Override
    public void onAuthentication(Authentication authentication, HttpServletRequest request,
                                 HttpServletResponse response) {
        SavedRequest saved = requests.getRequest(request, response);
        if (saved != null) {
            request.setAttribute(RETURN_TO, saved.getRedirectUrl());
        }
        HttpSession before = request.getSession(false);
        if (before != null) {
            before.invalidate();
        }
        request.getSession(true);
    }

    /** Where to go after sign-in: the page asked for before it, else the start page. */
    String returnTo(HttpServletRequest request) {
        Object saved = request.getAttribute(RETURN_TO);
        return saved instanceof String url ? url : request.getContextPath() + "/";
    }
}
