package dev.gatehouse.access.internal;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.gatehouse.access.RequestStatus;
import dev.gatehouse.shared.SystemActor;

/** Expires requests nobody decided before their rule's pending timeout; the requester is told through the event. */
@Component
class RequestTimeouts {

    private final RequestRepository requests;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RequestTimeouts(RequestRepository requests, PlatformTransactionManager transactions,
                    ApplicationEventPublisher events, Clock clock) {
        this.requests = requests;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.clock = clock;
    }

    /** @return how many requests expired */
    int expireOverdue() {
        int expired = 0;
        for (long id : requests.overdue(clock.instant(), 500)) {
            Boolean done = transaction.execute(status -> requests.lock(id)
                    .filter(r -> r.status() == RequestStatus.PENDING && !r.pendingUntil().isAfter(clock.instant()))
                    .map(r -> {
                        requests.finish(id, RequestStatus.EXPIRED, SystemActor.NAME, "No decision in time",
                                clock.instant());
                        events.publishEvent(r.decided(RequestStatus.EXPIRED, SystemActor.NAME,
                                "No decision in time", clock.instant()));
                        return true;
                    }).orElse(false));
            expired += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return expired;
    }
}
