package dev.gatehouse.access.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;

import dev.gatehouse.TestUsers;
import dev.gatehouse.access.AccessService;
import dev.gatehouse.access.GrantSummary;
import dev.gatehouse.access.RequestForm;
import dev.gatehouse.access.RequestSummary;
import dev.gatehouse.policy.ApproverType;
import dev.gatehouse.policy.RequesterType;
import dev.gatehouse.policy.ScopeType;
import dev.gatehouse.policy.TestRules;

class ApprovalsViewTest extends AccessViewTest {

    @Autowired
    private AccessService access;

    @Test
    void a_manager_approves_a_request_from_the_inbox() {
        String account = requestAsRiley();
        openAs(TestUsers.APPROVER, "approvals");
        @SuppressWarnings("unchecked")
        Grid<RequestSummary> inbox = _find(Grid.class).get(0);
        // One read of the inbox: requests other tests leave may change between two.
        List<RequestSummary> shown = inbox.getGenericDataView().getItems().toList();
        int row = IntStream.range(0, shown.size()).filter(i -> shown.get(i).accountId().equals(account)).findFirst()
                .orElseThrow();
        RequestSummary mine = shown.get(row);
        assertThat(_getFormattedRow(inbox, row)).contains("Riley Chen", "Developer", "1 h", "Debugging checkout");

        inbox.select(mine);
        _setValue(_get(TextField.class, spec -> spec.withLabel("Comment (optional)")), "Go ahead");
        _click(_get(Button.class, spec -> spec.withText("Approve selected")));

        assertThat(NotificationsKt.getNotifications()).singleElement()
                .satisfies(n -> assertThat(n.getElement().getProperty("text")).isEqualTo("1 approved and granted."));
        assertThat(inbox.getGenericDataView().getItems().map(RequestSummary::accountId)).doesNotContain(account);
    }

    @Test
    void an_approver_sees_the_access_they_approved_and_can_revoke_it() {
        String account = requestAsRiley();
        openAs(TestUsers.APPROVER, "approvals");
        @SuppressWarnings("unchecked")
        Grid<RequestSummary> inbox = _find(Grid.class).get(0);
        inbox.select(inbox.getGenericDataView().getItems().filter(r -> r.accountId().equals(account)).findFirst()
                .orElseThrow());
        _click(_get(Button.class, spec -> spec.withText("Approve selected")));
        @SuppressWarnings("unchecked")
        Grid<GrantSummary> approved = _find(Grid.class).get(1);

        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> {
            approved.getDataProvider().refreshAll();
            return approved.getGenericDataView().getItems().anyMatch(g -> g.accountId().equals(account));
        });
        int row = approved.getGenericDataView().getItems().map(GrantSummary::accountId).toList().indexOf(account);
        assertThat(_getFormattedRow(approved, row).get(0)).isEqualTo("Riley Chen");
        _click(_get(_getCellComponent(approved, row, ApprovalsView.REVOKE), Button.class));
        assertThat(_get(Dialog.class).getHeaderTitle()).startsWith("Revoke Developer on ");
    }

    @Test
    void nobody_sees_their_own_request_in_the_inbox() {
        requestAsRiley();

        openAs(TestUsers.REQUESTER, "approvals");

        Grid<?> inbox = _find(Grid.class).get(0);
        assertThat(_size(inbox)).isZero();
        assertThat(inbox.getEmptyStateText()).isEqualTo(ApprovalsView.EMPTY);
    }

    @Test
    void deciding_without_a_selection_asks_for_one() {
        openAs(TestUsers.APPROVER, "approvals");

        _click(_get(Button.class, spec -> spec.withText("Deny selected")));

        assertThat(NotificationsKt.getNotifications()).singleElement().satisfies(n -> assertThat(
                n.getElement().getProperty("text")).isEqualTo("Select the requests to deny first."));
    }

    @Test
    void approvals_shows_how_many_requests_wait_for_the_approver_and_lists_break_glass_that_names_them() {
        String billing = rules.permissionSetArn("BillingReadOnly");
        String riley = rules.userId(TestUsers.REQUESTER);
        rules.save(TestRules.draft("Manager approves", RequesterType.USER, riley, ScopeType.ORGANIZATION, "", billing,
                1, ApproverType.MANAGER, ""));
        rules.breakGlass("Emergency", riley, billing, ApproverType.MANAGER);
        openAs(TestUsers.APPROVER, "");
        int before = shownCount("Approvals");

        TestUsers.signIn(TestUsers.REQUESTER);
        String requested = accounts.fresh().id();
        access.submit(new RequestForm(billing, List.of(requested), Duration.ofHours(1), Optional.empty(),
                "Checking last month's invoice", ""));
        access.activateBreakGlass(new RequestForm(billing, List.of(accounts.fresh().id()), Duration.ofHours(1),
                Optional.empty(), "Cost alarm INC-93 at night", "", true));
        TestUsers.signIn(TestUsers.APPROVER);
        UI.getCurrent().navigate("approvals");

        assertThat(shownCount("Approvals")).isEqualTo(before + 2);
        assertThat(navigationNumber("Approvals").orElseThrow().getElement().getAttribute("title"))
                .endsWith("; 1 break-glass activation names you").contains("wait for your decision");
        @SuppressWarnings("unchecked")
        Grid<RequestSummary> told = _get(Grid.class, spec -> spec.withId("break-glass-told"));
        assertThat(_getFormattedRow(told, 0)).contains("Riley Chen", "BillingReadOnly", "Cost alarm INC-93 at night");

        @SuppressWarnings("unchecked")
        Grid<RequestSummary> inbox = _find(Grid.class).get(0);
        inbox.select(inbox.getGenericDataView().getItems().filter(r -> r.accountId().equals(requested)).findFirst()
                .orElseThrow());
        _click(_get(Button.class, spec -> spec.withText("Approve selected")));

        assertThat(shownCount("Approvals")).as("the decided request no longer counts").isEqualTo(before + 1);
    }

    private String requestAsRiley() {
        String developer = rules.permissionSetArn("Developer");
        rules.save(TestRules.draft("Manager approves", RequesterType.USER, rules.userId(TestUsers.REQUESTER),
                ScopeType.ORGANIZATION, "", developer, 1, ApproverType.MANAGER, ""));
        String account = accounts.fresh().id();
        TestUsers.signIn(TestUsers.REQUESTER);
        access.submit(new RequestForm(developer, List.of(account), Duration.ofHours(1), Optional.empty(),
                "Debugging checkout", ""));
        TestUsers.signOut();
        return account;
    }
}
