package dev.gatehouse.review.internal;

import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.review.CampaignTemplate;
import dev.gatehouse.review.DueDatePolicy;
import dev.gatehouse.review.Recurrence;
import dev.gatehouse.review.ReviewCampaigns;
import dev.gatehouse.review.ReviewFixtures;
import dev.gatehouse.review.ReviewTemplates;
import dev.gatehouse.review.ReviewerStage;

/**
 * Demo mode's template: "Quarterly production review" over the Production OU, managers then account
 * owners, Jordan as fallback, keep and flag; added once however often Gatehouse starts, and no campaign runs.
 */
@SpringBootTest
class DemoReviewTemplateTest {

    @Autowired
    private ReviewTemplates templates;
    @Autowired
    private ReviewCampaigns campaigns;
    @Autowired
    private TemplateRepository stored;
    @Autowired
    private DirectoryLookup directory;
    @Autowired
    private ReviewFixtures fixtures;

    @BeforeEach
    void demoDirectoryWithoutTheTemplate() {
        fixtures.demoDirectory();
        stored.named(DemoReviewTemplate.NAME).ifPresent(template -> stored.delete(template.id()));
    }

    @Test
    void the_quarterly_production_template_is_added_once_across_starts_and_no_campaign_runs() {
        int campaignsBefore = as(TestUsers.ADMIN, () -> campaigns.campaignCount());

        assertThat(new DemoReviewTemplate(templates, stored, directory).addUnlessPresent()).isTrue();
        assertThat(new DemoReviewTemplate(templates, stored, directory).addUnlessPresent())
                .as("the next start").isFalse();

        List<CampaignTemplate> demo = as(TestUsers.AUDITOR, () -> templates.templates()).stream()
                .filter(t -> t.name().equals(DemoReviewTemplate.NAME)).toList();
        assertThat(demo).hasSize(1);
        CampaignTemplate.Settings settings = demo.get(0).settings();
        assertThat(settings.recurrence()).isEqualTo(Recurrence.QUARTERLY);
        assertThat(settings.stages()).containsExactly(ReviewerStage.manager(), ReviewerStage.accountOwner());
        assertThat(settings.fallbackReviewerId()).isEqualTo(fixtures.userId(TestUsers.DIRECTOR));
        assertThat(settings.dueDatePolicy()).isEqualTo(DueDatePolicy.KEEP_AND_FLAG);
        assertThat(settings.scope().wholeOrganization()).isFalse();
        assertThat(settings.scope().ouIds()).singleElement().satisfies(ou ->
                assertThat(directory.organizationalUnit(ou).orElseThrow().name()).isEqualTo("Production"));
        assertThat(demo.get(0).savedBy()).isEqualTo("Gatehouse");
        assertThat(as(TestUsers.ADMIN, () -> campaigns.campaignCount())).isEqualTo(campaignsBefore);
    }
}
