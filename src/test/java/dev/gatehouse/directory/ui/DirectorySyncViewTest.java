package dev.gatehouse.directory.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

import dev.gatehouse.TestUsers;
import dev.gatehouse.ui.AccessDeniedView;

class DirectorySyncViewTest extends DirectoryViewTest {

    @Test
    void an_admin_sees_the_last_sync_its_history_and_can_sync_now() {
        openAs(TestUsers.ADMIN, "directory/sync");

        assertThat(_get(Paragraph.class, spec -> spec.withId("sync-status")).getText())
                .startsWith("Last sync succeeded at ");
        assertThat(_size(_get(Grid.class))).isPositive();
        assertThat(_find(Button.class, spec -> spec.withText("Sync now"))).hasSize(1);
    }

    @Test
    void an_auditor_sees_the_history_but_cannot_start_a_sync() {
        openAs(TestUsers.AUDITOR, "directory/sync");

        assertThat(_size(_get(Grid.class))).isPositive();
        assertThat(_find(Button.class, spec -> spec.withText("Sync now"))).isEmpty();
    }

    @Test
    void a_requester_is_turned_away() {
        openAs(TestUsers.REQUESTER, "directory/sync");

        assertThat(_get(H2.class).getText()).isEqualTo(AccessDeniedView.HEADING);
    }
}
