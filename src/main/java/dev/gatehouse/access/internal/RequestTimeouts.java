package dev.gatehouse.access.internal;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.gatehouse.access.RequestStatus;
import dev.gatehouse.shared.DueItems;
import dev.gatehouse.shared.SystemActor;

/** Expires requests nobody decided before their rule's pending timeout; the requester is told through the event. */
@Component
class RequestTimeouts {

    private final RequestRepository requests;
    private final DueItems due;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RequestTimeouts(RequestRepository requests, DueItems due, ApplicationEventPublisher events, Clock clock) {
        this.requests = requests;
        this.due = due;
        this.events = events;
        this.clock = clock;
    }

    /** @return how many requests expired */
    int expireOverdue() {
        return due.each("overdue request", requests.overdue(clock.instant(), 500), id -> requests.lock(id)
                .filter(r -> r.status() == RequestStatus.PENDING && !r.pendingUntil().isAfter(clock.instant()))
                .map(r -> {
                    requests.finish(id, RequestStatus.EXPIRED, SystemActor.NAME, "No decision in time",
                            clock.instant());
                    events.publishEvent(r.decided(RequestStatus.EXPIRED, SystemActor.NAME,
                            "No decision in time", clock.instant()));
                    return true;
                }).orElse(false)).done();
    }
}
