package dev.gatehouse.access;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.gatehouse.access.internal.RequestRepository;
import dev.gatehouse.security.AdminOnly;
import dev.gatehouse.security.AdminOrAuditor;
import dev.gatehouse.security.CurrentUser;

/**
 * Break-glass activations after the fact: an admin looks into each one and records what they found,
 * which ends its place on Active access and in the navigation count.
 */
@Service
public class BreakGlassFollowUps {

    private final RequestRepository requests;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BreakGlassFollowUps(RequestRepository requests, CurrentUser currentUser, ApplicationEventPublisher events,
                        Clock clock) {
        this.requests = requests;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** Activations nobody has followed up yet, newest first. */
    @Transactional(readOnly = true)
    @AdminOrAuditor
    public List<RequestSummary> waiting(int offset, int limit) {
        return requests.breakGlassToFollowUp(offset, limit);
    }

    /** The activation, while nobody has followed it up (an access review follows one up as a decision). */
    @Transactional(readOnly = true)
    @AdminOrAuditor
    public Optional<RequestSummary> waiting(long requestId) {
        return requests.breakGlassToFollowUp(requestId);
    }

    @Transactional(readOnly = true)
    @AdminOnly
    public int waitingCount() {
        return requests.breakGlassToFollowUpCount();
    }

    /** An admin records that the activation was looked into, and what they found. */
    @Transactional
    @AdminOnly
    public void record(long requestId, String note) {
        String finding = note == null ? "" : note.strip();
        if (finding.length() < 5 || finding.length() > 1000) {
            throw new AccessProblem("note", "Say what the follow-up found (5 to 1,000 characters).");
        }
        String by = currentUser.require().displayName();
        if (!requests.followUp(requestId, by, finding, clock.instant())) {
            throw new AccessProblem("Nothing to follow up: this is not break-glass access, or it was "
                + "followed up already.");
        }
        events.publishEvent(new BreakGlassFollowedUp(requestId, by, finding, clock.instant()));
    }
}
