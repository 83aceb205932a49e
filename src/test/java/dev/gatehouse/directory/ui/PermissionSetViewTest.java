package dev.gatehouse.directory.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.GridKt._sortByHeader;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;

import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.DirectoryPage;
import dev.gatehouse.directory.PermissionSetRow;

class PermissionSetViewTest extends DirectoryViewTest {

    @Test
    void a_permission_set_shows_its_session_policies_and_accounts() {
        TestUsers.signIn(TestUsers.ADMIN);
        PermissionSetRow set = directory.permissionSets(DirectoryPage.first(1).matching("DatabaseAdmin")).get(0);

        openAs(TestUsers.ADMIN, "directory/permission-sets/" + PermissionSetView.idOf(set));

        assertThat(_get(H2.class).getText()).isEqualTo("DatabaseAdmin");
        assertThat(_find(Paragraph.class, spec -> spec.withText("Administer RDS and DynamoDB · session 1 h")))
                .hasSize(1);
        assertThat(_get(Pre.class).getText()).contains("rds:*");
        assertThat(_size(_get(Grid.class))).isEqualTo(set.accounts());
    }

    @Test
    void the_list_summarises_each_sets_policies() {
        openAs(TestUsers.AUDITOR, "directory/permission-sets");

        assertThat(_size(_get(Grid.class))).isEqualTo(12);
        assertThat(new PermissionSetRow("arn", "Developer", "", Optional.of(Duration.ofHours(4)), "", List.of(),
                List.of("/gatehouse/developer-baseline"), "", "arn:aws:iam::aws:policy/PowerUserAccess", Map.of(), 0)
                .policySummary())
                .isEqualTo("customer managed /gatehouse/developer-baseline, boundary arn:aws:iam::aws:policy/PowerUserAccess");
    }

    @Test
    void the_list_sorts_by_session_duration_as_time_not_as_text() {
        openAs(TestUsers.AUDITOR, "directory/permission-sets");
        Grid<?> grid = _get(Grid.class);

        _sortByHeader(grid, "Session", SortDirection.DESCENDING);

        assertThat(_getFormattedRow(grid, 0).subList(0, 2)).containsExactly("ViewOnlyAccess", "12 h");
        assertThat(_getFormattedRow(grid, 1).get(1)).isEqualTo("8 h");
        assertThat(_getFormattedRow(grid, _size(grid) - 1).get(1)).isEqualTo("1 h");
    }

    @Test
    void the_accounts_a_set_is_provisioned_to_can_be_filtered() {
        TestUsers.signIn(TestUsers.ADMIN);
        PermissionSetRow set = directory.permissionSets(DirectoryPage.first(1).matching("ReadOnlyAccess")).get(0);
        String account = directory.provisionedAccounts(set.arn(), DirectoryPage.first(1)).get(0).name();
        openAs(TestUsers.ADMIN, "directory/permission-sets/" + PermissionSetView.idOf(set));

        _setValue(_get(TextField.class, spec -> spec.withLabel("Filter accounts")), account);

        Grid<?> grid = _get(Grid.class);
        assertThat(_size(grid)).isPositive().isLessThan(set.accounts());
        assertThat(_getFormattedRow(grid, 0).get(0)).contains(account);
    }

    @Test
    void an_unknown_permission_set_is_explained() {
        openAs(TestUsers.AUDITOR, "directory/permission-sets/ps-doesnotexist");

        assertThat(_get(H2.class).getText()).isEqualTo("Permission set not found");
    }
}
