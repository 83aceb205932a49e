package dev.gatehouse.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.gatehouse.security.internal.SecurityProperties;
import dev.gatehouse.security.internal.SessionRevocationRepository;

/**
 * Admins end every Gatehouse session of a person of the directory, on all nodes, and see whom they
 * signed out.
 */
@Service
@AdminOnly
public class SessionControl {

    static final int MOST_PEOPLE = 50;

    private final SessionRevocationRepository revocations;
    private final PeopleDirectory people;
    private final SecurityProperties properties;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SessionControl(SessionRevocationRepository revocations, PeopleDirectory people, SecurityProperties properties,
                   CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.revocations = revocations;
        this.people = people;
        this.properties = properties;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** People of the directory whose name, user name or email contains the text, to pick whom to sign out. */
    @Transactional(readOnly = true)
    public List<DirectoryPerson> people(String text, int limit) {
        return people.find(text, Math.min(limit, MOST_PEOPLE));
    }

    /**
     * Ends every session the person began until now; they must sign in again, and the sign-in page tells
     * them who signed them out and when. Takes effect on every node within a few seconds.
     *
     * @param signInName the person's Identity Store userName or email
     * @throws IllegalArgumentException when no person of the directory has that name
     */
    @Transactional
    public DirectoryPerson signOutEverywhere(String signInName) {
        String name = signInName == null ? "" : signInName.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Choose the person to sign out.");
        }
        if (name.length() > 200) {
            throw new IllegalArgumentException("Nobody in the directory signs in under so long a name. Choose a "
                    + "person from the list.");
        }
        DirectoryPerson person = people.bySignInName(name).orElseThrow(() -> new IllegalArgumentException(
                "Nobody in the directory signs in as \"" + name + "\". Choose a person from the list."));
        String who = properties.directoryUserName(person).toLowerCase();
        if (who.isEmpty()) {
            throw new IllegalArgumentException(person.displayName() + " has no email address in the directory, so "
                    + "cannot sign in to Gatehouse.");
        }
        String by = currentUser.require().displayName();
        revocations.revoke(who, by, clock.instant());
        events.publishEvent(new SignedOutEverywhere(who, by, clock.instant()));
        return person;
    }

    /** The latest sign-outs, newest first. */
    @Transactional(readOnly = true)
    public List<SessionRevocation> latest(int limit) {
        return revocations.latest(limit);
    }

    /** A session nobody used for this long ends. */
    public Duration idleTimeout() {
        return properties.session().idleTimeout();
    }

    /** A session ends this long after sign-in, however busy. */
    public Duration absoluteLifetime() {
        return properties.session().absoluteLifetime();
    }
}
