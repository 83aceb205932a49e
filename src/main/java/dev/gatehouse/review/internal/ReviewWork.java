package dev.gatehouse.review.internal;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

import dev.gatehouse.shared.DueTasks;

/**
 * Schedules the review tasks in the caller's transaction, to run as soon as it commits. A task instance
 * already scheduled is left as it is (db-scheduler refuses a second one with the same id).
 */
@Component
public class ReviewWork {

    /** Looked up when first used: the scheduler needs the tasks, and the tasks need this module's beans. */
    private final ObjectProvider<SchedulerClient> scheduler;
    private final ObjectProvider<DueTasks> dueTasks;
    private final Clock clock;

    ReviewWork(ObjectProvider<SchedulerClient> scheduler, ObjectProvider<DueTasks> dueTasks, Clock clock) {
        this.scheduler = scheduler;
        this.dueTasks = dueTasks;
        this.clock = clock;
    }

    public void launchNow(long campaignId) {
        schedule(ReviewTasks.LAUNCH, campaignId);
    }

    public void applyNow(long itemId) {
        schedule(ReviewTasks.APPLY, itemId);
    }

    public void removeMembershipNow(long itemId) {
        schedule(ReviewTasks.REMOVE_MEMBERSHIP, itemId);
    }

    public void closeNow(long campaignId) {
        schedule(ReviewTasks.CLOSE, campaignId);
    }

    private void schedule(String task, long id) {
        scheduler.getObject().scheduleIfNotExists(new TaskInstance<Void>(task, String.valueOf(id)), clock.instant());
        dueTasks.getObject().runAfterCommit();
    }
}
