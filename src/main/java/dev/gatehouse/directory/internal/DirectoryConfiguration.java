package dev.gatehouse.directory.internal;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import dev.gatehouse.directory.SyncTrigger;

/**
 * The sync as db-scheduler tasks, so each runs once across all nodes: on a schedule, on an admin's
 * request (the task data is who asked), and once at start-up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DirectoryProperties.class)
class DirectoryConfiguration {

    static final String STARTUP = "startup";

    @Bean
    @ConditionalOnProperty(name = "gatehouse.directory.scheduled-sync", havingValue = "true", matchIfMissing = true)
    RecurringTask<Void> scheduledDirectorySync(DirectorySyncJob job, DirectoryProperties settings) {
        return Tasks.recurring("directory-sync", FixedDelay.of(settings.syncInterval()))
                .execute((instance, context) -> job.run(SyncTrigger.SCHEDULE, null));
    }

    @Bean
    OneTimeTask<String> directorySyncNow(DirectorySyncJob job) {
        return Tasks.oneTime("directory-sync-now", String.class)
                .execute((instance, context) -> job.run(
                        instance.getId().equals(STARTUP) ? SyncTrigger.STARTUP : SyncTrigger.MANUAL,
                        instance.getData()));
    }

    @Bean
    StartupSync startupSync(SchedulerClient scheduler, OneTimeTask<String> directorySyncNow, DirectorySyncJob job,
                            Clock clock, DirectoryProperties settings) {
        return new StartupSync(scheduler, directorySyncNow, job, clock, settings.syncOnStartup());
    }

    /** Clears runs a stopped node left behind, then asks for one sync (nodes starting together ask once). */
    static final class StartupSync {
        private final SchedulerClient scheduler;
        private final OneTimeTask<String> task;
        private final DirectorySyncJob job;
        private final Clock clock;
        private final boolean enabled;

        StartupSync(SchedulerClient scheduler, OneTimeTask<String> task, DirectorySyncJob job, Clock clock,
                    boolean enabled) {
            this.scheduler = scheduler;
            this.task = task;
            this.job = job;
            this.clock = clock;
            this.enabled = enabled;
        }

        @EventListener(ApplicationReadyEvent.class)
        void onStart() {
            boolean running = job.isRunning();
            if (enabled && !running) {
                scheduler.scheduleIfNotExists(task.instance(STARTUP, "Gatehouse start-up"), clock.instant());
            }
        }
    }
}
