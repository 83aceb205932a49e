package dev.gatehouse.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

import dev.gatehouse.TestUsers;
import dev.gatehouse.security.GatehouseUser;

/** Who may read the directory and start a sync. */
@SpringBootTest
class DirectoryTest {

    @Autowired
    private Directory directory;
    @Autowired
    private DirectorySync sync;

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void auditors_and_admins_may_read_the_directory_and_its_sync_history() {
        for (GatehouseUser user : List.of(TestUsers.AUDITOR, TestUsers.ADMIN)) {
            TestUsers.signIn(user);
            assertThat(directory.accounts(DirectoryPage.first(5))).isNotNull();
            assertThat(sync.history(DirectoryPage.first(5))).isNotNull();
        }
    }

    @Test
    void a_requester_may_not_read_the_directory() {
        TestUsers.signIn(TestUsers.REQUESTER);

        assertThatThrownBy(() -> directory.users(DirectoryPage.first(5)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sync.latest()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_sync_an_admin_starts_is_recorded_under_their_display_name() {
        TestUsers.signIn(TestUsers.ADMIN);
        Instant before = Instant.now();

        await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(sync::syncNow);
        await().pollInSameThread().atMost(Duration.ofSeconds(60)).until(() -> sync.latest()
                .filter(run -> run.trigger() == SyncTrigger.MANUAL && !run.startedAt().isBefore(before)
                        && run.finishedAt().isPresent()).isPresent());

        assertThat(sync.latest().orElseThrow().requestedBy()).isEqualTo("Morgan Reyes");
    }

    @Test
    void only_an_admin_may_start_a_sync() {
        TestUsers.signIn(TestUsers.AUDITOR);

        assertThatThrownBy(() -> sync.syncNow()).isInstanceOf(AccessDeniedException.class);
    }
}
