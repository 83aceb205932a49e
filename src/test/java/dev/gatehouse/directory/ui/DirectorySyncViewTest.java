package dev.gatehouse.directory.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.GridKt._sortByHeader;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;

import dev.gatehouse.TestUsers;
import dev.gatehouse.ui.AccessDeniedView;

class DirectorySyncViewTest extends DirectoryViewTest {

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

    @Test
    void a_requester_is_turned_away() {
        openAs(TestUsers.REQUESTER, "directory/sync");

        assertThat(_get(H2.class).getText()).isEqualTo(AccessDeniedView.HEADING);
    }
}
