package dev.gatehouse.security.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

import dev.gatehouse.KaribuTest;
import dev.gatehouse.TestUsers;
import dev.gatehouse.ui.AccessDeniedView;

class SessionsViewTest extends KaribuTest {

    @Test
    void an_admin_signs_a_person_out_everywhere_and_sees_it_listed() {
        openAs(TestUsers.ADMIN, "sessions");
        assertThat(_get(Paragraph.class, spec -> spec.withText(
                "A Gatehouse session ends after 30 min without use, and 12 h after sign-in however busy. A page "
                        + "that refreshes itself, such as My access, counts as use while it is open."))).isNotNull();

        _setValue(_get(TextField.class, spec -> spec.withLabel("Sign-in name")), "Jordan.Kim");
        _click(_get(Button.class, spec -> spec.withText(SessionsView.SIGN_OUT)));

        assertThat(_getFormattedRow(_get(Grid.class), 0)).startsWith("jordan.kim").endsWith("Morgan Reyes");
    }

    @Test
    void an_empty_name_is_refused_on_the_field() {
        openAs(TestUsers.ADMIN, "sessions");

        _click(_get(Button.class, spec -> spec.withText(SessionsView.SIGN_OUT)));

        TextField name = _get(TextField.class, spec -> spec.withLabel("Sign-in name"));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Give the person's sign-in name, such as riley.chen.");
    }

    @Test
    void people_other_than_admins_are_turned_away() {
        openAs(TestUsers.AUDITOR, "sessions");

        assertThat(_get(H2.class).getText()).isEqualTo(AccessDeniedView.HEADING);
    }
}
