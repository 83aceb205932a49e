package dev.gatehouse.permissionset.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

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
import dev.gatehouse.permissionset.SessionDurationRow;
import dev.gatehouse.policy.ApproverType;
import dev.gatehouse.policy.RequesterType;
import dev.gatehouse.policy.ScopeType;
import dev.gatehouse.policy.TestRules;
import dev.gatehouse.ui.AccessDeniedView;

class SessionDurationsViewTest extends KaribuTest {

    @Autowired
    private TestRules rules;

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
