package dev.gatehouse.directory.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;

import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.AccessRow;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.DirectorySort;
import dev.gatehouse.ui.AccessDeniedView;

class AccountViewTest extends DirectoryViewTest {

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
    void only_an_admin_may_refresh_an_account_from_identity_center() {
        TestUsers.signIn(TestUsers.ADMIN);
        String id = directory.accounts("", DirectorySort.NAME, false, 0, 1).get(0).id();

        openAs(TestUsers.ADMIN, "directory/accounts/" + id);
        _click(_get(Button.class, spec -> spec.withText("Refresh from Identity Center")));
        assertThat(NotificationsKt.getNotifications()).singleElement()
                .satisfies(n -> assertThat(n.getElement().getProperty("text"))
                        .matches("Refreshed from Identity Center: \\d+ assignments on this account\\."));

        openAs(TestUsers.AUDITOR, "directory/accounts/" + id);
        assertThat(_find(Button.class, spec -> spec.withText("Refresh from Identity Center"))).isEmpty();
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
