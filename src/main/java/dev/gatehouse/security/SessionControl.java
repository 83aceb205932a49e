package dev.gatehouse.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.gatehouse.security.internal.SessionRevocationRepository;

/** Admins end every Gatehouse session of a person, on all nodes, and see whom they signed out. */
@Service
@AdminOnly
public class SessionControl {

    private final SessionRevocationRepository revocations;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration absoluteLifetime;

    SessionControl(SessionRevocationRepository revocations, CurrentUser currentUser, ApplicationEventPublisher events,
                   Clock clock, @Value("${gatehouse.security.session.idle-timeout:30m}") Duration idleTimeout,
                   @Value("${gatehouse.security.session.absolute-lifetime:12h}") Duration absoluteLifetime) {
        this.revocations = revocations;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.absoluteLifetime = absoluteLifetime;
    }

    /**
     * Ends every session the person began until now; they must sign in again. Takes effect on every node
     * within a few seconds.
     *
     * @param subject the person's sign-in name, as the identity provider sends it
     */
    @Transactional
    public void signOutEverywhere(String subject) {
        String who = subject == null ? "" : subject.strip();
        if (who.isEmpty() || who.length() > 200) {
            throw new IllegalArgumentException("Give the person's sign-in name, such as riley.chen.");
        }
        String by = currentUser.require().displayName();
        revocations.revoke(who, by, clock.instant());
        events.publishEvent(new SignedOutEverywhere(who.toLowerCase(), by, clock.instant()));
    }

    /** The latest sign-outs, newest first. */
    @Transactional(readOnly = true)
    public List<SessionRevocation> latest(int limit) {
        return revocations.latest(limit);
    }

    /** A session nobody used for this long ends. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** A session ends this long after sign-in, however busy. */
    public Duration absoluteLifetime() {
        return absoluteLifetime;
    }
}
