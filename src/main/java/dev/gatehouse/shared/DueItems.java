package dev.gatehouse.shared;

import java.util.Collection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works through the items a recurring task found due, each in a transaction of its own: one that fails
 * rolls back alone, is logged, and the others still happen; the task's next run meets it again.
 *
 * <p>A task that acts on due rows (expiring requests, ending-soon warnings; reminders, campaign
 * closes and rollouts to come) does three things:
 * <ol>
 *   <li>reads the ids of the due rows outside a transaction, with a limit (the next run takes the rest);</li>
 *   <li>hands them to {@link #each}, with a {@code kind} that names them in the log ("overdue request");</li>
 *   <li>in the work, locks the row, checks it is still due (another node or a person may have dealt with
 *       it since it was read), acts and publishes its events, and returns false when it was no longer
 *       due.</li>
 * </ol>
 * <pre>{@code
 * // a reminders task, as RequestTimeouts and EndingSoonWarnings do it
 * due.each("reminder", reminders.due(clock.instant(), 500), id -> reminders.lock(id)
 *         .filter(reminder -> reminder.isDue(clock.instant()))
 *         .map(reminder -> { send(reminder); return true; })
 *         .orElse(false));
 * }</pre>
 */
@Component
public class DueItems {

    private static final Logger log = LoggerFactory.getLogger(DueItems.class);

    private final TransactionTemplate transaction;

    DueItems(PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Runs the work for each item in its own transaction, in order, past any that fail.
     *
     * @param kind  what the items are, for the log
     * @param items what the task found due
     * @param work  acts on one item; true when it did, false when the item was no longer due
     * @return how many items were done, no longer due, and failed
     */
    public <I> Tally each(String kind, Collection<? extends I> items, Work<? super I> work) {
        int done = 0;
        int skipped = 0;
        int failed = 0;
        for (I item : items) {
            try {
                if (Boolean.TRUE.equals(transaction.execute(status -> work.act(item)))) {
                    done++;
                } else {
                    skipped++;
                }
            } catch (RuntimeException e) {
                failed++;
                log.warn("Could not handle {} {}; the next run tries it again", kind, item, e);
            }
        }
        Tally tally = new Tally(done, skipped, failed);
        if (failed > 0) {
            log.warn("{}: {}", kind, tally);
        } else if (done > 0) {
            log.info("{}: {}", kind, tally);
        }
        return tally;
    }

    /** What a task does with one due item, inside that item's transaction. */
    @FunctionalInterface
    public interface Work<I> {
        /** @return true when it acted on the item, false when the item was no longer due */
        boolean act(I item);
    }

    /** How one run went: items acted on, items no longer due, items whose transaction failed. */
    public record Tally(int done, int skipped, int failed) {

        @Override
        public String toString() {
            return done + " done, " + skipped + " no longer due, " + failed + " failed";
        }
    }
}
