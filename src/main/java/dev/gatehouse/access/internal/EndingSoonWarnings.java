package dev.gatehouse.access.internal;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.gatehouse.access.GrantEndingSoon;
import dev.gatehouse.access.GrantStatus;

/** Tells holders their access ends soon, once per end: an extension moves the end and earns a new warning. */
@Component
class EndingSoonWarnings {

    private final GrantRepository grants;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EndingSoonWarnings(GrantRepository grants, PlatformTransactionManager transactions,
                       ApplicationEventPublisher events, Clock clock) {
        this.grants = grants;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.clock = clock;
    }

    /** @return how many holders were warned */
    int warnDue() {
        int warned = 0;
        for (long id : grants.endingSoon(clock.instant(), GrantEndingSoon.WARNING, 500)) {
            Boolean sent = transaction.execute(status -> grants.lock(id)
                    .filter(g -> g.status() == GrantStatus.ACTIVE)
                    .map(g -> {
                        grants.warnedEndingSoon(id, g.endsAt());
                        events.publishEvent(new GrantEndingSoon(id, g.requestId(), g.userId(), g.userName(),
                                g.accountId(), g.accountName(), g.permissionSetName(), g.endsAt(), clock.instant()));
                        return true;
                    }).orElse(false));
            warned += Boolean.TRUE.equals(sent) ? 1 : 0;
        }
        return warned;
    }
}
