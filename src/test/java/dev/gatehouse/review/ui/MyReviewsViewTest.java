package dev.gatehouse.review.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextField;

import dev.gatehouse.KaribuTest;
import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.review.CampaignScope;
import dev.gatehouse.review.ReviewDecisions;
import dev.gatehouse.review.ReviewFixtures;
import dev.gatehouse.review.ReviewItemRow;
import dev.gatehouse.review.ReviewerStage;
import dev.gatehouse.sandbox.Sandbox;

class MyReviewsViewTest extends KaribuTest {

    @Autowired
    private ReviewFixtures fixtures;
    @Autowired
    private Sandbox sandbox;
    @Autowired
    private ReviewDecisions decisions;

    private String riley;

    @BeforeEach
    void demoDirectory() {
        fixtures.demoDirectory();
        riley = fixtures.userId(TestUsers.REQUESTER);
    }

    @Test
    void a_manager_keeps_one_of_rileys_items_with_a_reason_and_revokes_another_which_leaves_identity_center() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        fixtures.standing(account, "ReadOnlyAccess", "USER", riley);
        fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())), List.of(ReviewerStage.manager())));
        openAs(TestUsers.APPROVER, "reviews");
        Grid<ReviewItemRow> grid = _get(Grid.class, spec -> spec.withId(MyReviewsView.ITEMS_ID));

        assertThat(rowsOn(grid, account)).extracting(row -> row.get(1) + " | " + row.get(3) + " | " + row.get(4) + " | "
                + row.get(6) + " | " + row.get(7)).containsExactlyInAnyOrder(
                "Riley Chen | Developer | Standing: assigned directly | 1 of 1: Avery Patel | Pending",
                "Riley Chen | ReadOnlyAccess | Standing: assigned directly | 1 of 1: Avery Patel | Pending");

        grid.asMultiSelect().select(item(grid, account, "Developer"));
        _click(_get(Button.class, spec -> spec.withText("Keep selected")));
        TextField why = _get(TextField.class, spec -> spec.withLabel("Why (needed to keep)"));
        assertThat(why.isInvalid()).isTrue();
        assertThat(why.getErrorMessage()).isEqualTo("Say why the access should stay (at least 5 characters).");
        _setValue(why, "Deploys payments every day");
        _click(_get(Button.class, spec -> spec.withText("Keep selected")));
        assertThat(NotificationsKt.getNotifications()).last()
                .satisfies(n -> assertThat(n.getElement().getProperty("text")).isEqualTo("1 kept."));

        grid.asMultiSelect().select(item(grid, account, "ReadOnlyAccess"));
        _click(_get(Button.class, spec -> spec.withText("Revoke selected")));
        assertThat(NotificationsKt.getNotifications()).last()
                .satisfies(n -> assertThat(n.getElement().getProperty("text")).isEqualTo("1 revoked."));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.organization().assignments().stream()
                .noneMatch(a -> a.accountId().equals(account.id()) && a.principalId().equals(riley)
                        && a.permissionSetArn().equals(fixtures.arn("ReadOnlyAccess"))));
        Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            grid.getDataProvider().refreshAll();
            assertThat(rowsOn(grid, account)).extracting(row -> row.get(3) + " | " + row.get(7)).containsExactlyInAnyOrder(
                    "Developer | Kept by Avery Patel",
                    "ReadOnlyAccess | Revoked by Avery Patel; removed in Identity Center");
        });
    }

    @Test
    void a_manager_converts_one_of_rileys_items_to_just_in_time_and_delegates_another_to_jordan_with_a_reason() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        fixtures.standing(account, "ReadOnlyAccess", "USER", riley);
        fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())), List.of(ReviewerStage.manager())));
        openAs(TestUsers.APPROVER, "reviews");
        Grid<ReviewItemRow> grid = _get(Grid.class, spec -> spec.withId(MyReviewsView.ITEMS_ID));

        grid.asMultiSelect().select(item(grid, account, "Developer"));
        _click(_get(Button.class, spec -> spec.withText("Convert to just in time")));
        assertThat(NotificationsKt.getNotifications()).last().satisfies(n -> assertThat(n.getElement()
                .getProperty("text")).isEqualTo("1 converted to just in time."));

        ReviewItemRow readOnly = item(grid, account, "ReadOnlyAccess");
        grid.asMultiSelect().select(readOnly);
        _click(_get(Button.class, spec -> spec.withText("Delegate…")));
        ReviewItemRow.Person jordan = decisions.delegates(readOnly.id(), "Jordan", 5).get(0);
        _setValue(_get(ComboBox.class, spec -> spec.withId(MyReviewsView.DELEGATE_TO_ID)), jordan);
        _click(_get(Button.class, spec -> spec.withText("Delegate")));
        TextField reason = _get(TextField.class, spec -> spec.withId(MyReviewsView.DELEGATE_REASON_ID));
        assertThat(reason.getErrorMessage()).isEqualTo("Say why Jordan Kim should decide (at least 5 characters).");
        _setValue(reason, "Jordan owns read-only access");
        _click(_get(Button.class, spec -> spec.withText("Delegate")));
        assertThat(NotificationsKt.getNotifications()).last().satisfies(n -> assertThat(n.getElement()
                .getProperty("text")).isEqualTo("Jordan Kim decides Riley Chen's ReadOnlyAccess on " + account.name()
                + " now."));

        Awaitility.await().pollInSameThread().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            grid.getDataProvider().refreshAll();
            assertThat(rowsOn(grid, account)).as("the delegated item is Jordan's now")
                    .extracting(row -> row.get(3) + " | " + row.get(7)).containsExactly(
                            "Developer | Converted to just in time by Avery Patel; removed in Identity Center");
        });
    }

    @Test
    void someone_with_nothing_to_review_is_told_so() {
        openAs(TestUsers.STRANGER, "reviews");

        assertThat(_get(H2.class).getText()).isEqualTo("My reviews");
        Grid<?> grid = _get(Grid.class, spec -> spec.withId(MyReviewsView.ITEMS_ID));
        assertThat(_size(grid)).isZero();
        assertThat(grid.getEmptyStateText()).isEqualTo(MyReviewsView.EMPTY);
        _click(_get(Button.class, spec -> spec.withText("Revoke selected")));
        assertThat(NotificationsKt.getNotifications()).last()
                .satisfies(n -> assertThat(n.getElement().getProperty("text")).isEqualTo("Select the items to revoke first."));
    }

    private static List<List<String>> rowsOn(Grid<ReviewItemRow> grid, AccountRow account) {
        return IntStream.range(0, _size(grid)).filter(i -> _get(grid, i).access().accountId().equals(account.id()))
                .mapToObj(i -> _getFormattedRow(grid, i)).toList();
    }

    private static ReviewItemRow item(Grid<ReviewItemRow> grid, AccountRow account, String permissionSet) {
        return IntStream.range(0, _size(grid)).mapToObj(i -> _get(grid, i))
                .filter(item -> item.access().accountId().equals(account.id())
                        && item.access().permissionSetName().equals(permissionSet)).findFirst().orElseThrow();
    }
}
