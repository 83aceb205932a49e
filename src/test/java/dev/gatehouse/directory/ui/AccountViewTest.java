package dev.gatehouse.directory.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;

import dev.gatehouse.TestUsers;
import dev.gatehouse.access.GrantSummary;
import dev.gatehouse.directory.AccessHolding;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.DirectoryPage;
import dev.gatehouse.directory.DirectorySort;
import dev.gatehouse.directory.OwnerCandidate;
import dev.gatehouse.ui.AccessDeniedView;

class AccountViewTest extends DirectoryViewTest {

    @Test
    void an_account_lists_who_holds_what_directly_or_through_a_group() {
        TestUsers.signIn(TestUsers.ADMIN);
        AccountRow account = directory.accounts(DirectoryPage.first(100)).stream()
                .filter(a -> !onAccount(a.id(), DirectoryPage.first(1)).isEmpty()).findFirst()
                .orElseThrow();
        List<AccessHolding> access = onAccount(account.id(), DirectoryPage.first(1000));

        openAs(TestUsers.ADMIN, "directory/accounts/" + account.id());

        assertThat(_get(H2.class).getText()).isEqualTo(account.name());
        Grid<?> grid = _get(Grid.class);
        assertThat(_size(grid)).isEqualTo(access.size());
        AccessHolding first = access.get(0);
        assertThat(_getFormattedRow(grid, 0)).containsExactly(first.permissionSet().name(),
                first.person().displayName() + " (" + first.person().userName() + ")", how(first));
    }

    @Test
    void an_accounts_access_can_be_filtered_to_one_person() {
        TestUsers.signIn(TestUsers.ADMIN);
        AccountRow account = directory.accounts(DirectoryPage.first(100)).stream()
                .filter(a -> onAccount(a.id(), DirectoryPage.first(2)).size() > 1).findFirst()
                .orElseThrow();
        AccessHolding last = onAccount(account.id(), new DirectoryPage("", DirectorySort.PERSON, true, 0, 1)).get(0);
        openAs(TestUsers.ADMIN, "directory/accounts/" + account.id());

        _setValue(_get(TextField.class, spec -> spec.withLabel("Filter access")), last.person().userName());

        Grid<?> grid = _get(Grid.class);
        assertThat(_size(grid)).isPositive();
        for (int row = 0; row < _size(grid); row++) {
            assertThat(_getFormattedRow(grid, row).get(1)).contains(last.person().userName());
        }
    }

    @Test
    void access_granted_just_in_time_shows_as_just_in_time_with_its_end_and_not_as_standing() {
        String account = accounts.fresh().id();
        Map<String, GrantSummary> granted = approvedForRileyAndSynced(account, "Developer", "AdministratorAccess");

        openAs(TestUsers.AUDITOR, "directory/accounts/" + account);

        assertThat(rows(_get(Grid.class))).filteredOn(row -> row.get(1).equals("Riley Chen (riley.chen)")
                        && granted.containsKey(row.get(0)))
                .extracting(row -> row.get(0), row -> row.get(2))
                .containsExactlyInAnyOrder(tuple("Developer", justInTime(granted.get("Developer"))),
                        tuple("AdministratorAccess", justInTime(granted.get("AdministratorAccess"))));
        assertThat(_find(H3.class, spec -> spec.withText("Who has access"))).hasSize(1);
    }

    @Test
    void only_an_admin_may_refresh_an_account_from_identity_center() {
        TestUsers.signIn(TestUsers.ADMIN);
        String id = directory.accounts(DirectoryPage.first(1)).get(0).id();

        openAs(TestUsers.ADMIN, "directory/accounts/" + id);
        _click(_get(Button.class, spec -> spec.withText("Refresh from Identity Center")));
        assertThat(NotificationsKt.getNotifications()).singleElement()
                .satisfies(n -> assertThat(n.getElement().getProperty("text"))
                        .matches("Refreshed from Identity Center: \\d+ assignments on this account\\."));

        openAs(TestUsers.AUDITOR, "directory/accounts/" + id);
        assertThat(_find(Button.class, spec -> spec.withText("Refresh from Identity Center"))).isEmpty();
    }

    @Test
    void an_admin_makes_a_group_the_accounts_owner_and_can_go_back_to_the_aws_tag() {
        String id = accounts.fresh().id();
        openAs(TestUsers.ADMIN, "directory/accounts/" + id);
        assertThat(_get(Span.class, spec -> spec.withId(OwnerPanel.OWNER_ID)).getText())
                .isEqualTo("Owner: No owner: No AWS tag owner.");

        _click(_get(Button.class, spec -> spec.withId(OwnerPanel.CHANGE_ID)));
        _click(_get(Button.class, spec -> spec.withId("save-owner")));
        ComboBox<OwnerCandidate> who = _get(ComboBox.class, spec -> spec.withId("owner-candidate"));
        assertThat(who.getErrorMessage()).isEqualTo("Choose a person or a group.");
        OwnerCandidate payments = ComboBoxKt.getSuggestionItems(who).stream()
                .filter(c -> c.name().equals("payments-team")).findFirst().orElseThrow();
        _setValue(who, payments);
        _click(_get(Button.class, spec -> spec.withId("save-owner")));

        assertThat(_get(Span.class, spec -> spec.withId(OwnerPanel.OWNER_ID)).getText())
                .startsWith("Owner: payments-team (group), set in Gatehouse by Morgan Reyes, ");
        _click(_get(Button.class, spec -> spec.withId(OwnerPanel.USE_TAG_ID)));
        assertThat(_get(Span.class, spec -> spec.withId(OwnerPanel.OWNER_ID)).getText())
                .isEqualTo("Owner: No owner: No AWS tag owner.");
        assertThat(_find(Button.class, spec -> spec.withId(OwnerPanel.USE_TAG_ID))).isEmpty();
    }

    @Test
    void an_auditor_sees_the_accounts_owner_but_cannot_change_it() {
        TestUsers.signIn(TestUsers.AUDITOR);
        AccountRow payments = directory.accounts(DirectoryPage.first(100).matching("payments-prod")).get(0);

        openAs(TestUsers.AUDITOR, "directory/accounts/" + payments.id());

        assertThat(_get(Span.class, spec -> spec.withId(OwnerPanel.OWNER_ID)).getText())
                .isEqualTo("Owner: Avery Patel (person), from the AWS tag owner=avery.patel@example.com");
        assertThat(_find(Button.class, spec -> spec.withId(OwnerPanel.CHANGE_ID))).isEmpty();
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
