package dev.gatehouse.directory.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;

import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.PermissionSetRow;

class PermissionSetViewTest extends DirectoryViewTest {

    @Test
    void a_permission_set_shows_its_session_policies_and_accounts() {
        TestUsers.signIn(TestUsers.ADMIN);
        PermissionSetRow set = directory.permissionSets("DatabaseAdmin", 0, 1).get(0);

        openAs(TestUsers.ADMIN, "directory/permission-sets/" + PermissionSetView.idOf(set));

        assertThat(_get(H2.class).getText()).isEqualTo("DatabaseAdmin");
        assertThat(_find(Paragraph.class, spec -> spec.withText("Administer RDS and DynamoDB · session PT1H")))
                .hasSize(1);
        assertThat(_get(Pre.class).getText()).contains("rds:*");
        assertThat(_size(_get(Grid.class))).isEqualTo(set.accounts());
    }

    @Test
    void the_list_summarises_each_sets_policies() {
        openAs(TestUsers.AUDITOR, "directory/permission-sets");

        assertThat(_size(_get(Grid.class))).isEqualTo(12);
        assertThat(PermissionSetView.policySummary(
                new PermissionSetRow("arn", "Developer", "", "PT4H", "", List.of(),
                        List.of("/gatehouse/developer-baseline"), "", "arn:aws:iam::aws:policy/PowerUserAccess",
                        List.of(), 0)))
                .isEqualTo("customer managed /gatehouse/developer-baseline, boundary arn:aws:iam::aws:policy/PowerUserAccess");
    }

    @Test
    void an_unknown_permission_set_is_explained() {
        openAs(TestUsers.AUDITOR, "directory/permission-sets/ps-doesnotexist");

        assertThat(_get(H2.class).getText()).isEqualTo("Permission set not found");
    }
}
