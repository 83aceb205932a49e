package dev.gatehouse.review.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import dev.gatehouse.shared.BackgroundRetry;

/**
 * The background steps of reviews as db-scheduler tasks, so each runs once across nodes and survives a
 * restart: a campaign's launch (instance id = campaign id) and applying an item's revoke through the
 * access ledger (instance id = item id), removing a person from a group for a revoked GROUP item
 * (instance id = item id), the due-date policy on a closed campaign's undecided items (review-close,
 * instance id = campaign id), the check that closes campaigns whose due date came, and the check that
 * escalates overdue items and sends the day's reminders, and the check that creates and launches recurring
 * campaigns' next occurrences (review-recurrence). All are safe to run again and retry by the one
 * policy.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReviewProperties.class)
class ReviewTasks {

    static final String LAUNCH = "review-launch";
    static final String APPLY = "review-apply";
    static final String REMOVE_MEMBERSHIP = "review-membership-removal";
    static final String CLOSE = "review-close";

    @Bean
    OneTimeTask<Void> reviewClose(CampaignCloser closer) {
        return Tasks.oneTime(CLOSE).onFailure(BackgroundRetry.soon())
                .execute((instance, context) -> closer.applyPolicy(Long.parseLong(instance.getId())));
    }

    @Bean
    RecurringTask<Void> reviewDueDates(CampaignCloser closer, ReviewProperties settings) {
        return Tasks.recurring("review-due-dates", FixedDelay.of(settings.dueDateCheckInterval()))
                .execute((instance, context) -> closer.closeDue());
    }

    @Bean
    RecurringTask<Void> reviewReminders(CampaignReminders reminders, ReviewProperties settings) {
        return Tasks.recurring("review-reminders", FixedDelay.of(settings.reminderCheckInterval()))
                .execute((instance, context) -> reminders.checkAll());
    }

    @Bean
    RecurringTask<Void> reviewRecurrence(Occurrences occurrences, ReviewProperties settings) {
        return Tasks.recurring("review-recurrence", FixedDelay.of(settings.recurrenceCheckInterval()))
                .execute((instance, context) -> occurrences.createDue());
    }

    @Bean
    OneTimeTask<Void> reviewLaunch(CampaignLaunch launch) {
        return Tasks.oneTime(LAUNCH).onFailure(BackgroundRetry.soon())
                .execute((instance, context) -> launch.launch(Long.parseLong(instance.getId())));
    }

    @Bean
    OneTimeTask<Void> reviewApply(Revocations revocations) {
        return Tasks.oneTime(APPLY).onFailure(BackgroundRetry.soon())
                .execute((instance, context) -> revocations.apply(Long.parseLong(instance.getId())));
    }

    @Bean
    OneTimeTask<Void> reviewMembershipRemoval(MembershipRemovals removals) {
        return Tasks.oneTime(REMOVE_MEMBERSHIP).onFailure(BackgroundRetry.soon())
                .execute((instance, context) -> removals.remove(Long.parseLong(instance.getId())));
    }
}
