package dev.gatehouse.directory.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

import dev.gatehouse.KaribuTest;
import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.DemoDirectory;
import dev.gatehouse.directory.Directory;
import dev.gatehouse.directory.DirectorySort;
import dev.gatehouse.directory.internal.DirectorySyncJob;

class PersonViewTest extends KaribuTest {

    @Autowired
    private DirectorySyncJob job;
    @Autowired
    private Directory directory;

    @BeforeEach
    void synced() {
        DemoDirectory.ensureSynced(job);
    }

    @Test
    void a_person_shows_manager_groups_and_standing_access() {
        TestUsers.signIn(TestUsers.AUDITOR);
        String riley = directory.users("riley.chen", DirectorySort.NAME, false, 0, 1).get(0).id();

        openAs(TestUsers.AUDITOR, "directory/people/" + riley);

        assertThat(_get(H2.class).getText()).isEqualTo("Riley Chen");
        assertThat(_find(Paragraph.class, spec -> spec.withText("Manager: Avery Patel"))).hasSize(1);
        assertThat(_find(Paragraph.class, spec -> spec.withText("Groups: engineering, payments-team"))).hasSize(1);
        assertThat(_size(_get(Grid.class))).isEqualTo(directory.accessOfUser(riley, 0, 1000).size()).isPositive();
    }

    @Test
    void an_unknown_person_is_explained() {
        openAs(TestUsers.AUDITOR, "directory/people/no-such-user");

        assertThat(_get(H2.class).getText()).isEqualTo("Person not found");
    }
}
