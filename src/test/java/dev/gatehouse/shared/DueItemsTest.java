package dev.gatehouse.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class DueItemsTest {

    private final RecordingTransactions transactions = new RecordingTransactions();
    private final DueItems due = new DueItems(transactions);

    @Test
    void one_item_that_fails_does_not_keep_the_others_from_being_done() {
        List<Long> done = new ArrayList<>();

        DueItems.Tally tally = due.each("test item", List.of(1L, 2L, 3L), id -> {
            if (id == 2L) {
                throw new IllegalStateException("a bad row");
            }
            done.add(id);
            return true;
        });

        assertThat(done).containsExactly(1L, 3L);
        assertThat(tally).isEqualTo(new DueItems.Tally(2, 0, 1));
    }

    @Test
    void each_item_runs_in_a_transaction_of_its_own_and_only_the_failed_one_rolls_back() {
        List<Boolean> inTransaction = new ArrayList<>();

        due.each("test item", List.of(1L, 2L, 3L), id -> {
            inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
            if (id == 2L) {
                throw new IllegalStateException("a bad row");
            }
            return true;
        });

        assertThat(inTransaction).containsExactly(true, true, true);
        assertThat(transactions.outcomes).containsExactly("commit", "rollback", "commit");
    }

    @Test
    void an_item_that_is_no_longer_due_counts_apart_from_those_done() {
        DueItems.Tally tally = due.each("test item", List.of(1L, 2L), id -> id == 1L);

        assertThat(tally).isEqualTo(new DueItems.Tally(1, 1, 0));
        assertThat(tally).hasToString("1 done, 1 no longer due, 0 failed");
    }

    /** Begins nothing; records how each transaction ended. */
    private static final class RecordingTransactions extends AbstractPlatformTransactionManager {
        final List<String> outcomes = new ArrayList<>();

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            outcomes.add("commit");
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            outcomes.add("rollback");
        }
    }
}
