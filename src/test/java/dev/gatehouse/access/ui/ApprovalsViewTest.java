package dev.gatehouse.access.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;

import dev.gatehouse.TestUsers;
import dev.gatehouse.access.AccessService;
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
        String account = requestAsRiley(21);
        openAs(TestUsers.APPROVER, "approvals");
        @SuppressWarnings("unchecked")
        Grid<RequestSummary> inbox = _get(Grid.class);
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
    void nobody_sees_their_own_request_in_the_inbox() {
        requestAsRiley(22);

        openAs(TestUsers.REQUESTER, "approvals");

        Grid<?> inbox = _get(Grid.class);
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

    private String requestAsRiley(int accountIndex) {
        String developer = rules.permissionSetArn("Developer");
        rules.save(TestRules.draft("Manager approves", RequesterType.USER, rules.userId(TestUsers.REQUESTER),
                ScopeType.ORGANIZATION, "", developer, 1, ApproverType.MANAGER, ""));
        String account = rules.accountId(accountIndex);
        TestUsers.signIn(TestUsers.REQUESTER);
        access.submit(new RequestForm(developer, List.of(account), Duration.ofHours(1), Optional.empty(),
                "Debugging checkout", ""));
        TestUsers.signOut();
        return account;
    }
}
