package dev.gatehouse.permissionset.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import dev.gatehouse.shared.BackgroundRetry;

/**
 * The task that applies one session-duration change (instance id = change id), once across nodes, and the
 * module's settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PermissionSetProperties.class)
class PermissionSetConfiguration {

    @Bean
    OneTimeTask<Void> sessionDurationChange(SessionChangeApplier applier) {
        return Tasks.oneTime("session-duration-change")
                .onFailure(BackgroundRetry.startingAt(Duration.ofSeconds(5)))
                .execute((instance, context) -> applier.apply(Long.parseLong(instance.getId())));
    }
}
