package dev.gatehouse.directory.internal;

import static dev.gatehouse.db.Tables.DIRECTORY_ASSIGNMENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import dev.gatehouse.aws.AccountAssignment;
import dev.gatehouse.directory.AssignmentWrittenByGatehouse;
import dev.gatehouse.directory.PrincipalType;

/**
 * Gatehouse's own assignment writes in the mirror: at once, and not undone by a sync or a refresh that
 * read Identity Center before them. A sync is played here as the job plays it, in one transaction: staging tables
 * filled with what it "read" (the mirror as it was at its start), then applied, with a write committed
 * by another transaction in between. Each test owns an account id no other test uses.
 */
@SpringBootTest
class AssignmentWriteMirrorTest {

    private static final String SET = "arn:aws:sso:::permissionSet/ssoins-test/ps-mirror";

    @Autowired
    private ApplicationEventPublisher events;
    @Autowired
    private MirrorRepository mirror;
    @Autowired
    private RefreshRepository refresh;
    @Autowired
    private TransactionTemplate transaction;
    @Autowired
    private DSLContext db;

    private String account;

    @BeforeEach
    void anAccountOfItsOwn() {
        account = "M" + UUID.randomUUID().toString().substring(0, 11);
    }

    @Test
    void a_removal_gatehouse_made_leaves_the_mirror_at_once() {
        mirrored("u-ada");

        written("u-ada", false);

        assertThat(inMirror("u-ada")).isFalse();
    }

    @Test
    void an_assignment_gatehouse_created_joins_the_mirror_unseen_and_the_next_sync_gives_it_its_first_sighting() {
        written("u-bo", true);
        assertThat(inMirror("u-bo")).isTrue();
        assertThat(firstSeen("u-bo")).as("not yet seen by a sync").isEmpty();

        sync(() -> { });

        OffsetDateTime first = firstSeen("u-bo").orElseThrow();
        sync(() -> { });
        assertThat(firstSeen("u-bo")).as("a later sync keeps it").contains(first);
    }

    @Test
    void a_sync_that_read_identity_center_before_a_removal_does_not_bring_the_assignment_back() {
        mirrored("u-cy");

        sync(() -> inAnotherTransaction(() -> written("u-cy", false)));

        assertThat(inMirror("u-cy")).isFalse();
        sync(() -> { }, "u-cy");
        assertThat(inMirror("u-cy")).as("a sync begun after the removal believes Identity Center again").isTrue();
    }

    @Test
    void a_sync_that_read_identity_center_before_a_creation_does_not_take_the_assignment_away() {
        sync(() -> inAnotherTransaction(() -> written("u-di", true)));

        assertThat(inMirror("u-di")).isTrue();
        assertThat(firstSeen("u-di")).as("unseen").isEmpty();
    }

    @Test
    void a_refresh_that_read_identity_center_before_a_removal_does_not_bring_the_assignment_back() {
        mirrored("u-ed");

        transaction.executeWithoutResult(status -> {
            OffsetDateTime readFrom = refresh.now();
            List<AccountAssignment> read = List.of(new AccountAssignment(account, SET, "USER", "u-ed"),
                    new AccountAssignment(account, SET, "USER", "u-flo"));
            inAnotherTransaction(() -> written("u-ed", false));
            refresh.replaceAccountAccess(account, List.of(SET), read, readFrom);
        });

        assertThat(inMirror("u-ed")).isFalse();
        assertThat(inMirror("u-flo")).as("what the refresh read otherwise").isTrue();
        assertThat(firstSeen("u-flo")).isPresent();
    }

    /** A row a sync put in the mirror. */
    private void mirrored(String userId) {
        db.insertInto(DIRECTORY_ASSIGNMENT, DIRECTORY_ASSIGNMENT.ACCOUNT_ID, DIRECTORY_ASSIGNMENT.PERMISSION_SET_ARN,
                DIRECTORY_ASSIGNMENT.PRINCIPAL_TYPE, DIRECTORY_ASSIGNMENT.PRINCIPAL_ID)
                .values(account, SET, "USER", userId).execute();
    }

    /** As the access ledger publishes it, in the transaction that records AWS's SUCCEEDED. */
    private void written(String userId, boolean created) {
        transaction.executeWithoutResult(status -> events.publishEvent(
                new AssignmentWrittenByGatehouse(account, SET, PrincipalType.USER, userId, created)));
    }

    /**
     * A full sync that reads the mirror, and the test's own account's assignments to these users, as
     * Identity Center's state at its start, lets {@code meanwhile} happen after the read, and then applies.
     */
    private void sync(Runnable meanwhile, String... alsoAssignedTo) {
        transaction.executeWithoutResult(status -> {
            mirror.createStaging();
            for (MirrorRepository.MirrorTable table : MirrorRepository.ALL) {
                String columns = String.join(", ", table.columns());
                db.execute("insert into " + table.staging() + " (" + columns + ") select " + columns + " from "
                        + table.name());
            }
            for (String userId : alsoAssignedTo) {
                db.execute("insert into " + MirrorRepository.ASSIGNMENTS.staging() + " (account_id, "
                        + "permission_set_arn, principal_type, principal_id) values (?, ?, 'USER', ?)", account, SET,
                        userId);
            }
            meanwhile.run();
            mirror.apply();
        });
    }

    private static void inAnotherTransaction(Runnable work) {
        CompletableFuture.runAsync(work).join();
    }

    private boolean inMirror(String userId) {
        return db.fetchExists(DIRECTORY_ASSIGNMENT, assignment(userId));
    }

    /** Empty while no sync has seen the assignment. */
    private Optional<OffsetDateTime> firstSeen(String userId) {
        return db.select(DIRECTORY_ASSIGNMENT.FIRST_SEEN).from(DIRECTORY_ASSIGNMENT).where(assignment(userId))
                .fetchOptional(DIRECTORY_ASSIGNMENT.FIRST_SEEN);
    }

    private Condition assignment(String userId) {
        return DSL.and(DIRECTORY_ASSIGNMENT.ACCOUNT_ID.eq(account), DIRECTORY_ASSIGNMENT.PERMISSION_SET_ARN.eq(SET),
                DIRECTORY_ASSIGNMENT.PRINCIPAL_TYPE.eq("USER"), DIRECTORY_ASSIGNMENT.PRINCIPAL_ID.eq(userId));
    }
}
