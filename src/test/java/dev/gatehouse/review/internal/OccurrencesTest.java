package dev.gatehouse.review.internal;

import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.annotation.DirtiesContext;

import dev.gatehouse.TestClock;
import dev.gatehouse.TestUsers;
import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditEntry;
import dev.gatehouse.audit.AuditFilter;
import dev.gatehouse.audit.AuditTrail;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.review.CampaignDraft;
import dev.gatehouse.review.CampaignScope;
import dev.gatehouse.review.CampaignSeries;
import dev.gatehouse.review.CampaignStatus;
import dev.gatehouse.review.DueDatePolicy;
import dev.gatehouse.review.Recurrence;
import dev.gatehouse.review.ReviewCampaign;
import dev.gatehouse.review.ReviewCampaigns;
import dev.gatehouse.review.ReviewFixtures;
import dev.gatehouse.review.ReviewItemRow;
import dev.gatehouse.review.ReviewProblem;
import dev.gatehouse.review.ReviewTiming;
import dev.gatehouse.review.ReviewerStage;

/**
 * Recurring campaigns with a moving clock: the launch starts a series, the recurrence check creates and
 * launches the next occurrence once its start came (once, however often it runs), due as long after its
 * start as the first; items new since the previous occurrence are marked; stopping recurring creates no
 * more; an occurrence whose due date passed unnoticed is skipped; a recurrence that would overlap is refused.
 */
@SpringBootTest
@Import(TestClock.Config.class)
// Its scheduler shares the test database and this class moves the clock: closed after the class.
@DirtiesContext
class OccurrencesTest {

    private static final Duration LENGTH = Duration.ofDays(14);

    @Autowired
    private ReviewCampaigns campaigns;
    @Autowired
    private Occurrences occurrences;
    @Autowired
    private CampaignLaunch launch;
    @Autowired
    private ReviewFixtures fixtures;
    @Autowired
    private AuditTrail auditTrail;
    @Autowired
    private TestClock clock;

    private String riley;
    private final List<Long> recurring = new ArrayList<>();

    @BeforeEach
    void demoDirectory() {
        clock.reset();
        fixtures.demoDirectory();
        riley = fixtures.userId(TestUsers.REQUESTER);
    }

    /** No series of this class goes on creating occurrences in a later test's moved clock. */
    @AfterEach
    void stopEverySeries() {
        clock.reset();
        for (long id : recurring) {
            try {
                as(TestUsers.ADMIN, () -> campaigns.stopRecurring(id));
            } catch (ReviewProblem stoppedAlready) {
                // stopped by the test itself
            }
        }
        recurring.clear();
    }

    @Test
    void the_next_occurrence_starts_one_period_after_the_first_with_the_same_length_and_is_created_once() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        Instant launchedAt = clock.instant();
        ReviewCampaign first = launched(account, Recurrence.QUARTERLY);

        CampaignSeries series = as(TestUsers.AUDITOR, () -> campaigns.series(first.id())).orElseThrow();
        Instant secondStart = launchedAt.atZone(ZoneOffset.UTC).plusMonths(3).toInstant();
        assertThat(series.occurrence()).isEqualTo(1);
        assertThat(series.previousId()).isEmpty();
        assertThat(series.nextId()).isEmpty();
        assertThat(series.nextStartsAt()).hasValueSatisfying(at ->
                assertThat(Duration.between(secondStart, at).abs()).isLessThan(Duration.ofSeconds(5)));

        clock.advance(Duration.between(launchedAt, secondStart).minus(Duration.ofHours(1)));
        assertThat(occurrences.createDue()).as("an hour before its start").isZero();

        clock.advance(Duration.ofHours(2));
        assertThat(occurrences.createDue()).isEqualTo(1);
        assertThat(occurrences.createDue()).as("the check running again").isZero();

        CampaignSeries place = as(TestUsers.ADMIN, () -> campaigns.series(first.id())).orElseThrow();
        long secondId = place.nextId().orElseThrow();
        ReviewCampaign second = active(secondId);
        assertThat(second.name()).isEqualTo(first.name() + " #2");
        assertThat(second.recurrence()).isEqualTo(Recurrence.QUARTERLY);
        assertThat(second.scope()).isEqualTo(first.scope());
        assertThat(second.stages()).isEqualTo(first.stages());
        assertThat(Duration.between(secondStart, second.dueAt())
                .minus(Duration.between(launchedAt, first.dueAt())).abs()).isLessThan(Duration.ofSeconds(5));
        CampaignSeries ofSecond = as(TestUsers.ADMIN, () -> campaigns.series(secondId)).orElseThrow();
        assertThat(ofSecond.occurrence()).isEqualTo(2);
        assertThat(ofSecond.previousId()).contains(first.id());
        assertThat(ofSecond.nextStartsAt()).hasValueSatisfying(at -> assertThat(Duration.between(
                launchedAt.atZone(ZoneOffset.UTC).plusMonths(6).toInstant(), at).abs())
                .isLessThan(Duration.ofSeconds(5)));
        assertThat(fixtures.items(second)).extracting(item -> item.access().permissionSetName())
                .containsExactly("Developer");
        AuditEntry audited = awaitEntry(AuditAction.REVIEW_OCCURRENCE_CREATED, second);
        assertThat(audited.details()).startsWith("Quarterly occurrence 2 of series #" + ofSecond.seriesId());
    }

    @Test
    void a_second_occurrence_marks_the_access_its_predecessor_did_not_review_as_new_and_a_first_marks_nothing() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        Instant launchedAt = clock.instant();
        ReviewCampaign first = launched(account, Recurrence.MONTHLY);
        assertThat(fixtures.items(first)).extracting(ReviewItemRow::newSinceLastReview).containsExactly(false);

        fixtures.standing(account, "ReadOnlyAccess", "USER", riley);
        clock.advance(Duration.between(launchedAt, launchedAt.atZone(ZoneOffset.UTC).plusMonths(1).toInstant())
                .plus(Duration.ofMinutes(1)));
        assertThat(occurrences.createDue()).isEqualTo(1);
        ReviewCampaign second = active(as(TestUsers.ADMIN, () -> campaigns.series(first.id())).orElseThrow()
                .nextId().orElseThrow());

        assertThat(fixtures.items(second)).extracting(item -> item.access().permissionSetName(),
                        ReviewItemRow::newSinceLastReview)
                .containsExactlyInAnyOrder(tuple("Developer", false), tuple("ReadOnlyAccess", true));
    }

    @Test
    void after_stop_recurring_no_occurrence_is_created_and_the_stop_is_audited_and_said_on_the_series() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        Instant launchedAt = clock.instant();
        ReviewCampaign first = launched(account, Recurrence.MONTHLY);

        CampaignSeries stopped = as(TestUsers.ADMIN, () -> campaigns.stopRecurring(first.id()));
        assertThat(stopped.recurring()).isFalse();
        assertThat(stopped.text()).startsWith("Monthly, occurrence 1. Recurring stopped by Morgan Reyes on ");
        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> campaigns.stopRecurring(first.id())))
                .isInstanceOf(ReviewProblem.class).hasMessage("Recurring was stopped already.");

        clock.advance(Duration.between(launchedAt, launchedAt.atZone(ZoneOffset.UTC).plusMonths(1).toInstant())
                .plus(Duration.ofMinutes(1)));
        assertThat(occurrences.createDue()).isZero();
        assertThat(as(TestUsers.ADMIN, () -> campaigns.series(first.id())).orElseThrow().nextId()).isEmpty();
        AuditEntry audited = awaitEntry(AuditAction.REVIEW_RECURRENCE_STOPPED, first);
        assertThat(audited.actor()).isEqualTo("Morgan Reyes");
    }

    @Test
    void an_occurrence_whose_due_date_passed_before_anyone_checked_is_skipped() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        Instant launchedAt = clock.instant();
        ReviewCampaign first = launched(account, Recurrence.MONTHLY);

        Instant secondStart = launchedAt.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
        clock.advance(Duration.between(launchedAt, secondStart).plus(LENGTH).plus(Duration.ofDays(1)));
        assertThat(occurrences.createDue()).isZero();

        CampaignSeries series = as(TestUsers.ADMIN, () -> campaigns.series(first.id())).orElseThrow();
        assertThat(series.nextId()).isEmpty();
        assertThat(series.nextStartsAt()).hasValueSatisfying(at -> assertThat(Duration.between(
                launchedAt.atZone(ZoneOffset.UTC).plusMonths(2).toInstant(), at).abs())
                .isLessThan(Duration.ofSeconds(5)));
    }

    @Test
    void a_recurrence_shorter_than_the_campaign_is_refused_and_a_campaign_that_runs_once_has_nothing_to_stop() {
        AccountRow account = fixtures.account();
        CampaignDraft tooLong = draft(account, Recurrence.MONTHLY, Duration.ofDays(40));
        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> campaigns.create(tooLong)))
                .isInstanceOfSatisfying(ReviewProblem.class, problem -> assertThat(problem.field())
                        .isEqualTo("recurrence"))
                .hasMessage("A monthly campaign must close within a month of its launch, before the next occurrence "
                        + "starts: choose an earlier due date, a shorter overdue period or a longer recurrence.");

        fixtures.standing(account, "Developer", "USER", riley);
        ReviewCampaign once = fixtures.launched(draft(account, Recurrence.ONCE, LENGTH));
        assertThat(as(TestUsers.ADMIN, () -> campaigns.series(once.id()))).isEmpty();
        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> campaigns.stopRecurring(once.id())))
                .isInstanceOf(ReviewProblem.class)
                .hasMessage("The campaign runs once, so there is no recurrence to stop.");
    }

    @Test
    void a_due_date_extended_past_the_next_occurrences_start_is_refused_until_recurring_stops() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        ReviewCampaign first = launched(account, Recurrence.MONTHLY);
        Instant late = clock.instant().plus(Duration.ofDays(40)).truncatedTo(ChronoUnit.SECONDS);

        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> campaigns.extendDueDate(first.id(), late)))
                .isInstanceOfSatisfying(ReviewProblem.class, problem -> assertThat(problem.field()).isEqualTo("dueAt"))
                .hasMessageStartingWith("The next occurrence starts ")
                .hasMessageEndingWith(": this one must close before then, or stop recurring first.");
        as(TestUsers.ADMIN, () -> campaigns.stopRecurring(first.id()));
        assertThat(as(TestUsers.ADMIN, () -> campaigns.extendDueDate(first.id(), late)).dueAt()).isEqualTo(late);
    }

    @Test
    void only_admins_stop_recurring_and_auditors_read_the_series() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        ReviewCampaign first = launched(account, Recurrence.YEARLY);

        for (var user : List.of(TestUsers.REQUESTER, TestUsers.AUDITOR)) {
            assertThatThrownBy(() -> as(user, () -> campaigns.stopRecurring(first.id())))
                    .isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> as(TestUsers.REQUESTER, () -> campaigns.series(first.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as(TestUsers.AUDITOR, () -> campaigns.series(first.id()))).hasValueSatisfying(series ->
                assertThat(series.recurrence()).isEqualTo(Recurrence.YEARLY));
    }

    private ReviewCampaign launched(AccountRow account, Recurrence recurrence) {
        ReviewCampaign campaign = fixtures.launched(draft(account, recurrence, LENGTH));
        recurring.add(campaign.id());
        return campaign;
    }

    private CampaignDraft draft(AccountRow account, Recurrence recurrence, Duration length) {
        return new CampaignDraft("Recurring review " + UUID.randomUUID().toString().substring(0, 6), "",
                CampaignScope.accounts(Set.of(account.id())), List.of(ReviewerStage.manager()),
                fixtures.userId(TestUsers.ADMIN), clock.instant().plus(length), DueDatePolicy.KEEP,
                ReviewTiming.defaults(), recurrence);
    }

    /** The occurrence's launch runs here as the task would; the scheduler may run it too, which changes nothing. */
    private ReviewCampaign active(long id) {
        launch.launch(id);
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> as(TestUsers.ADMIN,
                () -> campaigns.campaign(id)), c -> c.status() == CampaignStatus.ACTIVE);
    }

    private AuditEntry awaitEntry(AuditAction action, ReviewCampaign campaign) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> as(TestUsers.AUDITOR,
                        () -> auditTrail.page(new AuditFilter("", Optional.of(action)), 0, 200)).stream()
                .filter(e -> e.subject().equals("review campaign " + campaign.name() + " (#" + campaign.id() + ")"))
                .findFirst(), Optional::isPresent).orElseThrow();
    }
}
