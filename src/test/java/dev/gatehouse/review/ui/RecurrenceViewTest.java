package dev.gatehouse.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

import dev.gatehouse.KaribuTest;
import dev.gatehouse.TestClock;
import dev.gatehouse.TestUsers;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.review.CampaignDraft;
import dev.gatehouse.review.CampaignScope;
import dev.gatehouse.review.CampaignStatus;
import dev.gatehouse.review.DueDatePolicy;
import dev.gatehouse.review.MyReviewItem;
import dev.gatehouse.review.Recurrence;
import dev.gatehouse.review.ReviewCampaign;
import dev.gatehouse.review.ReviewCampaigns;
import dev.gatehouse.review.ReviewFixtures;
import dev.gatehouse.review.ReviewProblem;
import dev.gatehouse.review.ReviewTiming;
import dev.gatehouse.review.ReviewerStage;
import dev.gatehouse.review.internal.CampaignLaunch;
import dev.gatehouse.review.internal.Occurrences;

/**
 * A recurring campaign on screen: its page says when the next occurrence starts, an admin stops it
 * recurring, an auditor only reads; a second occurrence links back to the first and shows, on its page
 * and on My reviews, the access that is new since the last review.
 */
@Import(TestClock.Config.class)
// Closed after the class: its scheduler shares the test database and this class moves the clock.
@DirtiesContext
class RecurrenceViewTest extends KaribuTest {

    @Autowired
    private ReviewFixtures fixtures;
    @Autowired
    private ReviewCampaigns campaigns;
    @Autowired
    private Occurrences occurrences;
    @Autowired
    private CampaignLaunch launch;
    @Autowired
    private TestClock clock;

    private ReviewCampaign first;

    @BeforeEach
    void demoDirectory() {
        clock.reset();
        fixtures.demoDirectory();
    }

    @AfterEach
    void stopRecurring() {
        clock.reset();
        try {
            as(TestUsers.ADMIN, () -> campaigns.stopRecurring(first.id()));
        } catch (ReviewProblem stoppedAlready) {
            // the test stopped it
        }
    }

    @Test
    void an_admin_sees_when_the_next_occurrence_starts_and_stops_recurring_and_an_auditor_only_reads() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", fixtures.userId(TestUsers.REQUESTER));
        first = fixtures.launched(draft(account));

        openAs(TestUsers.AUDITOR, "reviews/campaigns/" + first.id());
        assertThat(series()).startsWith("Quarterly, occurrence 1. The next occurrence starts ");
        assertThat(_find(Button.class, spec -> spec.withText("Stop recurring…"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withText("Save as template…"))).isEmpty();

        openAs(TestUsers.ADMIN, "reviews/campaigns/" + first.id());
        _click(_get(Button.class, spec -> spec.withText("Stop recurring…")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(series()).startsWith("Quarterly, occurrence 1. Recurring stopped by Morgan Reyes on ");
        assertThat(_find(Button.class, spec -> spec.withText("Stop recurring…"))).isEmpty();
    }

    @Test
    void the_second_occurrence_links_to_the_first_and_shows_what_is_new_since_the_last_review() {
        AccountRow account = fixtures.account();
        String riley = fixtures.userId(TestUsers.REQUESTER);
        fixtures.standing(account, "Developer", "USER", riley);
        Instant launchedAt = clock.instant();
        first = fixtures.launched(draft(account));
        fixtures.standing(account, "ReadOnlyAccess", "USER", riley);
        clock.advance(Duration.between(launchedAt, launchedAt.atZone(ZoneOffset.UTC).plusMonths(3).toInstant())
                .plus(Duration.ofMinutes(1)));
        occurrences.createDue();
        long secondId = as(TestUsers.ADMIN, () -> campaigns.series(first.id())).orElseThrow().nextId().orElseThrow();
        launch.launch(secondId);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> as(TestUsers.ADMIN,
                () -> campaigns.campaign(secondId).status()), status -> status == CampaignStatus.ACTIVE);

        openAs(TestUsers.ADMIN, "reviews/campaigns/" + secondId);
        assertThat(series()).startsWith("Quarterly, occurrence 2. The next occurrence starts ");
        assertThat(_get(Anchor.class, spec -> spec.withText("← Previous occurrence")).getHref())
                .isEqualTo("reviews/campaigns/" + first.id());
        Grid<?> items = _get(Grid.class, spec -> spec.withId(CampaignView.ITEMS_ID));
        List<String> newSince = java.util.stream.IntStream.range(0, GridKt._size(items))
                .mapToObj(i -> GridKt._getFormattedRow(items, i))
                .map(row -> row.get(3) + ": " + row.get(5)).toList();
        assertThat(newSince).containsExactlyInAnyOrder("Developer: ", "ReadOnlyAccess: New since last review");

        openAs(TestUsers.APPROVER, "reviews");
        @SuppressWarnings("unchecked")
        Grid<MyReviewItem> mine = _get(Grid.class, spec -> spec.withId(MyReviewsView.ITEMS_ID));
        assertThat(MyReviewsViewTest.rowsOn(mine, account, "campaign", "permission-set", "since").stream()
                .filter(row -> row.get(0).equals(first.name() + " #2")).map(row -> row.get(1) + ": " + row.get(2)))
                .anySatisfy(row -> assertThat(row).startsWith("ReadOnlyAccess: ").endsWith(" · New since last review"))
                .anySatisfy(row -> assertThat(row).startsWith("Developer: ").doesNotContain("New since"));
    }

    private String series() {
        return _get(Div.class, spec -> spec.withId(CampaignView.SERIES_ID)).getChildren()
                .filter(Paragraph.class::isInstance).map(p -> ((Paragraph) p).getText()).findFirst().orElseThrow();
    }

    private CampaignDraft draft(AccountRow account) {
        return new CampaignDraft("Quarterly " + UUID.randomUUID().toString().substring(0, 6), "",
                CampaignScope.accounts(Set.of(account.id())), List.of(ReviewerStage.manager()),
                fixtures.userId(TestUsers.ADMIN), clock.instant().plus(Duration.ofDays(14)), DueDatePolicy.KEEP,
                ReviewTiming.defaults(), Recurrence.QUARTERLY);
    }
}
