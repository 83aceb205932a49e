package dev.gatehouse.directory.internal;

import static dev.gatehouse.db.Tables.DIRECTORY_ASSIGNMENT;
import static dev.gatehouse.db.Tables.DIRECTORY_USER;
import static org.assertj.core.api.Assertions.assertThat;

import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.gatehouse.directory.DemoDirectory;
import dev.gatehouse.sandbox.Sandbox;
import dev.gatehouse.sandbox.SandboxOrganization;

/** Refreshing one account or one person between syncs. */
@SpringBootTest
class DirectoryRefresherTest {

    @Autowired
    private DirectoryRefresher refresher;
    @Autowired
    private DirectorySyncJob job;
    @Autowired
    private Sandbox sandbox;
    @Autowired
    private DSLContext db;

    @BeforeEach
    void synced() {
        DemoDirectory.ensureSynced(job);
    }

    @Test
    void an_assignment_made_in_identity_center_appears_when_its_account_is_refreshed() {
        SandboxOrganization org = sandbox.organization();
        SandboxOrganization.Account account = org.accounts().get(5);
        SandboxOrganization.User user = org.users().get(40);
        String set = org.permissionSets().get(0).arn();
        org.add(new SandboxOrganization.Assignment(account.id(), set, "USER", user.id()));

        int assignments = refresher.refreshAccount(account.id());

        assertThat(db.fetchExists(DIRECTORY_ASSIGNMENT, DIRECTORY_ASSIGNMENT.ACCOUNT_ID.eq(account.id())
                .and(DIRECTORY_ASSIGNMENT.PRINCIPAL_ID.eq(user.id())))).isTrue();
        assertThat(db.fetchCount(DIRECTORY_ASSIGNMENT, DIRECTORY_ASSIGNMENT.ACCOUNT_ID.eq(account.id())))
                .isEqualTo(assignments);
    }

    @Test
    void a_person_removed_from_identity_center_disappears_when_refreshed() {
        SandboxOrganization.User leaver = sandbox.organization().users().get(50);
        sandbox.organization().removeUser(leaver.id());

        assertThat(refresher.refreshUser(leaver.id())).isEmpty();

        assertThat(db.fetchExists(DIRECTORY_USER, DIRECTORY_USER.ID.eq(leaver.id()))).isFalse();
    }

    @Test
    void a_person_is_refreshed_with_their_groups() {
        SandboxOrganization.User riley = sandbox.organization().users().stream()
                .filter(u -> u.userName().equals("riley.chen")).findFirst().orElseThrow();

        assertThat(refresher.refreshUser(riley.id())).hasValueSatisfying(user -> {
            assertThat(user.displayName()).isEqualTo("Riley Chen");
            assertThat(user.managerId()).isNotNull();
        });
    }
}
