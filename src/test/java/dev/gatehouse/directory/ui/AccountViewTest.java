package dev.gatehouse.directory.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;

import dev.gatehouse.KaribuTest;
import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.AccessRow;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.DemoDirectory;
import dev.gatehouse.directory.Directory;
import dev.gatehouse.directory.DirectorySort;
import dev.gatehouse.directory.internal.DirectorySyncJob;
import dev.gatehouse.ui.AccessDeniedView;

class AccountViewTest extends KaribuTest {

    @Autowired
    private DirectorySyncJob job;
    @Autowired
    private Directory directory;

    @BeforeEach
    void synced() {
        DemoDirectory.ensureSynced(job);
    }

    @Test
    void an_account_lists_who_holds_what_directly_or_through_a_group() {
        TestUsers.signIn(TestUsers.ADMIN);
        AccountRow account = directory.accounts("", DirectorySort.NAME, false, 0, 100).stream()
                .filter(a -> !directory.accessOnAccount(a.id(), 0, 1).isEmpty()).findFirst().orElseThrow();
        List<AccessRow> access = directory.accessOnAccount(account.id(), 0, 1000);

        openAs(TestUsers.ADMIN, "directory/accounts/" + account.id());

        assertThat(_get(H2.class).getText()).isEqualTo(account.name());
        Grid<?> grid = _get(Grid.class);
        assertThat(_size(grid)).isEqualTo(access.size());
        AccessRow first = access.get(0);
        assertThat(_getFormattedRow(grid, 0)).containsExactly(first.permissionSetName(),
                first.displayName() + " (" + first.userName() + ")",
                first.viaGroup().isEmpty() ? "Directly" : "Through group " + first.viaGroup());
    }

    @Test
    void an_unknown_account_is_explained() {
        openAs(TestUsers.ADMIN, "directory/accounts/000000000000");

        assertThat(_get(H2.class).getText()).isEqualTo("Account not found");
    }

    @Test
    void a_requester_is_turned_away() {
        openAs(TestUsers.REQUESTER, "directory/accounts/000000000000");

        assertThat(_get(H2.class).getText()).isEqualTo(AccessDeniedView.HEADING);
    }
}
