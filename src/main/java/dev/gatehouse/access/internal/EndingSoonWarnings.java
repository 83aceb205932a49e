package dev.gatehouse.access.internal;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.gatehouse.access.GrantEndingSoon;
import dev.gatehouse.access.GrantStatus;
import dev.gatehouse.shared.DueItems;

/** Tells holders their access ends soon, once per end: an extension moves the end and earns a new warning. */
@Component
class EndingSoonWarnings {

    private final GrantRepository grants;
    private final DueItems due;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EndingSoonWarnings(GrantRepository grants, DueItems due, ApplicationEventPublisher events, Clock clock) {
        this.grants = grants;
        this.due = due;
        this.events = events;
        this.clock = clock;
    }

    /** @return how many holders were warned */
    int warnDue() {
        return due.each("grant ending soon", grants.endingSoon(clock.instant(), GrantEndingSoon.WARNING, 500),
                id -> grants.lock(id)
                        .filter(g -> g.status() == GrantStatus.ACTIVE)
                        .map(g -> {
                            grants.warnedEndingSoon(id, g.endsAt());
                            events.publishEvent(new GrantEndingSoon(id, g.requestId(), g.userId(), g.userName(),
                                    g.accountId(), g.accountName(), g.permissionSetName(), g.endsAt(),
                                    clock.instant()));
                            return true;
                        }).orElse(false)).done();
    }
}
