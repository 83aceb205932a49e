package dev.gatehouse.access.internal;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import dev.gatehouse.shared.DueTasks;

/** Turns an approved request into a grant and moves a grant's end, scheduling its start and end tasks. */
@Component
public class Granting {

    private final GrantRepository grants;
    private final Scheduler scheduler;
    private final OneTimeTask<Void> grantStart;
    private final OneTimeTask<Void> grantEnd;
    private final DueTasks dueTasks;
    private final Clock clock;

    Granting(GrantRepository grants, Scheduler scheduler, OneTimeTask<Void> grantStart,
             OneTimeTask<Void> grantEnd, DueTasks dueTasks, Clock clock) {
        this.grants = grants;
        this.scheduler = scheduler;
        this.grantStart = grantStart;
        this.grantEnd = grantEnd;
        this.dueTasks = dueTasks;
        this.clock = clock;
    }

    /** In the caller's transaction, so the tasks exist exactly when the grant does. */
    public long grant(StoredRequest request) {
        Instant now = clock.instant();
        Instant startsAt = request.startsAt().filter(now::isBefore).orElse(now);
        long id = grants.insert(request, startsAt, startsAt.plus(request.duration()));
        scheduler.schedule(grantStart.instance(String.valueOf(id)), startsAt);
        scheduler.schedule(grantEnd.instance(String.valueOf(id)), startsAt.plus(request.duration()));
        dueTasks.runAfterCommit();
        return id;
    }

    /**
     * Moves the end of an active grant later; its end task moves with it.
     *
     * @return false when the end task is already running, so the grant ends as planned
     */
    public boolean extend(long grantId, Instant newEnd) {
        if (!scheduler.reschedule(grantEnd.instance(String.valueOf(grantId)), newEnd)) {
            return false;
        }
        grants.extend(grantId, newEnd);
        return true;
    }

    /**
     * Ends the grant now, through an extra end task that starts at once; the one scheduled for the
     * original end then finds the grant over and does nothing.
     */
    public void endNow(long grantId, String endedBy, String reason) {
        Instant now = clock.instant();
        grants.endsAt(grantId, now, endedBy, reason);
        scheduler.schedule(grantEnd.instance(grantId + AccessTasks.EARLY + now.toEpochMilli()), now);
        dueTasks.runAfterCommit();
    }
}
