package dev.gatehouse.security.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import dev.gatehouse.security.GatehouseUser;
import dev.gatehouse.security.SessionEndNotice;
import dev.gatehouse.security.SessionRevocation;
import dev.gatehouse.shared.DurationText;
import dev.gatehouse.shared.TimeText;

/**
 * Ends a signed-in session that is past its absolute lifetime, or began before an admin signed the
 * person out everywhere, and keeps every signed-in session to the idle timeout. The session is
 * invalidated before the request goes on, so it is treated like any expired session: pages go to the
 * sign-in page, which says why from a {@link SessionEndNotice} left in a new session. A session's
 * creation is its sign-in: signing in always starts a new session.
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
            Optional<Ending> ending = ending(user, Instant.ofEpochMilli(session.getCreationTime()));
            if (ending.isPresent()) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                recorder.sessionEnded(user, ending.get().reason(), request);
                request.getSession(true).setAttribute(SessionEndNotice.ATTRIBUTE, ending.get().notice());
            } else {
                session.setMaxInactiveInterval((int) idleTimeout.toSeconds());
            }
        }
        chain.doFilter(request, response);
    }

    /** Why the session must end, for the audit trail and in the person's words, if it must. */
    private Optional<Ending> ending(GatehouseUser user, Instant signedIn) {
        if (!signedIn.plus(lifetime).isAfter(clock.instant())) {
            return Optional.of(new Ending(LIFETIME, new SessionEndNotice("Your session ended "
                    + DurationText.of(lifetime) + " after you signed in, as every Gatehouse session does. Sign in "
                    + "again to go on.")));
        }
        // Revoked under the directory's sign-in name; the subject also for revocations from before it was.
        return Stream.of(user.subject(), user.directoryUserName()).filter(name -> !name.isEmpty()).distinct()
                .flatMap(name -> revocations.revocation(name).stream())
                .filter(revocation -> signedIn.isBefore(revocation.at()))
                .max(Comparator.comparing(SessionRevocation::at))
                .map(revocation -> new Ending(SIGNED_OUT_EVERYWHERE, new SessionEndNotice(revocation.by()
                        + ", an admin, signed you out everywhere at " + TimeText.of(revocation.at())
                        + ". Sign in again to go on.")));
    }

    private record Ending(String reason, SessionEndNotice notice) {
    }
}
