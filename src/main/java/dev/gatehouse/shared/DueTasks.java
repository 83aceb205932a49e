package dev.gatehouse.shared;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.kagkarlsson.scheduler.Scheduler;

/**
 * Starts tasks scheduled for now as soon as their transaction commits. The scheduler's own check runs
 * inside the transaction, before the new rows are visible, so they would otherwise wait for the next poll.
 */
@Component
public class DueTasks {

    private final Scheduler scheduler;

    DueTasks(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    public void runAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    scheduler.triggerCheckForDueExecutions();
                }
            });
        } else {
            scheduler.triggerCheckForDueExecutions();
        }
    }
}
