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

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
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
        RequestSummary mine = inbox.getGenericDataView().getItems()
                .filter(r -> r.accountId().equals(account)).findFirst().orElseThrow();
        int row = inbox.getGenericDataView().getItems().toList().indexOf(mine);
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
