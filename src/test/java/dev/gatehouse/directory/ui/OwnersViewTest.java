package dev.gatehouse.directory.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.TextField;

import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.DirectoryPage;
import dev.gatehouse.ui.AccessDeniedView;

class OwnersViewTest extends DirectoryViewTest {

    @Test
    void accounts_and_permission_sets_without_an_owner_are_listed_with_why_and_a_row_opens_the_account() {
        openAs(TestUsers.AUDITOR, "directory/owners");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Search")), "checkout-staging");

        Grid<?> accountsGrid = _get(Grid.class, spec -> spec.withId(OwnersView.ACCOUNTS_ID));
        AccountRow checkout = directory.accounts(DirectoryPage.first(10).matching("checkout-staging")).get(0);
        assertThat(_size(accountsGrid)).isEqualTo(1);
        assertThat(_getFormattedRow(accountsGrid, 0)).containsExactly("checkout-staging", checkout.id(),
                "The AWS tag owner names casey.left@example.com, which is no person or group in the directory.");
        assertThat(_get(H3.class, spec -> spec.withText("Accounts (1)"))).isNotNull();
        Grid<?> sets = _get(Grid.class, spec -> spec.withId(OwnersView.PERMISSION_SETS_ID));
        assertThat(_size(sets)).isZero();
        assertThat(sets.getEmptyStateText()).isEqualTo("Every permission set has an owner.");

        _clickItem(accountsGrid, 0);

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("directory/accounts/" + checkout.id());
        assertThat(_get(H2.class).getText()).isEqualTo("checkout-staging");
    }

    @Test
    void permission_sets_without_an_owner_tag_are_listed() {
        openAs(TestUsers.ADMIN, "directory/owners");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Search")), "BreakGlass");

        Grid<?> sets = _get(Grid.class, spec -> spec.withId(OwnersView.PERMISSION_SETS_ID));
        assertThat(_getFormattedRow(sets, 0)).containsExactly("BreakGlass", "No AWS tag owner.");
    }

    @Test
    void a_requester_is_turned_away() {
        openAs(TestUsers.REQUESTER, "directory/owners");

        assertThat(_get(H2.class).getText()).isEqualTo(AccessDeniedView.HEADING);
    }
}
