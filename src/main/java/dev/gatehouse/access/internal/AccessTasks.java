package dev.gatehouse.access.internal;

import java.util.UUID;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import dev.gatehouse.shared.BackgroundRetry;

/**
 * The time-driven steps of access as db-scheduler tasks, so each runs once across all nodes and
 * survives restarts: a grant's start and end (instance id = grant id), a write a decision asked for
 * (instance id = decision id plus a run of its own, as a waiting removal is woken again), expiring
 * requests nobody decided in time, and warning holders whose access ends soon. A step that fails is tried again,
 * sooner at first, at most every five minutes ({@link BackgroundRetry#soon()}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessProperties.class)
class AccessTasks {

    static final String GRANT_START = "grant-start";
    static final String GRANT_END = "grant-end";
    /** Separates the grant id from the time in the id of an end task for an early end: "42-early-1763...". */
    static final String EARLY = "-early-";
    static final String DECIDED_WRITE = "decided-assignment-write";
    /** Ends the decision id in the id of a decided write's task; each wake-up is an instance of its own. */
    private static final String RUN = "@run-";

    static String decidedWriteId(String decisionId) {
        return decisionId + RUN + UUID.randomUUID();
    }

    @Bean
    OneTimeTask<Void> grantStart(GrantLedger ledger) {
        return Tasks.oneTime(GRANT_START).onFailure(BackgroundRetry.soon())
                .execute((instance, context) -> ledger.start(Long.parseLong(instance.getId())));
    }

    @Bean
    OneTimeTask<Void> grantEnd(GrantLedger ledger) {
        return Tasks.oneTime(GRANT_END).onFailure(BackgroundRetry.soon())
                .execute((instance, context) -> ledger.end(Long.parseLong(instance.getId().split(EARLY)[0])));
    }

    @Bean
    OneTimeTask<Void> decidedAssignmentWrite(DecidedWrites writes) {
        return Tasks.oneTime(DECIDED_WRITE).onFailure(BackgroundRetry.soon())
                .execute((instance, context) -> writes.apply(
                        instance.getId().substring(0, instance.getId().lastIndexOf(RUN))));
    }

    @Bean
    RecurringTask<Void> pendingRequestTimeouts(RequestTimeouts timeouts, AccessProperties settings) {
        return Tasks.recurring("access-request-timeouts", FixedDelay.of(settings.timeoutCheckInterval()))
                .execute((instance, context) -> timeouts.expireOverdue());
    }

    @Bean
    RecurringTask<Void> endingSoonCheck(EndingSoonWarnings warnings, AccessProperties settings) {
        return Tasks.recurring("access-ending-soon", FixedDelay.of(settings.endingSoonCheckInterval()))
                .execute((instance, context) -> warnings.warnDue());
    }
}
