package dev.gatehouse.access.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
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
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;

import dev.gatehouse.TestUsers;
import dev.gatehouse.access.AccessService;
import dev.gatehouse.access.GrantService;
import dev.gatehouse.access.GrantStatus;
import dev.gatehouse.access.RequestForm;
import dev.gatehouse.access.RequestStatus;
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
        AccountRow chosen = activeReadOnlyAccess(Duration.ofHours(2));

        openAs(TestUsers.REQUESTER, "");

        @SuppressWarnings("unchecked")
        Grid<?> grants = _find(Grid.class).get(0);
        // Other tests in this JVM may have left Riley other access; this row is the one just granted.
        int index = rowOf(grants, chosen.name());
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
        _fireConfirm(_get(ConfirmDialog.class));
        assertThat(NotificationsKt.getNotifications()).last().satisfies(n -> assertThat(
                n.getElement().getProperty("text")).contains("is being removed"));
    }

    @Test
    void giving_access_back_asks_first_and_the_access_then_no_longer_reads_as_active() {
        AccountRow chosen = activeReadOnlyAccess(Duration.ofHours(1));
        openAs(TestUsers.REQUESTER, "");
        Grid<?> grid = _find(Grid.class).get(0);

        _click(_get(_getCellComponent(grid, rowOf(grid, chosen.name()), MyAccessView.ACTIONS), Button.class,
                spec -> spec.withText(MyAccessView.GIVE_BACK)));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(confirm.getElement().getProperty("header")).isEqualTo("Give back ReadOnlyAccess on "
                + chosen.name() + "?");
        assertThat(confirm.getElement().getProperty("message")).endsWith(MyAccessView.SESSION_NOTE);
        assertThat(grants.myGrants()).as("nothing happens before the answer")
                .anyMatch(g -> g.accountId().equals(chosen.id()) && g.endedBy().isEmpty());
        _fireConfirm(confirm);

        // The end runs in the background: the row reads as ending, or is gone once the access has ended.
        IntStream.range(0, _size(grid)).mapToObj(i -> _getFormattedRow(grid, i))
                .filter(row -> row.get(0).equals(chosen.name()) && row.get(1).equals("ReadOnlyAccess"))
                .forEach(row -> assertThat(row.subList(2, 4)).containsExactly("Ending", "being removed…"));
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> grants.myGrants().stream()
                .noneMatch(g -> g.accountId().equals(chosen.id())));
        Grid<?> requests = _get(Grid.class, spec -> spec.withId(MyAccessView.REQUESTS));
        requests.getDataProvider().refreshAll();
        assertThat(IntStream.range(0, _size(requests)).mapToObj(i -> _getFormattedRow(requests, i))
                .filter(row -> row.get(1).equals(chosen.name())).findFirst().orElseThrow().get(4))
                .endsWith("access given back");
    }

    @Test
    void cancelling_a_pending_request_asks_first() {
        String developer = rules.permissionSetArn("Developer");
        rules.save(TestRules.draft("Manager approves", RequesterType.USER, rules.userId(TestUsers.REQUESTER),
                ScopeType.ORGANIZATION, "", developer, 1, ApproverType.MANAGER, ""));
        AccountRow chosen = accounts.fresh();
        TestUsers.signIn(TestUsers.REQUESTER);
        access.submit(new RequestForm(developer, List.of(chosen.id()), Duration.ofHours(1), Optional.empty(),
                "Debugging checkout", ""));
        openAs(TestUsers.REQUESTER, "");
        Grid<?> requests = _get(Grid.class, spec -> spec.withId(MyAccessView.REQUESTS));
        assertThat(_getFormattedRow(requests, 0).get(1)).isEqualTo(chosen.name());

        _click((Button) _getCellComponent(requests, 0, MyAccessView.CANCEL_COLUMN));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(confirm.getElement().getProperty("header")).isEqualTo("Cancel your request for Developer on "
                + chosen.name() + "?");
        assertThat(access.myRequests(0, 1).get(0).status()).as("nothing happens before the answer")
                .isEqualTo(RequestStatus.PENDING);
        _fireConfirm(confirm);

        assertThat(NotificationsKt.getNotifications()).last().satisfies(n -> assertThat(
                n.getElement().getProperty("text")).isEqualTo("Request cancelled."));
        assertThat(_getFormattedRow(requests, 0).get(4)).isEqualTo("Cancelled");
    }

    /** Riley's ReadOnlyAccess on the account, granted without approval and active. */
    private AccountRow activeReadOnlyAccess(Duration duration) {
        String readOnly = rules.permissionSetArn("ReadOnlyAccess");
        rules.save(TestRules.draft("Open", RequesterType.USER, rules.userId(TestUsers.REQUESTER),
                ScopeType.ORGANIZATION, "", readOnly, 0, ApproverType.NONE, ""));
        AccountRow chosen = accounts.fresh();
        TestUsers.signIn(TestUsers.REQUESTER);
        access.submit(new RequestForm(readOnly, List.of(chosen.id()), duration, Optional.empty(), "", ""));
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> grants.myGrants().stream()
                .anyMatch(g -> g.accountId().equals(chosen.id()) && g.status() == GrantStatus.ACTIVE));
        return chosen;
    }

    private static int rowOf(Grid<?> grid, String accountName) {
        return IntStream.range(0, _size(grid)).filter(i -> _getFormattedRow(grid, i).get(0).equals(accountName)
                && _getFormattedRow(grid, i).get(1).equals("ReadOnlyAccess")).findFirst().orElseThrow();
    }

    @Test
    void without_access_the_page_says_so_and_offers_a_request() {
        openAs(TestUsers.DIRECTOR, "");

        assertThat(_get(Paragraph.class, spec -> spec.withText(MyAccessView.NO_GRANTS)).isVisible()).isTrue();
        _click(_get(Button.class, spec -> spec.withText("Request access")));
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("request");
    }
}
