package dev.gatehouse.directory.internal;

import static dev.gatehouse.db.Tables.DIRECTORY_ACCOUNT;
import static dev.gatehouse.db.Tables.DIRECTORY_ASSIGNMENT;
import static dev.gatehouse.db.Tables.DIRECTORY_GROUP_MEMBER;
import static dev.gatehouse.db.Tables.DIRECTORY_OU;
import static dev.gatehouse.db.Tables.DIRECTORY_PERMISSION_SET;
import static dev.gatehouse.db.Tables.DIRECTORY_USER;
import static org.assertj.core.api.Assertions.assertThat;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import dev.gatehouse.directory.DirectorySynced;
import dev.gatehouse.directory.SyncRun;
import dev.gatehouse.directory.SyncStatus;
import dev.gatehouse.directory.SyncTrigger;
import dev.gatehouse.sandbox.Sandbox;
import dev.gatehouse.sandbox.SandboxOrganization;
import dev.gatehouse.sandbox.SandboxSettings;

/** The sync against the demo sandbox: an exact mirror, idempotent reruns, deletions, and failures that change nothing. */
@SpringBootTest
@RecordApplicationEvents
class DirectorySyncJobTest {

    @Autowired
    private ApplicationEvents events;

    @Autowired
    private DirectorySyncJob job;
    @Autowired
    private Sandbox sandbox;
    @Autowired
    private DSLContext db;

    @AfterEach
    void behaveAgain() {
        sandbox.settings(SandboxSettings.UNLIMITED);
    }

    @Test
    void a_sync_mirrors_the_organization_exactly_and_records_the_run() {
        SyncRun run = job.run(SyncTrigger.MANUAL, "morgan.reyes").orElseThrow();

        SandboxOrganization org = sandbox.organization();
        assertThat(run.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(db.fetchCount(DIRECTORY_ACCOUNT)).isEqualTo(org.accountCount());
        assertThat(db.fetchCount(DIRECTORY_OU)).isEqualTo(org.units().size());
        assertThat(db.fetchCount(DIRECTORY_USER)).isEqualTo(org.userCount());
        assertThat(db.fetchCount(DIRECTORY_GROUP_MEMBER)).isEqualTo(
                (int) org.memberships().stream().map(m -> m.groupId() + m.userId()).distinct().count());
        assertThat(db.fetchCount(DIRECTORY_PERMISSION_SET)).isEqualTo(org.permissionSets().size());
        assertThat(db.fetchCount(DIRECTORY_ASSIGNMENT)).isEqualTo(org.assignmentCount());
        assertThat(run.counts().accounts()).isEqualTo(org.accountCount());
        assertThat(run.requestedBy()).isEqualTo("morgan.reyes");
        assertThat(run.apiCalls()).contains("ListAccountsForParent=").contains("ListAccountAssignments=");
        assertThat(db.select(DIRECTORY_USER.MANAGER_ID).from(DIRECTORY_USER)
                .where(DIRECTORY_USER.USER_NAME.eq("riley.chen")).fetchOne(DIRECTORY_USER.MANAGER_ID))
                .isEqualTo(db.select(DIRECTORY_USER.ID).from(DIRECTORY_USER)
                        .where(DIRECTORY_USER.USER_NAME.eq("avery.patel")).fetchOne(DIRECTORY_USER.ID));
        assertThat(db.select(DIRECTORY_ACCOUNT.OU_PATH).from(DIRECTORY_ACCOUNT)
                .where(DIRECTORY_ACCOUNT.NAME.eq("management")).fetchOne(DIRECTORY_ACCOUNT.OU_PATH)).isEqualTo("Root");
    }

    @Test
    void a_second_sync_of_an_unchanged_organization_changes_nothing() {
        job.run(SyncTrigger.MANUAL, null);

        SyncRun again = job.run(SyncTrigger.SCHEDULE, null).orElseThrow();

        assertThat(again.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(again.added() + again.changed() + again.removed()).isZero();
    }

    @Test
    void a_user_deleted_in_identity_center_disappears_with_their_memberships_and_assignments() {
        job.run(SyncTrigger.MANUAL, null);
        SandboxOrganization.User leaver = sandbox.organization().users().get(20);
        sandbox.organization().removeUser(leaver.id());

        SyncRun run = job.run(SyncTrigger.MANUAL, null).orElseThrow();

        assertThat(run.removed()).isPositive();
        assertThat(events.stream(DirectorySynced.class).reduce((first, last) -> last).orElseThrow().changesByKind())
                .as("what the audit trail records of it").contains("user -1");
        assertThat(db.fetchExists(DIRECTORY_USER, DIRECTORY_USER.ID.eq(leaver.id()))).isFalse();
        assertThat(db.fetchExists(DIRECTORY_GROUP_MEMBER, DIRECTORY_GROUP_MEMBER.USER_ID.eq(leaver.id()))).isFalse();
        assertThat(db.fetchExists(DIRECTORY_ASSIGNMENT, DIRECTORY_ASSIGNMENT.PRINCIPAL_ID.eq(leaver.id()))).isFalse();
    }

    @Test
    void throttling_server_errors_and_empty_pages_still_give_an_exact_mirror() {
        job.run(SyncTrigger.MANUAL, null);
        // 10 attempts per call: 20% failures leave a whole sync a one-in-a-million chance of giving up.
        sandbox.settings(SandboxSettings.UNLIMITED.withFaults(0.15, 0.05, 0.3));

        SyncRun run = job.run(SyncTrigger.MANUAL, null).orElseThrow();

        assertThat(run.status()).isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(run.added() + run.changed() + run.removed()).as("nothing differs from the clean sync").isZero();
        assertThat(db.fetchCount(DIRECTORY_ASSIGNMENT)).isEqualTo(sandbox.organization().assignmentCount());
    }

    @Test
    void a_failed_sync_leaves_the_last_complete_state_and_says_why() {
        job.run(SyncTrigger.MANUAL, null);
        int users = db.fetchCount(DIRECTORY_USER);
        sandbox.organization().removeUser(sandbox.organization().users().get(30).id());
        sandbox.settings(SandboxSettings.UNLIMITED.withFaults(0, 1, 0));

        SyncRun run = job.run(SyncTrigger.MANUAL, null).orElseThrow();

        assertThat(run.status()).isEqualTo(SyncStatus.FAILED);
        assertThat(run.error()).contains("failed after");
        assertThat(db.fetchCount(DIRECTORY_USER)).isEqualTo(users);
    }
}
