package dev.gatehouse.review.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.ShortcutsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import dev.gatehouse.KaribuTest;
import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.policy.ApproverType;
import dev.gatehouse.policy.RequesterType;
import dev.gatehouse.policy.ScopeType;
import dev.gatehouse.policy.TestRules;
import dev.gatehouse.review.CampaignScope;
import dev.gatehouse.review.ItemChoice;
import dev.gatehouse.review.ItemKind;
import dev.gatehouse.review.ReviewDecisions;
import dev.gatehouse.review.ReviewFixtures;
import dev.gatehouse.review.ReviewItemRow;
import dev.gatehouse.review.MyReviewItem;
import dev.gatehouse.review.MyReviewsFilter;
import dev.gatehouse.review.ReviewerStage;
import dev.gatehouse.sandbox.Sandbox;

class MyReviewsViewTest extends KaribuTest {

    @Autowired
    private ReviewFixtures fixtures;
    @Autowired
    private Sandbox sandbox;
    @Autowired
    private ReviewDecisions decisions;

    @Autowired
    private TestRules rules;

    private String riley;
    private String avery;
    /** A given name of this test's own, so a search finds only its person. */
    private String quinnName;

    @BeforeEach
    void demoDirectory() {
        fixtures.demoDirectory();
        riley = fixtures.userId(TestUsers.REQUESTER);
        avery = fixtures.userId(TestUsers.APPROVER);
        quinnName = "Quinn" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void a_manager_keeps_one_of_rileys_items_with_a_reason_and_revokes_another_which_leaves_identity_center() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        fixtures.standing(account, "ReadOnlyAccess", "USER", riley);
        fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())), List.of(ReviewerStage.manager())));
        openAs(TestUsers.APPROVER, "reviews");
        Grid<MyReviewItem> grid = _get(Grid.class, spec -> spec.withId(MyReviewsView.ITEMS_ID));

        assertThat(rowsOn(grid, account, "person", "permission-set", "held", "stage", "decision"))
                .extracting(row -> String.join(" | ", row)).containsExactlyInAnyOrder(
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
            assertThat(rowsOn(grid, account, "permission-set", "decision")).extracting(row -> String.join(" | ", row))
                    .containsExactlyInAnyOrder(
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
        Grid<MyReviewItem> grid = _get(Grid.class, spec -> spec.withId(MyReviewsView.ITEMS_ID));

        grid.asMultiSelect().select(item(grid, account, "Developer"));
        _click(_get(Button.class, spec -> spec.withText("Convert to just in time")));
        assertThat(NotificationsKt.getNotifications()).last().satisfies(n -> assertThat(n.getElement()
                .getProperty("text")).isEqualTo("1 converted to just in time."));

        MyReviewItem readOnly = item(grid, account, "ReadOnlyAccess");
        grid.asMultiSelect().select(readOnly);
        _click(_get(Button.class, spec -> spec.withText("Delegate…")));
        ReviewItemRow.Person jordan = decisions.delegates(readOnly.item().id(), "Jordan", 5).get(0);
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
            assertThat(rowsOn(grid, account, "permission-set", "decision")).as("the delegated item is Jordan's now")
                    .extracting(row -> String.join(" | ", row)).containsExactly(
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

    @Test
    void a_reviewer_sees_beside_each_item_the_person_the_admin_level_flag_the_covering_rule_and_a_recommendation() {
        String quinn = fixtures.person(quinnName, avery);
        AccountRow account = fixtures.account();
        fixtures.standing(account, "AdministratorAccess", "USER", quinn);
        fixtures.standing(account, "Developer", "USER", quinn);
        rules.save(TestRules.draft("Quinn deploys", RequesterType.USER, quinn, ScopeType.ACCOUNT, account.id(),
                fixtures.arn("Developer"), 0, ApproverType.NONE, ""));
        fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())), List.of(ReviewerStage.manager())));
        openAs(TestUsers.APPROVER, "reviews");
        Grid<MyReviewItem> grid = _get(Grid.class, spec -> spec.withId(MyReviewsView.ITEMS_ID));

        assertThat(rowsOn(grid, account, "permission-set", "identity-store", "policies", "risk", "last-use", "rule",
                "recommendation")).extracting(row -> String.join(" | ", row)).containsExactlyInAnyOrder(
                "AdministratorAccess | Enabled; manager Avery Patel | AWS managed AdministratorAccess | "
                        + "Admin-level: AWS managed AdministratorAccess | Never | No rule covers it | "
                        + "Admin-level access: keep only with a reason",
                "Developer | Enabled; manager Avery Patel | customer managed /gatehouse/developer-baseline, boundary "
                        + "arn:aws:iam::aws:policy/PowerUserAccess |  | Never | Rule \"Quinn deploys\" covers it | "
                        + "No just-in-time use in 90 days and an access rule covers it: convert to just-in-time");
    }

    @Test
    void the_filters_and_the_search_narrow_the_grid_and_its_count_and_grouping_by_account_puts_the_account_first() {
        String quinn = fixtures.person(quinnName, avery);
        AccountRow account = fixtures.account();
        AccountRow other = fixtures.account();
        fixtures.standing(account, "AdministratorAccess", "USER", quinn);
        fixtures.standing(account, "Developer", "USER", quinn);
        fixtures.standing(other, "ReadOnlyAccess", "USER", quinn);
        fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id(), other.id())),
                List.of(ReviewerStage.manager())));
        openAs(TestUsers.APPROVER, "reviews");
        Grid<MyReviewItem> grid = _get(Grid.class, spec -> spec.withId(MyReviewsView.ITEMS_ID));

        _setValue(_get(TextField.class, spec -> spec.withLabel("Search (Alt+S)")), quinnName);
        assertThat(_size(grid)).isEqualTo(3);
        assertThat(_get(Span.class, spec -> spec.withId(MyReviewsView.COUNT_ID)).getText()).isEqualTo("3 items match");

        Checkbox adminLevel = _get(Checkbox.class, spec -> spec.withLabel("Admin-level only"));
        _setValue(adminLevel, true);
        assertThat(_size(grid)).isEqualTo(1);
        assertThat(cells(grid, 0, "permission-set", "risk")).containsExactly("AdministratorAccess",
                "Admin-level: AWS managed AdministratorAccess");
        assertThat(_get(Span.class, spec -> spec.withId(MyReviewsView.COUNT_ID)).getText()).isEqualTo("1 item matches");
        _setValue(adminLevel, false);

        ComboBox<ItemKind> kind = _get(ComboBox.class, spec -> spec.withLabel("Kind"));
        _setValue(kind, ItemKind.MEMBERSHIP);
        assertThat(_size(grid)).as("a campaign of standing access alone").isZero();
        assertThat(grid.getEmptyStateText()).isEqualTo(MyReviewsView.NOTHING_MATCHES);
        _setValue(kind, null);

        _setValue(_get(ComboBox.class, spec -> spec.withLabel("Account")),
                new ItemChoice(other.id(), other.name() + " (" + other.id() + ")"));
        assertThat(_size(grid)).isEqualTo(1);
        assertThat(cells(grid, 0, "permission-set")).containsExactly("ReadOnlyAccess");

        _setValue(_get(Select.class, spec -> spec.withLabel("Group by")), MyReviewsFilter.Grouping.BY_ACCOUNT);
        assertThat(grid.getColumns()).extracting(Grid.Column::getKey).startsWith("account", "person");

        _setValue(_get(TextField.class, spec -> spec.withLabel("Search (Alt+S)")), "nobody-by-this-name");
        assertThat(_size(grid)).isZero();
        assertThat(grid.getEmptyStateText()).isEqualTo(MyReviewsView.NOTHING_MATCHES);
    }

    @Test
    void keeping_every_item_matching_the_filter_asks_first_naming_how_many_and_needs_a_reason() {
        String quinn = fixtures.person(quinnName, avery);
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", quinn);
        fixtures.standing(account, "ReadOnlyAccess", "USER", quinn);
        fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())), List.of(ReviewerStage.manager())));
        openAs(TestUsers.APPROVER, "reviews");
        Grid<MyReviewItem> grid = _get(Grid.class, spec -> spec.withId(MyReviewsView.ITEMS_ID));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Search (Alt+S)")), quinnName);

        _click(_get(Button.class, spec -> spec.withText("Keep all matching…")));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("Keep all 2 items matching the filter?");
        ConfirmDialogKt._fireConfirm(confirm);
        TextField why = _get(TextField.class, spec -> spec.withLabel("Why (needed to keep)"));
        assertThat(why.isInvalid()).isTrue();
        assertThat(why.getErrorMessage()).isEqualTo("Say why the access should stay (at least 5 characters).");

        _setValue(why, "Quinn is on call for payments");
        _click(_get(Button.class, spec -> spec.withText("Keep all matching…")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(NotificationsKt.getNotifications()).last()
                .satisfies(n -> assertThat(n.getElement().getProperty("text")).isEqualTo("2 kept."));
        assertThat(rowsOn(grid, account, "permission-set", "decision")).extracting(row -> String.join(" | ", row))
                .containsExactlyInAnyOrder("Developer | Kept by Avery Patel", "ReadOnlyAccess | Kept by Avery Patel");
    }

    @Test
    void alt_r_revokes_the_selected_items() {
        String quinn = fixtures.person(quinnName, avery);
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", quinn);
        fixtures.launched(fixtures.draft(CampaignScope.accounts(Set.of(account.id())), List.of(ReviewerStage.manager())));
        openAs(TestUsers.APPROVER, "reviews");
        Grid<MyReviewItem> grid = _get(Grid.class, spec -> spec.withId(MyReviewsView.ITEMS_ID));
        grid.asMultiSelect().select(item(grid, account, "Developer"));

        ShortcutsKt.fireShortcut(Key.KEY_R, KeyModifier.ALT);

        assertThat(NotificationsKt.getNotifications()).last()
                .satisfies(n -> assertThat(n.getElement().getProperty("text")).isEqualTo("1 revoked."));
    }

    /** The cells of the columns with these keys, as shown, in each row on the account. */
    static List<List<String>> rowsOn(Grid<MyReviewItem> grid, AccountRow account, String... columns) {
        return IntStream.range(0, _size(grid)).filter(i -> _get(grid, i).item().access().accountId().equals(account.id()))
                .mapToObj(i -> cells(grid, i, columns)).toList();
    }

    static List<String> cells(Grid<MyReviewItem> grid, int row, String... columns) {
        List<String> shown = _getFormattedRow(grid, row);
        List<Grid.Column<MyReviewItem>> all = grid.getColumns();
        return Arrays.stream(columns).map(key -> shown.get(all.indexOf(grid.getColumnByKey(key)))).toList();
    }

    static MyReviewItem item(Grid<MyReviewItem> grid, AccountRow account, String permissionSet) {
        return IntStream.range(0, _size(grid)).mapToObj(i -> _get(grid, i))
                .filter(item -> item.item().access().accountId().equals(account.id())
                        && item.item().access().permissionSetName().equals(permissionSet)).findFirst().orElseThrow();
    }
}
