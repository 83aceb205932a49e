package dev.gatehouse.audit.internal;

import java.time.LocalTime;
import java.time.ZoneOffset;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/** Retention runs once a day, at a quiet hour, on one node. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class AuditConfiguration {

    @Bean
    RecurringTask<Void> auditRetentionTask(AuditRetention retention) {
        return Tasks.recurring("audit-retention", retentionSchedule())
                .execute((instance, context) -> retention.removeExpired());
    }

    /** 03:30 UTC, as README says: without a zone db-scheduler would take the zone of the JVM that starts it. */
    static Schedule retentionSchedule() {
        return Schedules.daily(ZoneOffset.UTC, LocalTime.of(3, 30));
    }
}
