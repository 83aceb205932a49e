package dev.gatehouse.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

import dev.gatehouse.KaribuTest;
import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.policy.AccessRule;
import dev.gatehouse.policy.ApproverType;
import dev.gatehouse.policy.Choice;
import dev.gatehouse.policy.RequesterType;
import dev.gatehouse.policy.ScopeType;
import dev.gatehouse.policy.TestRules;
import dev.gatehouse.review.CampaignDraft;
import dev.gatehouse.review.CampaignScope;
import dev.gatehouse.review.Decision;
import dev.gatehouse.review.ItemKind;
import dev.gatehouse.review.MyReviewItem;
import dev.gatehouse.review.ReviewCampaign;
import dev.gatehouse.review.ReviewDecisions;
import dev.gatehouse.review.ReviewFixtures;
import dev.gatehouse.review.ReviewItemRow;
import dev.gatehouse.review.ReviewerStage;

/** The campaign dialog's kinds, and items of each kind as My reviews and the campaign page show them. */
class ItemKindsViewTest extends KaribuTest {

    @Autowired
    private ReviewFixtures fixtures;
    @Autowired
    private TestRules rules;
    @Autowired
    private ReviewDecisions decisions;

    private String avery;

    @BeforeEach
    void demoDirectory() {
        fixtures.demoDirectory();
        avery = fixtures.userId(TestUsers.APPROVER);
    }

    @Test
    void the_dialog_reviews_standing_access_by_default_and_an_admin_adds_group_memberships() {
        openAs(TestUsers.ADMIN, "reviews/campaigns");
        _click(_get(Button.class, spec -> spec.withId(CampaignsView.NEW_ID)));
        CheckboxGroup<ItemKind> kinds = _get(CheckboxGroup.class, spec -> spec.withLabel("What is reviewed"));
        assertThat(kinds.getValue()).containsExactly(ItemKind.STANDING);
        assertThat(kinds.getItemLabelGenerator().apply(ItemKind.ELIGIBILITY)).isEqualTo("Access rule eligibility: "
                + "who may request what under an access rule (one item per person and rule)");

        _setValue(kinds, Set.of());
        fill("Nothing at all");
        _click(_get(Button.class, spec -> spec.withId("save-campaign")));
        assertThat(kinds.getErrorMessage()).startsWith("Choose what the campaign reviews");

        _setValue(kinds, Set.of(ItemKind.STANDING, ItemKind.MEMBERSHIP));
        _click(_get(Button.class, spec -> spec.withId("save-campaign")));

        assertThat(_get(Paragraph.class, spec -> spec.withId(CampaignView.KINDS_ID)).getText())
                .isEqualTo("What is reviewed: standing access, group membership.");
    }

    @Test
    void my_reviews_shows_what_an_eligibility_item_is_about_and_what_keep_and_revoke_do() {
        AccountRow account = fixtures.account();
        String casey = fixtures.person("Casey", avery);
        AccessRule rule = rules.save(rule("Casey may read", RequesterType.USER, casey, account));
        fixtures.launched(draft(account, casey));
        openAs(TestUsers.APPROVER, "reviews");
        Grid<MyReviewItem> grid = _get(Grid.class, spec -> spec.withId(MyReviewsView.ITEMS_ID));

        List<List<String>> rows = MyReviewsViewTest.rowsOn(grid, account, "person", "kind", "held", "recommendation");

        assertThat(rows).containsExactly(List.of("Casey Tester", "Access rule eligibility: May request ReadOnlyAccess on "
                + account.name() + " (" + account.id() + ") under rule \"" + rule.name() + "\" (1 approval from Morgan "
                + "Reyes): named in the rule", "Access rule eligibility: named in the rule",
                ItemKind.ELIGIBILITY.decisions()));
    }

    @Test
    void the_campaign_page_lists_a_revoke_through_a_group_rule_as_a_step_for_an_admin() {
        AccountRow account = fixtures.account();
        String casey = fixtures.person("Casey", avery);
        String group = fixtures.group("readers", null);
        fixtures.member(group, casey);
        fixtures.sync();
        rules.save(rule("Readers may read", RequesterType.GROUP, group, account));
        ReviewCampaign campaign = fixtures.launched(draft(account, casey));
        ReviewItemRow item = fixtures.items(campaign).get(0);
        as(TestUsers.APPROVER, () -> decisions.decide(item.id(), Decision.REVOKE, ""));

        openAs(TestUsers.AUDITOR, "reviews/campaigns/" + campaign.id());

        Grid<?> steps = _get(Grid.class, spec -> spec.withId(CampaignView.ADMIN_STEPS_ID));
        assertThat(GridKt._getFormattedRow(steps, 0).get(2)).startsWith("Change rule \"Readers may read\" so it no "
                + "longer covers Casey Tester: it lets every member of group readers-" + group.substring(0, 8));
        Grid<?> items = _get(Grid.class, spec -> spec.withId(CampaignView.ITEMS_ID));
        assertThat(GridKt._getFormattedRow(items, 0).get(6)).startsWith("Revoked by Avery Patel; waits for an admin");
    }

    private CampaignDraft draft(AccountRow account, String person) {
        return fixtures.draft(CampaignScope.accounts(Set.of(account.id())).ofPeople(Set.of(person)),
                List.of(ReviewerStage.manager())).reviewing(Set.of(ItemKind.ELIGIBILITY));
    }

    private AccessRule rule(String name, RequesterType type, String requesterId, AccountRow account) {
        return TestRules.draft(name, type, requesterId, ScopeType.ACCOUNT, account.id(), fixtures.arn("ReadOnlyAccess"),
                1, ApproverType.USER, fixtures.userId(TestUsers.ADMIN));
    }

    private void fill(String name) {
        _setValue(_get(TextField.class, spec -> spec.withId("campaign-name")), name);
        ComboBox<Choice> fallback = _get(ComboBox.class, spec -> spec.withLabel("Fallback reviewer"));
        _setValue(fallback, new Choice(fixtures.userId(TestUsers.DIRECTOR), "Jordan Kim"));
        _setValue(_get(DatePicker.class), LocalDate.now(ZoneOffset.UTC).plusDays(14));
        assertThat(_find(Button.class, spec -> spec.withId("save-campaign"))).hasSize(1);
    }
}
