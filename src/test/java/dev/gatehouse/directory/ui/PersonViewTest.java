package dev.gatehouse.directory.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.DirectoryPage;

class PersonViewTest extends DirectoryViewTest {

    @Test
    void a_person_shows_manager_groups_and_standing_access() {
        TestUsers.signIn(TestUsers.AUDITOR);
        String riley = directory.users(DirectoryPage.first(1).matching("riley.chen")).get(0).id();

        openAs(TestUsers.AUDITOR, "directory/people/" + riley);

        assertThat(_get(H2.class).getText()).isEqualTo("Riley Chen");
        assertThat(_find(Paragraph.class, spec -> spec.withText("Manager: Avery Patel"))).hasSize(1);
        assertThat(_find(Paragraph.class, spec -> spec.withText("Groups: engineering, payments-team"))).hasSize(1);
        assertThat(_size(_get(Grid.class))).isEqualTo(directory.accessOfUser(riley, DirectoryPage.first(1000)).size())
                .isPositive();
    }

    @Test
    void an_unknown_person_is_explained() {
        openAs(TestUsers.AUDITOR, "directory/people/no-such-user");

        assertThat(_get(H2.class).getText()).isEqualTo("Person not found");
    }
}
