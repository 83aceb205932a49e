package dev.gatehouse.directory.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;

import dev.gatehouse.TestUsers;
import dev.gatehouse.ui.AccessDeniedView;

class OrganizationViewTest extends DirectoryViewTest {

    @Test
    void the_tree_starts_with_the_top_level_ous_then_the_accounts_under_the_root() {
        openAs(TestUsers.AUDITOR, "directory/organization");

        TreeGrid<?> tree = _get(TreeGrid.class);
        var names = IntStream.range(0, _size(tree)).mapToObj(i -> _getFormattedRow(tree, i).get(0)).toList();
        assertThat(names).as("the demo's environments, the tests' own accounts, the management account")
                .containsExactly("Development", "Production", "Staging", "Test accounts", "management");
    }

    @Test
    void searching_lists_the_accounts_whose_name_id_or_path_matches() {
        openAs(TestUsers.ADMIN, "directory/organization");

        _setValue(_get(TextField.class, spec -> spec.withLabel("Search accounts")), "payments");

        @SuppressWarnings("unchecked")
        Grid<?> matches = _get(Grid.class, spec -> spec.withPredicate(grid -> !(grid instanceof TreeGrid)));
        var names = IntStream.range(0, _size(matches)).mapToObj(i -> _getFormattedRow(matches, i).get(0)).toList();
        assertThat(names).isNotEmpty().allMatch(name -> name.startsWith("payments-"));
    }

    @Test
    void a_requester_is_turned_away() {
        openAs(TestUsers.REQUESTER, "directory/organization");

        assertThat(_get(H2.class).getText()).isEqualTo(AccessDeniedView.HEADING);
    }
}
