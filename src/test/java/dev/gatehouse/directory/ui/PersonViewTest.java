package dev.gatehouse.directory.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;

import dev.gatehouse.TestUsers;
import dev.gatehouse.access.GrantSummary;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.DirectoryPage;
import dev.gatehouse.directory.InventoryScope;

class PersonViewTest extends DirectoryViewTest {

    @Test
    void a_person_shows_manager_groups_and_standing_access() {
        TestUsers.signIn(TestUsers.AUDITOR);
        String riley = directory.users(DirectoryPage.first(1).matching("riley.chen")).get(0).id();

        openAs(TestUsers.AUDITOR, "directory/people/" + riley);

        assertThat(_get(H2.class).getText()).isEqualTo("Riley Chen");
        assertThat(_find(Paragraph.class, spec -> spec.withText("Manager: Avery Patel"))).hasSize(1);
        assertThat(_find(Paragraph.class, spec -> spec.withText("Groups: engineering, payments-team"))).hasSize(1);
        assertThat(_size(_get(Grid.class))).isEqualTo(inventory.page(InventoryScope.ORGANIZATION.ofPerson(riley),
                DirectoryPage.first(1000)).size())
                .isPositive();
    }

    @Test
    void access_granted_just_in_time_shows_as_just_in_time_with_its_end_and_not_as_standing() {
        AccountRow fresh = accounts.fresh();
        String account = fresh.id();
        String accountName = fresh.name();
        Map<String, GrantSummary> granted = approvedForRileyAndSynced(account, "Developer", "AdministratorAccess");

        openAs(TestUsers.AUDITOR, "directory/people/" + rules.userId(TestUsers.REQUESTER));

        assertThat(rows(_get(Grid.class))).filteredOn(row -> row.get(0).equals(accountName)
                        && granted.containsKey(row.get(1)))
                .extracting(row -> row.get(1), row -> row.get(2))
                .containsExactlyInAnyOrder(tuple("Developer", justInTime(granted.get("Developer"))),
                        tuple("AdministratorAccess", justInTime(granted.get("AdministratorAccess"))));
        assertThat(_find(H3.class, spec -> spec.withText("Access"))).hasSize(1);
    }

    @Test
    void an_unknown_person_is_explained() {
        openAs(TestUsers.AUDITOR, "directory/people/no-such-user");

        assertThat(_get(H2.class).getText()).isEqualTo("Person not found");
    }
}
