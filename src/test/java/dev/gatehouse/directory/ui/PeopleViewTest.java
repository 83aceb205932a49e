package dev.gatehouse.directory.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextField;

import dev.gatehouse.TestUsers;
import dev.gatehouse.ui.AccessDeniedView;

class PeopleViewTest extends DirectoryViewTest {

    @Test
    void searching_finds_a_person_with_their_manager() {
        openAs(TestUsers.AUDITOR, "directory/people");

        _setValue(_get(TextField.class, spec -> spec.withLabel("Search people")), "riley");

        Grid<?> grid = _get(Grid.class);
        assertThat(_size(grid)).isEqualTo(1);
        assertThat(_getFormattedRow(grid, 0)).containsExactly("Riley Chen", "riley.chen", "riley.chen@example.com",
                "Avery Patel", "Enabled");
    }

    @Test
    void a_requester_is_turned_away() {
        openAs(TestUsers.REQUESTER, "directory/people");

        assertThat(_get(H2.class).getText()).isEqualTo(AccessDeniedView.HEADING);
    }
}
