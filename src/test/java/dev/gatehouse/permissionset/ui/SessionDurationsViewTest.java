package dev.gatehouse.permissionset.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.select.Select;

import dev.gatehouse.KaribuTest;
import dev.gatehouse.TestUsers;
import dev.gatehouse.permissionset.SessionChange;
import dev.gatehouse.permissionset.SessionChangeStatus;
import dev.gatehouse.permissionset.SessionDurationRow;
import dev.gatehouse.permissionset.SessionDurations;
import dev.gatehouse.policy.ApproverType;
import dev.gatehouse.policy.RequesterType;
import dev.gatehouse.policy.ScopeType;
import dev.gatehouse.policy.TestRules;
import dev.gatehouse.ui.AccessDeniedView;

class SessionDurationsViewTest extends KaribuTest {

    @Autowired
    private TestRules rules;
    @Autowired
    private SessionDurations sessions;

    @BeforeEach
    void demoDirectoryWithARule() {
        rules.demoDirectoryWithoutRules();
        rules.save(TestRules.draft("Read", RequesterType.EVERYONE, "", ScopeType.ORGANIZATION, "",
                rules.permissionSetArn("ViewOnlyAccess"), 0, ApproverType.NONE, ""));
    }

    @Test
    void an_admin_sees_the_gap_and_is_told_when_a_change_would_change_nothing() {
        openAs(TestUsers.ADMIN, "permission-sets/sessions");
        Grid<SessionDurationRow> grid = grid();
        int row = rowOf(grid, "ViewOnlyAccess");
        assertThat(_getFormattedRow(grid, row)).startsWith("ViewOnlyAccess", "12 h", "4 h", "1 h");
        assertThat(_getFormattedRow(grid, row).get(5)).contains("longer than the 1 h a grant under \"Read\"");

        _click(_get(_getCellComponent(grid, row, SessionDurationsView.CHANGE), Button.class));
        Dialog dialog = _get(Dialog.class);
        @SuppressWarnings("unchecked")
        Select<Duration> duration = _get(dialog, Select.class, spec -> spec.withLabel("Sessions last"));
        assertThat(duration.getValue()).isEqualTo(Duration.ofHours(12));
        assertThat(duration.getItemLabelGenerator().apply(Duration.ofHours(12))).isEqualTo("12 h");
        _click(_get(dialog, Button.class, spec -> spec.withText("Apply")));

        assertThat(duration.getErrorMessage()).isEqualTo("ViewOnlyAccess already has sessions of 12 h.");
    }

    @Test
    void after_a_change_is_applied_the_page_shows_the_new_duration_at_once() {
        String arn = rules.permissionSetArn("DatabaseAdmin");
        openAs(TestUsers.ADMIN, "permission-sets/sessions");
        try {
            _click(_get(_getCellComponent(grid(), rowOf(grid(), "DatabaseAdmin"), SessionDurationsView.CHANGE),
                    Button.class));
            Dialog dialog = _get(Dialog.class);
            @SuppressWarnings("unchecked")
            Select<Duration> duration = _get(dialog, Select.class, spec -> spec.withLabel("Sessions last"));
            _setValue(duration, Duration.ofHours(3));
            _click(_get(dialog, Button.class, spec -> spec.withText("Apply")));
            Instant giveUp = Instant.now().plusSeconds(30);
            while (!latestChange().get(3).equals("Applied") && Instant.now().isBefore(giveUp)) {
                pollLikeABrowser();
            }

            assertThat(latestChange()).startsWith("DatabaseAdmin", "1 h → 3 h").contains("Applied");
            assertThat(_getFormattedRow(grid(), rowOf(grid(), "DatabaseAdmin")).get(1)).isEqualTo("3 h");
        } finally {
            restore(arn, "DatabaseAdmin", Duration.ofHours(1));
        }
    }

    /** Puts the permission set's sessions back for the other tests, where the change went through. */
    private void restore(String arn, String name, Duration original) {
        boolean changed = TestUsers.as(TestUsers.ADMIN, () -> !sessions.overview().stream()
                .filter(r -> r.name().equals(name)).findFirst().orElseThrow().session().equals(original));
        if (changed) {
            long id = TestUsers.as(TestUsers.ADMIN, () -> sessions.change(arn, original.toString()).id());
            // Awaitility asks from a thread of its own, which signs in for itself.
            await().atMost(Duration.ofSeconds(20)).until(() -> TestUsers.as(TestUsers.ADMIN,
                    () -> sessions.changes(0, 10)).stream()
                    .anyMatch(c -> c.id() == id && c.status() == SessionChangeStatus.SUCCEEDED));
        }
    }

    /** The newest row of the changes grid, from its permission-set column on. */
    @SuppressWarnings("unchecked")
    private static List<String> latestChange() {
        Grid<SessionChange> changes = _get(Grid.class, spec -> spec.withId("session-changes"));
        return _getFormattedRow(changes, 0).subList(1, 6);
    }

    @Test
    void an_auditor_sees_the_durations_but_cannot_change_them() {
        openAs(TestUsers.AUDITOR, "permission-sets/sessions");

        assertThat(_size(grid())).isEqualTo(12);
        assertThat(grid().getColumnByKey(SessionDurationsView.CHANGE)).isNull();
    }

    @Test
    void a_requester_is_turned_away() {
        openAs(TestUsers.REQUESTER, "permission-sets/sessions");

        assertThat(_get(H2.class).getText()).isEqualTo(AccessDeniedView.HEADING);
    }

    @SuppressWarnings("unchecked")
    private static Grid<SessionDurationRow> grid() {
        return _get(Grid.class, spec -> spec.withId("session-durations"));
    }

    private static int rowOf(Grid<SessionDurationRow> grid, String name) {
        for (int row = 0; row < _size(grid); row++) {
            if (GridKt._get(grid, row).name().equals(name)) {
                return row;
            }
        }
        throw new AssertionError("No row for " + name);
    }
}
