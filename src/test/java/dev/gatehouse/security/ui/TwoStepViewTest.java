package dev.gatehouse.security.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.TextField;

import dev.gatehouse.KaribuTest;
import dev.gatehouse.TestUsers;
import dev.gatehouse.security.TestMfa;

class TwoStepViewTest extends KaribuTest {

    @Autowired
    private TestMfa mfa;

    @BeforeEach
    void noSecondFactor() {
        mfa.clear(TestUsers.REQUESTER);
    }

    @Test
    void an_authenticator_app_is_added_from_its_qr_code_and_the_recovery_codes_are_shown_once() {
        openAs(TestUsers.REQUESTER, TwoStepView.ROUTE);
        assertThat(_get(Grid.class).getEmptyStateText()).startsWith("No second factor yet.");

        _click(_get(Button.class, spec -> spec.withText(TwoStepView.ADD_APP)));
        assertThat(_get(Image.class).getSrc()).startsWith("data:image/svg+xml;base64,");
        String secret = _get(Paragraph.class, spec -> spec.withId("totp-secret")).getElement()
                .getAttribute("data-secret");
        TextField code = _get(TextField.class, spec -> spec.withLabel("Code the app shows now"));
        _setValue(code, "12345");
        _click(_get(Button.class, spec -> spec.withText("Add")));
        assertThat(code.getErrorMessage()).startsWith("That code does not match.");

        _setValue(code, TestMfa.code(secret, Instant.now()));
        _click(_get(Button.class, spec -> spec.withText("Add")));

        assertThat(_get(Pre.class, spec -> spec.withId("recovery-codes")).getText().lines())
                .hasSize(10).allMatch(line -> line.matches("[A-Z2-9]{5}-[A-Z2-9]{5}"));
        assertThat(_size(_get(Grid.class))).isEqualTo(1);
        assertThat(_getFormattedRow(_get(Grid.class), 0)).startsWith("Authenticator app", "Authenticator app")
                .contains("never");
    }

    @Test
    void removing_a_factor_asks_for_a_second_factor_first() {
        String secret = mfa.enrolTotp(TestUsers.REQUESTER);
        openAs(TestUsers.REQUESTER, TwoStepView.ROUTE);
        assertThat(_get(Paragraph.class, spec -> spec.withText("10 recovery codes left. Each works once when you "
                + "have neither your phone nor your key."))).isNotNull();

        _click((Button) _getCellComponent(_get(Grid.class), 0, "remove"));
        StepUpDialog stepUp = _get(StepUpDialog.class);
        assertThat(_get(stepUp, Paragraph.class).getText()).startsWith("Verify a second factor to remove a second "
                + "factor.");
        _setValue(_get(stepUp, TextField.class), TestMfa.nextCode(secret));
        _click(_get(stepUp, Button.class, spec -> spec.withText(StepUpDialog.VERIFY)));

        assertThat(_size(_get(Grid.class))).isZero();
        assertThat(_get(Paragraph.class, spec -> spec.withText(TwoStepView.NO_FACTOR))).isNotNull();
    }

    @Test
    void someone_without_a_factor_is_offered_an_authenticator_app_instead_of_recovery_codes() {
        openAs(TestUsers.REQUESTER, TwoStepView.ROUTE);

        assertThat(_get(Paragraph.class, spec -> spec.withText(TwoStepView.NO_FACTOR))).isNotNull();
        assertThat(_find(Paragraph.class, spec -> spec.withText("No recovery codes left. Each code works once when "
                + "you have neither your phone nor your key; make new ones."))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText(TwoStepView.NEW_CODES))).isEmpty();

        _click(_get(Button.class, spec -> spec.withText(TwoStepView.SET_UP)));

        assertThat(_get(Image.class).getSrc()).startsWith("data:image/svg+xml;base64,");
        assertThat(_get(TextField.class, spec -> spec.withLabel("Code the app shows now"))).isNotNull();
    }

    @Test
    void someone_with_a_factor_renews_recovery_codes_and_is_not_offered_a_first_factor() {
        mfa.enrolTotp(TestUsers.REQUESTER);
        openAs(TestUsers.REQUESTER, TwoStepView.ROUTE);

        assertThat(_find(Button.class, spec -> spec.withText(TwoStepView.NEW_CODES))).hasSize(1);
        assertThat(_find(Button.class, spec -> spec.withText(TwoStepView.SET_UP))).isEmpty();
    }
}
