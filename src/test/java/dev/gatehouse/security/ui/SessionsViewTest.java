package dev.gatehouse.security.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

import dev.gatehouse.KaribuTest;
import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.DemoDirectory;
import dev.gatehouse.directory.internal.DirectorySyncJob;
import dev.gatehouse.security.DirectoryPerson;
import dev.gatehouse.security.MfaFactors;
import dev.gatehouse.security.TestMfa;
import dev.gatehouse.ui.AccessDeniedView;

class SessionsViewTest extends KaribuTest {

    @Autowired
    private DirectorySyncJob sync;

    private static final String RESET_LABEL = "Sign-in name of the person to reset";

    @Autowired
    private TestMfa mfa;
    @Autowired
    private MfaFactors factors;

    @BeforeEach
    void demoDirectory() {
        DemoDirectory.ensureSynced(sync);
    }

    @Test
    void an_admin_signs_a_person_out_everywhere_and_sees_it_listed() {
        openAs(TestUsers.ADMIN, "sessions");
        assertThat(_get(Paragraph.class, spec -> spec.withText(
                "A Gatehouse session ends after 30 min without use, and 12 h after sign-in however busy. A page "
                        + "that refreshes itself, such as My access, counts as use while it is open."))).isNotNull();

        choose("jordan", "Jordan Kim (jordan.kim)");
        _click(_get(Button.class, spec -> spec.withText(SessionsView.SIGN_OUT)));

        assertThat(NotificationsKt.getNotifications()).last().satisfies(n -> assertThat(
                n.getElement().getProperty("text")).isEqualTo("Jordan Kim is signed out everywhere."));
        assertThat(_getFormattedRow(_get(Grid.class), 0)).startsWith("jordan.kim").endsWith("Morgan Reyes");
    }

    @Test
    void the_person_is_picked_from_the_directory_by_what_the_admin_types() {
        openAs(TestUsers.ADMIN, "sessions");
        ComboBox<DirectoryPerson> person = person();

        ComboBoxKt.setUserInput(person, "jordan");
        assertThat(ComboBoxKt.getSuggestions(person)).contains("Jordan Kim (jordan.kim)")
                .allSatisfy(label -> assertThat(label.toLowerCase()).contains("jordan"));

        ComboBoxKt.setUserInput(person, "nobody.here");
        assertThat(ComboBoxKt.getSuggestions(person)).as("someone who signs in but is not in the directory")
                .isEmpty();
        assertThat(person.isAllowCustomValue()).as("typed text is never sent as a person").isFalse();
    }

    @Test
    void signing_out_without_choosing_a_person_is_refused_on_the_field() {
        openAs(TestUsers.ADMIN, "sessions");

        _click(_get(Button.class, spec -> spec.withText(SessionsView.SIGN_OUT)));

        assertThat(person().isInvalid()).isTrue();
        assertThat(person().getErrorMessage()).isEqualTo("Choose the person to sign out.");
    }

    @Test
    void an_admin_resets_a_persons_second_factors_after_confirming() {
        mfa.enrolTotp(TestUsers.DIRECTOR);
        openAs(TestUsers.ADMIN, "sessions");
        TextField person = _get(TextField.class, spec -> spec.withLabel(RESET_LABEL));

        _setValue(person, "Jordan.Kim");
        _click(_get(Button.class, spec -> spec.withText(SessionsView.RESET)));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(confirm.getElement().getProperty("message"))
                .isEqualTo("jordan.kim loses Phone and their recovery codes, and is told by email.");
        _fireConfirm(confirm);

        assertThat(NotificationsKt.getNotifications()).last().satisfies(n -> assertThat(
                n.getElement().getProperty("text")).isEqualTo("jordan.kim: 1 factor removed."));
        assertThat(as(TestUsers.DIRECTOR, factors::mine)).isEmpty();
    }

    @Test
    void resetting_someone_without_factors_says_so_on_the_field() {
        mfa.clear(TestUsers.AUDITOR);
        openAs(TestUsers.ADMIN, "sessions");
        TextField person = _get(TextField.class, spec -> spec.withLabel(RESET_LABEL));

        _setValue(person, "sam.okafor");
        _click(_get(Button.class, spec -> spec.withText(SessionsView.RESET)));

        assertThat(person.getErrorMessage()).isEqualTo("sam.okafor has no second factor to reset.");
    }

    /** Types into the picker and takes the suggestion with that label, as the admin would. */
    private static void choose(String typed, String label) {
        ComboBox<DirectoryPerson> person = person();
        ComboBoxKt.setUserInput(person, typed);
        _setValue(person, ComboBoxKt.getSuggestionItems(person).stream().filter(p -> p.label().equals(label))
                .findFirst().orElseThrow());
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<DirectoryPerson> person() {
        return _get(ComboBox.class, spec -> spec.withLabel(SessionsView.PERSON));
    }

    @Test
    void people_other_than_admins_are_turned_away() {
        openAs(TestUsers.AUDITOR, "sessions");

        assertThat(_get(H2.class).getText()).isEqualTo(AccessDeniedView.HEADING);
    }
}
