package dev.gatehouse.directory.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.GridKt._sortByHeader;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;

import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.SyncRun;
import dev.gatehouse.directory.SyncTrigger;
import dev.gatehouse.directory.internal.DirectorySyncJob;
import dev.gatehouse.sandbox.Sandbox;
import dev.gatehouse.sandbox.SandboxSettings;
import dev.gatehouse.ui.AccessDeniedView;

class DirectorySyncViewTest extends DirectoryViewTest {

    /** Slow enough that a demo sync takes several seconds, so the page can be watched while it runs. */
    private static final SandboxSettings SLOW = new SandboxSettings(0, 0, 0, Duration.ofMillis(50), 0, 1,
            Duration.ofMillis(50), 0);
    private static final String RUNNING = "Syncing since [-0-9]+ [:0-9]+ UTC: (Organization|Users|Groups|"
            + "Group memberships|Permission sets|Account assignments|Applying changes)… \\| Read so far: [1-9]\\d* "
            + "accounts in [1-9]\\d* OUs, .*";

    @Autowired
    private Sandbox sandbox;
    @Autowired
    private DirectorySyncJob job;

    @Test
    void a_sync_started_elsewhere_while_the_page_is_open_shows_its_phase_and_counts_and_then_its_outcome() {
        openAs(TestUsers.AUDITOR, "directory/sync");
        List<String> seen = new ArrayList<>();
        sandbox.settings(SLOW);
        try {
            // As the scheduled sync on another node: nothing on this page started it.
            CompletableFuture<Optional<SyncRun>> elsewhere = CompletableFuture.supplyAsync(
                    () -> job.run(SyncTrigger.SCHEDULE, null));
            while (!elsewhere.isDone()) {
                seen.add(card());
            }
            assertThat(elsewhere.join()).isPresent();
        } finally {
            sandbox.settings(SandboxSettings.AWS_LIMITS.withRateLimitScale(0));
        }
        String done = card();

        assertThat(seen.stream().filter(line -> line.matches(RUNNING)).distinct()).as("phase and counts moving")
                .hasSizeGreaterThan(1);
        assertThat(done).matches("Last sync succeeded at .* \\| Took .*; \\d+ added, \\d+ changed, \\d+ removed.*");
    }

    @Test
    void sync_now_follows_the_run_it_asked_for_to_its_outcome() {
        openAs(TestUsers.ADMIN, "directory/sync");
        List<String> seen = new ArrayList<>();
        sandbox.settings(SLOW);
        try {
            _click(_get(Button.class, spec -> spec.withText("Sync now")));
            Instant giveUp = Instant.now().plusSeconds(60);
            do {
                seen.add(card());
            } while (!seen.get(seen.size() - 1).startsWith("Last sync") && Instant.now().isBefore(giveUp));
        } finally {
            sandbox.settings(SandboxSettings.AWS_LIMITS.withRateLimitScale(0));
        }

        assertThat(seen.stream().filter(line -> line.matches(RUNNING)).distinct()).as("phase and counts moving")
                .hasSizeGreaterThan(1);
        assertThat(seen.get(seen.size() - 1)).startsWith("Last sync succeeded at ");
    }

    @Test
    void an_admin_sees_the_last_sync_its_history_and_can_sync_now() {
        openAs(TestUsers.ADMIN, "directory/sync");

        assertThat(_get(Paragraph.class, spec -> spec.withId("sync-status")).getText())
                .startsWith("Last sync succeeded at ");
        assertThat(_size(_get(Grid.class))).isPositive();
        assertThat(_find(Button.class, spec -> spec.withText("Sync now"))).hasSize(1);
    }

    @Test
    void an_auditor_sees_the_history_but_cannot_start_a_sync() {
        openAs(TestUsers.AUDITOR, "directory/sync");

        assertThat(_size(_get(Grid.class))).isPositive();
        assertThat(_find(Button.class, spec -> spec.withText("Sync now"))).isEmpty();
    }

    @Test
    void the_history_can_be_filtered_and_sorted_oldest_first() {
        openAs(TestUsers.AUDITOR, "directory/sync");
        Grid<?> grid = _get(Grid.class);
        TextField filter = _get(TextField.class, spec -> spec.withLabel("Filter runs"));

        _setValue(filter, "manual");
        assertThat(_size(grid)).isPositive();
        _sortByHeader(grid, "Started", SortDirection.ASCENDING);
        List<String> started = IntStream.range(0, _size(grid)).mapToObj(i -> _getFormattedRow(grid, i).get(0))
                .toList();
        assertThat(started).isSorted();

        _setValue(filter, "no run says this");
        assertThat(_size(grid)).isZero();
        assertThat(grid.getEmptyStateText()).isEqualTo("No sync matches.");
    }

    /** Polls as the browser would; @return what the page's sync card says then, status " | " details */
    private static String card() {
        pollLikeABrowser();
        return _get(Paragraph.class, spec -> spec.withId("sync-status")).getText() + " | "
                + _get(Paragraph.class, spec -> spec.withId("sync-details")).getText();
    }

    @Test
    void a_requester_is_turned_away() {
        openAs(TestUsers.REQUESTER, "directory/sync");

        assertThat(_get(H2.class).getText()).isEqualTo(AccessDeniedView.HEADING);
    }
}
