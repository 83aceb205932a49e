package dev.gatehouse.access.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import dev.gatehouse.TestUsers;
import dev.gatehouse.access.AccessService;
import dev.gatehouse.access.GrantService;
import dev.gatehouse.access.GrantStatus;
import dev.gatehouse.access.RequestForm;
import dev.gatehouse.access.RequestSummary;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.policy.ApproverType;
import dev.gatehouse.policy.RequesterType;
import dev.gatehouse.policy.ScopeType;
import dev.gatehouse.policy.TestRules;
import dev.gatehouse.ui.AccessDeniedView;

class ActiveAccessViewTest extends AccessViewTest {

    @Autowired
    private AccessService access;
    @Autowired
    private GrantService grants;

    @Test
    void an_admin_revokes_someones_access_with_a_reason() {
        AccountRow account = grantRiley();
        openAs(TestUsers.ADMIN, "access/active");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Search")), account.name());
        Grid<?> grid = _get(Grid.class, spec -> spec.withId("current-access"));
        assertThat(_getFormattedRow(grid, 0)).startsWith("Riley Chen", account.name() + " (" + account.id() + ")",
                "SecurityAudit", "Active");

        _click(_get(_getCellComponent(grid, 0, ActiveAccessView.REVOKE), Button.class));
        Dialog dialog = _get(Dialog.class);
        _click(_get(dialog, Button.class, spec -> spec.withText("Revoke")));
        TextArea reason = _get(dialog, TextArea.class, spec -> spec.withLabel("Reason"));
        assertThat(reason.getErrorMessage()).isEqualTo("Say why the access is revoked.");

        _setValue(reason, "Incident closed");
        _click(_get(dialog, Button.class, spec -> spec.withText("Revoke")));

        assertThat(NotificationsKt.getNotifications()).singleElement().satisfies(n -> assertThat(
                n.getElement().getProperty("text")).isEqualTo("Access is being revoked."));
        TestUsers.signIn(TestUsers.REQUESTER);
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> access.myRequests(0, 200).stream()
                .filter(r -> r.accountId().equals(account.id())).findFirst().flatMap(r -> r.grant())
                .map(g -> g.status() == GrantStatus.REVOKED && g.endReason().endsWith(": Incident closed"))
                .orElse(false));
    }

    @Test
    void an_auditor_sees_current_access_but_cannot_revoke() {
        AccountRow account = grantRiley();
        openAs(TestUsers.AUDITOR, "access/active");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Search")), account.name());

        Grid<?> grid = _get(Grid.class, spec -> spec.withId("current-access"));
        assertThat(_size(grid)).isEqualTo(1);
        assertThat(grid.getColumnByKey(ActiveAccessView.REVOKE)).isNull();
    }

    @Test
    void an_admin_follows_up_break_glass_access_with_what_they_found() {
        String developer = rules.permissionSetArn("Developer");
        rules.breakGlass("Emergency", rules.userId(TestUsers.REQUESTER), developer, ApproverType.NONE);
        AccountRow account = accounts.fresh();
        TestUsers.signIn(TestUsers.REQUESTER);
        access.submit(new RequestForm(developer, List.of(account.id()), Duration.ofHours(1), Optional.empty(),
                "Failover of the orders database", "", true));
        TestUsers.signOut();
        openAs(TestUsers.ADMIN, "access/active");
        int waiting = shownCount("Active access");
        assertThat(waiting).as("this activation among those the admin is shown waiting").isPositive();
        assertThat(navigationNumber("Active access").orElseThrow().getElement().getAttribute("title"))
                .endsWith(" for an admin's follow-up");
        Grid<RequestSummary> followUps = followUps();
        int row = rowAbout(followUps, account);
        assertThat(_getFormattedRow(followUps, row)).contains("Riley Chen", "Developer",
                "Failover of the orders database");

        _click(_get(_getCellComponent(followUps, row, ActiveAccessView.FOLLOW_UP), Button.class));
        Dialog dialog = _get(Dialog.class);
        _setValue(_get(dialog, TextArea.class, spec -> spec.withLabel("What you found")), "INC-90, used as stated");
        _click(_get(dialog, Button.class, spec -> spec.withText("Mark followed up")));

        assertThat(rowAbout(followUps(), account)).as("no longer waiting").isEqualTo(-1);
        assertThat(shownCount("Active access")).isEqualTo(waiting - 1);
    }

    @Test
    void an_auditor_sees_break_glass_to_follow_up_but_cannot_mark_it() {
        openAs(TestUsers.AUDITOR, "access/active");

        assertThat(followUps().getColumnByKey(ActiveAccessView.FOLLOW_UP)).isNull();
        assertThat(navigationNumber("Active access")).as("the number counts what waits for an admin").isEmpty();
    }

    @Test
    void a_requester_is_turned_away() {
        openAs(TestUsers.REQUESTER, "access/active");

        assertThat(_get(H2.class).getText()).isEqualTo(AccessDeniedView.HEADING);
    }

    @SuppressWarnings("unchecked")
    private static Grid<RequestSummary> followUps() {
        return _get(Grid.class, spec -> spec.withId("break-glass-follow-ups"));
    }

    private static int rowAbout(Grid<RequestSummary> grid, AccountRow account) {
        for (int row = 0; row < _size(grid); row++) {
            if (GridKt._get(grid, row).accountId().equals(account.id())) {
                return row;
            }
        }
        return -1;
    }

    private AccountRow grantRiley() {
        String set = rules.permissionSetArn("SecurityAudit");
        rules.save(TestRules.draft("Open", RequesterType.USER, rules.userId(TestUsers.REQUESTER),
                ScopeType.ORGANIZATION, "", set, 0, ApproverType.NONE, ""));
        AccountRow account = accounts.fresh();
        TestUsers.signIn(TestUsers.REQUESTER);
        access.submit(new RequestForm(set, List.of(account.id()), Duration.ofHours(1), Optional.empty(), "", ""));
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> grants.myGrants().stream()
                .anyMatch(g -> g.accountId().equals(account.id()) && g.status() == GrantStatus.ACTIVE));
        TestUsers.signOut();
        return account;
    }
}
