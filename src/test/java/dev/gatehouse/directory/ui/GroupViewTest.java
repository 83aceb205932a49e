package dev.gatehouse.directory.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.GridKt._sortByHeader;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;

import dev.gatehouse.directory.DirectoryPage;
import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.GroupRow;
import dev.gatehouse.ui.AccessDeniedView;

class GroupViewTest extends DirectoryViewTest {

    @Test
    void a_group_lists_its_members_and_its_assignments() {
        TestUsers.signIn(TestUsers.AUDITOR);
        GroupRow payments = directory.groups(DirectoryPage.first(1).matching("payments-team")).get(0);

        openAs(TestUsers.AUDITOR, "directory/groups/" + payments.id());

        assertThat(_get(H2.class).getText()).isEqualTo("payments-team");
        assertThat(_find(H3.class).stream().map(H3::getText)).contains(payments.members() + " members");
        @SuppressWarnings("rawtypes")
        List<Grid> grids = _find(Grid.class);
        assertThat(_size(grids.get(0))).isEqualTo(payments.members());
        assertThat(column(grids.get(0), 0)).contains("Riley Chen");
        assertThat(_size(grids.get(1)))
                .isEqualTo(directory.groupGrants(payments.id(), DirectoryPage.first(1000)).size());
    }

    @Test
    void the_groups_list_shows_member_counts() {
        openAs(TestUsers.ADMIN, "directory/groups");

        Grid<?> grid = _get(Grid.class);
        assertThat(_size(grid)).isEqualTo(15);
        assertThat(_getFormattedRow(grid, 0).get(0)).isEqualTo("contractors");
    }

    @Test
    void the_groups_list_sorts_by_member_count() {
        TestUsers.signIn(TestUsers.ADMIN);
        int most = directory.groups(DirectoryPage.first(100)).stream().mapToInt(GroupRow::members).max().orElseThrow();
        openAs(TestUsers.ADMIN, "directory/groups");
        Grid<?> grid = _get(Grid.class);

        _sortByHeader(grid, "Members", SortDirection.DESCENDING);

        assertThat(_getFormattedRow(grid, 0).get(2)).isEqualTo(String.valueOf(most));
    }

    @Test
    void a_groups_members_can_be_filtered_and_sorted() {
        TestUsers.signIn(TestUsers.AUDITOR);
        GroupRow payments = directory.groups(DirectoryPage.first(1).matching("payments-team")).get(0);
        openAs(TestUsers.AUDITOR, "directory/groups/" + payments.id());
        Grid<?> members = _find(Grid.class).get(0);

        _sortByHeader(members, "Member", SortDirection.DESCENDING);
        List<String> names = column(members, 0);
        assertThat(names).isSortedAccordingTo(Comparator.reverseOrder());

        _setValue(_get(TextField.class, spec -> spec.withLabel("Filter members")), "riley");
        assertThat(column(members, 0)).containsExactly("Riley Chen");
    }

    @Test
    void a_requester_is_turned_away() {
        openAs(TestUsers.REQUESTER, "directory/groups");

        assertThat(_get(H2.class).getText()).isEqualTo(AccessDeniedView.HEADING);
    }

    private static List<String> column(Grid<?> grid, int column) {
        return IntStream.range(0, _size(grid)).mapToObj(i -> _getFormattedRow(grid, i).get(column)).toList();
    }
}
