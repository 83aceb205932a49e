package dev.gatehouse.security.internal;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.gatehouse.security.GatehouseUser;
import dev.gatehouse.security.SignInFailure;
import dev.gatehouse.security.SessionEnded;
import dev.gatehouse.security.SignInRejected;
import dev.gatehouse.security.SignedIn;
import dev.gatehouse.security.SignedOut;

/** Publishes sign-in events inside a transaction, so the event registry delivers each exactly once. */
@Component
public class SignInRecorder {

    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignInRecorder(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void signedIn(GatehouseUser user, HttpServletRequest request) {
        events.publishEvent(new SignedIn(user.subject(), user.displayName(), user.roleLabels(), user.method(),
                request.getRemoteAddr(), clock.instant()));
    }

    @Transactional
    public void signedOut(GatehouseUser user, HttpServletRequest request) {
        events.publishEvent(new SignedOut(user.subject(), user.displayName(), request.getRemoteAddr(), clock.instant()));
    }

    @Transactional
    public void sessionEnded(GatehouseUser user, String reason, HttpServletRequest request) {
        events.publishEvent(new SessionEnded(user.subject(), reason, request.getRemoteAddr(), clock.instant()));
    }

    @Transactional
    public void rejected(SignInFailure reason, String detail, HttpServletRequest request) {
        events.publishEvent(new SignInRejected(reason, detail, request.getRemoteAddr(), clock.instant()));
    }
}
