package dev.gatehouse.directory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import dev.gatehouse.directory.internal.DirectoryRefresher;
import dev.gatehouse.directory.internal.DirectorySyncJob;
import dev.gatehouse.directory.internal.SyncRunRepository;
import dev.gatehouse.security.AdminOnly;
import dev.gatehouse.security.AdminOrAuditor;
import dev.gatehouse.security.CurrentUser;

/** Starting a sync and reading the sync history. */
@Service
public class DirectorySync {

    private final SchedulerClient scheduler;
    private final OneTimeTask<String> syncNowTask;
    private final SyncRunRepository runs;
    private final DirectorySyncJob job;
    private final DirectoryRefresher refresher;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    DirectorySync(SchedulerClient scheduler, OneTimeTask<String> directorySyncNow, SyncRunRepository runs,
                  DirectorySyncJob job, DirectoryRefresher refresher, CurrentUser currentUser, Clock clock,
                  ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.scheduler = scheduler;
        this.syncNowTask = directorySyncNow;
        this.runs = runs;
        this.job = job;
        this.refresher = refresher;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Asks for a sync as soon as a node is free; it runs on whichever node picks it up, once.
     *
     * @return false when a sync is already running, so none was requested
     */
    @AdminOnly
    public boolean syncNow() {
        if (job.isRunning()) {
            return false;
        }
        scheduler.scheduleIfNotExists(syncNowTask.instance("manual-" + UUID.randomUUID(),
                currentUser.require().displayName()), clock.instant());
        return true;
    }

    /** Reads one account's assignments from Identity Center now, without a full sync. */
    @AdminOnly
    public String refreshAccount(String accountId) {
        int assignments = refresher.refreshAccount(accountId);
        return refreshed("account " + accountId, "Refreshed from Identity Center: " + assignments
                + " assignments on this account.");
    }

    /** Reads one person from Identity Center now; removed there means removed here. */
    @AdminOnly
    public String refreshUser(String userId) {
        return refreshed("person " + userId, refresher.refreshUser(userId)
                .map(user -> "Refreshed " + user.displayName() + " from Identity Center.")
                .orElse("This person no longer exists in Identity Center and was removed from the directory."));
    }

    /** The refresh changed the mirror: the audit trail records it. @return the outcome */
    private String refreshed(String subject, String outcome) {
        String by = currentUser.require().displayName();
        transaction.executeWithoutResult(status -> events.publishEvent(new DirectoryRefreshed(by, subject, outcome,
                clock.instant())));
        return outcome;
    }

    @Transactional(readOnly = true)
    @AdminOrAuditor
    public Optional<SyncRun> latest() {
        return runs.page(DirectoryPage.first(1)).stream().findFirst();
    }

    /** Runs newest first, or oldest first when sorted ascending by {@link DirectorySort#STARTED}. */
    @Transactional(readOnly = true)
    @AdminOrAuditor
    public List<SyncRun> history(DirectoryPage page) {
        return runs.page(page);
    }
}
