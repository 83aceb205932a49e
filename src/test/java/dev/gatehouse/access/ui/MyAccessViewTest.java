package dev.gatehouse.access.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;

import dev.gatehouse.TestUsers;
import dev.gatehouse.access.AccessService;
import dev.gatehouse.access.GrantService;
import dev.gatehouse.access.GrantStatus;
import dev.gatehouse.access.RequestForm;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.policy.ApproverType;
import dev.gatehouse.policy.RequesterType;
import dev.gatehouse.policy.ScopeType;
import dev.gatehouse.policy.TestRules;

class MyAccessViewTest extends AccessViewTest {

    @Autowired
    private AccessService access;
    @Autowired
    private GrantService grants;

    @Test
    void active_access_shows_its_time_left_and_can_be_extended_and_given_back() {
        String readOnly = rules.permissionSetArn("ReadOnlyAccess");
        rules.save(TestRules.draft("Open", RequesterType.USER, rules.userId(TestUsers.REQUESTER),
                ScopeType.ORGANIZATION, "", readOnly, 0, ApproverType.NONE, ""));
        AccountRow chosen = accounts.fresh();
        String account = chosen.id();
        TestUsers.signIn(TestUsers.REQUESTER);
        access.submit(new RequestForm(readOnly, List.of(account), Duration.ofHours(2), Optional.empty(), "", ""));
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> grants.myGrants().stream()
                .anyMatch(g -> g.accountId().equals(account) && g.status() == GrantStatus.ACTIVE));

        openAs(TestUsers.REQUESTER, "");

        @SuppressWarnings("unchecked")
        Grid<?> grants = _find(Grid.class).get(0);
        // Other tests in this JVM may have left Riley other access; this row is the one just granted.
        int index = IntStream.range(0, _size(grants)).filter(i -> _getFormattedRow(grants, i).get(0)
                .equals(chosen.name()) && _getFormattedRow(grants, i).get(1).equals("ReadOnlyAccess")).findFirst()
                .orElseThrow();
        List<String> row = _getFormattedRow(grants, index);
        assertThat(row.get(2)).isEqualTo("Active");
        assertThat(row.get(3)).matches("ends in (1 h 5\\d min|2 h)");

        _click(_get(_getCellComponent(grants, index, MyAccessView.ACTIONS), Button.class,
                spec -> spec.withText("Extend")));
        _click(_get(_get(Dialog.class), Button.class, spec -> spec.withText("Extend")));
        assertThat(NotificationsKt.getNotifications()).last().satisfies(n -> assertThat(
                n.getElement().getProperty("text")).isEqualTo("Extended by 1 h."));

        Component actions = _getCellComponent(grants, index, MyAccessView.ACTIONS);
        _click(_get(actions, Button.class, spec -> spec.withText("Give back")));
        assertThat(NotificationsKt.getNotifications()).last().satisfies(n -> assertThat(
                n.getElement().getProperty("text")).contains("is being removed"));
    }

    @Test
    void without_access_the_page_says_so_and_offers_a_request() {
        openAs(TestUsers.DIRECTOR, "");

        assertThat(_get(Paragraph.class, spec -> spec.withText(MyAccessView.NO_GRANTS)).isVisible()).isTrue();
        _click(_get(Button.class, spec -> spec.withText("Request access")));
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("request");
    }
}
