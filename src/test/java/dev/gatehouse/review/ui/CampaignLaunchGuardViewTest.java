package dev.gatehouse.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;

import dev.gatehouse.KaribuTest;
import dev.gatehouse.TestClock;
import dev.gatehouse.TestUsers;
import dev.gatehouse.review.CampaignScope;
import dev.gatehouse.review.ReviewCampaigns;
import dev.gatehouse.review.ReviewFixtures;
import dev.gatehouse.review.ReviewerStage;

/** The launch confirmation when the directory's last successful sync is older than a launch allows. */
@Import(TestClock.Config.class)
// Closed after the class: its scheduler shares the test database, and would otherwise run other classes'
// tasks (review-apply) against this context's own sandbox.
@DirtiesContext
class CampaignLaunchGuardViewTest extends KaribuTest {

    @Autowired
    private ReviewFixtures fixtures;
    @Autowired
    private ReviewCampaigns campaigns;
    @Autowired
    private TestClock clock;

    @BeforeEach
    void demoDirectory() {
        clock.reset();
        fixtures.demoDirectory();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void on_a_day_old_sync_the_launch_confirmation_says_why_and_offers_to_launch_anyway() {
        long id = as(TestUsers.ADMIN, () -> campaigns.create(fixtures.draft(CampaignScope.accounts(Set.of(
                fixtures.account().id())), List.of(ReviewerStage.manager())))).id();
        clock.advance(Duration.ofHours(25));
        openAs(TestUsers.ADMIN, "reviews/campaigns/" + id);

        _click(_get(Button.class, spec -> spec.withId(CampaignView.LAUNCH_ID)));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getText(confirm)).startsWith("The last successful directory sync finished ")
                .endsWith("a launch allows: run a sync first, or launch anyway.");
        assertThat(confirm.getElement().getProperty("confirmText")).isEqualTo("Launch anyway");
        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(_get(Paragraph.class, spec -> spec.withId(CampaignView.STATUS_ID)).getText())
                .startsWith("Launching");
    }
}
