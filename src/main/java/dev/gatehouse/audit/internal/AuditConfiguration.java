package dev.gatehouse.audit.internal;

import java.time.LocalTime;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/** Retention runs once a day, at a quiet hour, on one node. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class AuditConfiguration {

    @Bean
    RecurringTask<Void> auditRetentionTask(AuditRetention retention) {
        return Tasks.recurring("audit-retention", Schedules.daily(LocalTime.of(3, 30)))
                .execute((instance, context) -> retention.removeExpired());
    }
}
