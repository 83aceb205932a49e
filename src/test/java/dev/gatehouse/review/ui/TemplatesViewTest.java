package dev.gatehouse.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import dev.gatehouse.KaribuTest;
import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.policy.Choice;
import dev.gatehouse.review.CampaignDraft;
import dev.gatehouse.review.CampaignScope;
import dev.gatehouse.review.CampaignTemplate;
import dev.gatehouse.review.DueDatePolicy;
import dev.gatehouse.review.Recurrence;
import dev.gatehouse.review.ReviewCampaign;
import dev.gatehouse.review.ReviewCampaigns;
import dev.gatehouse.review.ReviewFixtures;
import dev.gatehouse.review.ReviewTemplates;
import dev.gatehouse.review.ReviewTiming;
import dev.gatehouse.review.ReviewerStage;

/**
 * Templates on screen: an admin saves a campaign as a template from its page, starts a new campaign from
 * it on the campaigns list (the dialog filled in), renames and deletes it; an auditor has none of it.
 */
class TemplatesViewTest extends KaribuTest {

    @Autowired
    private ReviewFixtures fixtures;
    @Autowired
    private ReviewCampaigns campaigns;
    @Autowired
    private ReviewTemplates templates;

    @BeforeEach
    void demoDirectory() {
        fixtures.demoDirectory();
    }

    @Test
    void an_admin_saves_a_campaign_as_a_template_and_a_new_campaign_from_it_starts_filled_in() {
        AccountRow account = fixtures.account();
        ReviewCampaign campaign = as(TestUsers.ADMIN, () -> campaigns.create(new CampaignDraft("Payments " + suffix(),
                "Every quarter", CampaignScope.accounts(Set.of(account.id())), List.of(ReviewerStage.manager(),
                ReviewerStage.accountOwner()), fixtures.userId(TestUsers.DIRECTOR),
                Instant.now().plus(Duration.ofDays(10)), DueDatePolicy.KEEP_AND_FLAG, ReviewTiming.defaults(),
                Recurrence.QUARTERLY)));
        String name = "Payments quarterly " + suffix();
        openAs(TestUsers.ADMIN, "reviews/campaigns/" + campaign.id());

        _click(_get(Button.class, spec -> spec.withText("Save as template…")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("Template name")), " ");
        _click(_get(Button.class, spec -> spec.withText("Save template")));
        assertThat(_get(TextField.class, spec -> spec.withLabel("Template name")).getErrorMessage())
                .isEqualTo("Give the template a name.");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Template name")), name);
        _click(_get(Button.class, spec -> spec.withText("Save template")));
        assertThat(lastToast()).isEqualTo("Saved the template \"" + name + "\".");

        openAs(TestUsers.ADMIN, "reviews/campaigns");
        _click(_get(Button.class, spec -> spec.withId(CampaignsView.FROM_TEMPLATE_ID)));
        @SuppressWarnings("unchecked")
        Select<CampaignTemplate> picker = _get(Select.class, spec -> spec.withLabel("Template"));
        _setValue(picker, picker.getListDataView().getItems().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow());
        _click(_get(Button.class, spec -> spec.withText("Use template")));

        assertThat(_get(TextField.class, spec -> spec.withId("campaign-name")).getValue()).isEqualTo(name);
        assertThat(_get(Select.class, spec -> spec.withLabel("Recurrence")).getValue()).isEqualTo(Recurrence.QUARTERLY);
        assertThat(_get(Select.class, spec -> spec.withLabel("Items nobody decided by the due date")).getValue())
                .isEqualTo(DueDatePolicy.KEEP_AND_FLAG);
        assertThat(_get(Select.class, spec -> spec.withLabel("Second stage, after a keep")).getValue())
                .isEqualTo(ReviewText.capitalised(ReviewerStage.accountOwner().kind()));
        @SuppressWarnings("unchecked")
        ComboBox<Choice> fallback = _get(ComboBox.class, spec -> spec.withLabel("Fallback reviewer"));
        assertThat(fallback.getValue().id()).isEqualTo(fixtures.userId(TestUsers.DIRECTOR));
        assertThat(_get(DatePicker.class).getValue()).isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(10));

        _click(_get(Button.class, spec -> spec.withId("save-campaign")));
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).startsWith("reviews/campaigns/");
        assertThat(_get(H2.class).getText()).isEqualTo(name);
    }

    @Test
    void an_admin_renames_and_deletes_a_template_in_the_templates_dialog() {
        ReviewCampaign campaign = as(TestUsers.ADMIN, () -> campaigns.create(fixtures.draft(
                CampaignScope.organization(), List.of(ReviewerStage.manager()))));
        String name = "To rename " + suffix();
        as(TestUsers.ADMIN, () -> templates.saveAsTemplate(campaign.id(), name));
        String renamed = "Renamed " + suffix();
        openAs(TestUsers.ADMIN, "reviews/campaigns");

        _click(_get(Button.class, spec -> spec.withId(CampaignsView.TEMPLATES_ID)));
        assertThat(names()).contains(name);
        int row = names().indexOf(name);
        Grid<?> grid = _get(Grid.class, spec -> spec.withId(TemplatesDialog.TEMPLATES_ID));
        assertThat(GridKt._getFormattedRow(grid, row).get(1)).isEqualTo("Once, 14 days");
        _click(GridKt._getCellComponent(grid, row, "actions").getChildren().map(Button.class::cast)
                .filter(b -> b.getText().equals("Rename…")).findFirst().orElseThrow());
        _setValue(_get(TextField.class, spec -> spec.withLabel("Template name")), renamed);
        _click(_get(Button.class, spec -> spec.withText("Rename")));
        assertThat(names()).contains(renamed).doesNotContain(name);

        int renamedRow = names().indexOf(renamed);
        _click(GridKt._getCellComponent(grid, renamedRow, "actions").getChildren().map(Button.class::cast)
                .filter(b -> b.getText().equals("Delete…")).findFirst().orElseThrow());
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(names()).doesNotContain(renamed);
        assertThat(lastToast()).isEqualTo("Deleted the template \"" + renamed + "\".");
    }

    @Test
    void an_auditor_sees_the_campaigns_but_neither_templates_nor_save_as_template() {
        ReviewCampaign campaign = as(TestUsers.ADMIN, () -> campaigns.create(fixtures.draft(
                CampaignScope.organization(), List.of(ReviewerStage.manager()))));
        openAs(TestUsers.AUDITOR, "reviews/campaigns");
        assertThat(_find(Button.class, spec -> spec.withId(CampaignsView.FROM_TEMPLATE_ID))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId(CampaignsView.TEMPLATES_ID))).isEmpty();

        openAs(TestUsers.AUDITOR, "reviews/campaigns/" + campaign.id());
        assertThat(_find(Button.class, spec -> spec.withText("Save as template…"))).isEmpty();
    }

    private static List<String> names() {
        Grid<?> grid = _get(Grid.class, spec -> spec.withId(TemplatesDialog.TEMPLATES_ID));
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._getFormattedRow(grid, i).get(0)).toList();
    }

    private static String lastToast() {
        return NotificationsKt.getNotifications().get(NotificationsKt.getNotifications().size() - 1).getElement()
                .getProperty("text");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
