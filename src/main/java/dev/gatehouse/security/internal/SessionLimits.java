package dev.gatehouse.security.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import dev.gatehouse.security.GatehouseUser;

/**
 * Ends a signed-in session that is past its absolute lifetime, or began before an admin signed the
 * person out everywhere, and keeps every signed-in session to the idle timeout. The session is
 * invalidated before the request goes on, so it is treated like any expired session: pages go to the
 * sign-in page. A session's creation is its sign-in: signing in always starts a new session.
 */
class SessionLimits extends OncePerRequestFilter {

    static final String LIFETIME = "Session lifetime reached";
    static final String SIGNED_OUT_EVERYWHERE = "Signed out everywhere by an admin";

    private final SessionRevocationRepository revocations;
    private final SignInRecorder recorder;
    private final Duration idleTimeout;
    private final Duration lifetime;
    private final Clock clock;

    SessionLimits(SessionRevocationRepository revocations, SignInRecorder recorder, SecurityProperties.Session limits,
                  Clock clock) {
        this.revocations = revocations;
        this.recorder = recorder;
        this.idleTimeout = limits.idleTimeout();
        this.lifetime = limits.absoluteLifetime();
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && authentication != null && authentication.getPrincipal() instanceof GatehouseUser user) {
            Optional<String> reason = reasonToEnd(user, Instant.ofEpochMilli(session.getCreationTime()));
            if (reason.isPresent()) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                recorder.sessionEnded(user, reason.get(), request);
            } else {
                session.setMaxInactiveInterval((int) idleTimeout.toSeconds());
            }
        }
        chain.doFilter(request, response);
    }

    Optional<String> reasonToEnd(GatehouseUser user, Instant signedIn) {
        if (!signedIn.plus(lifetime).isAfter(clock.instant())) {
            return Optional.of(LIFETIME);
        }
        return revocations.revokedAt(user.subject()).filter(signedIn::isBefore).map(at -> SIGNED_OUT_EVERYWHERE);
    }
}
