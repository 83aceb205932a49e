package dev.gatehouse.review.internal;

import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

import dev.gatehouse.TestClock;
import dev.gatehouse.TestUsers;
import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditEntry;
import dev.gatehouse.audit.AuditFilter;
import dev.gatehouse.audit.AuditTrail;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.notification.Channel;
import dev.gatehouse.notification.Delivery;
import dev.gatehouse.notification.NotificationKind;
import dev.gatehouse.notification.NotificationService;
import dev.gatehouse.review.CampaignDraft;
import dev.gatehouse.review.CampaignMessage;
import dev.gatehouse.review.CampaignScope;
import dev.gatehouse.review.CampaignStatus;
import dev.gatehouse.review.Decision;
import dev.gatehouse.review.DueDatePolicy;
import dev.gatehouse.review.Reminded;
import dev.gatehouse.review.ReviewCampaign;
import dev.gatehouse.review.ReviewCampaigns;
import dev.gatehouse.review.ReviewDecisions;
import dev.gatehouse.review.ReviewFixtures;
import dev.gatehouse.review.MyReviewsFilter;
import dev.gatehouse.review.ReviewItemRow;
import dev.gatehouse.review.ReviewProblem;
import dev.gatehouse.review.ReviewTiming;
import dev.gatehouse.review.ReviewerStage;

/**
 * Reminders and escalation with a moving clock: reminders go out on the schedule's days only, one digest
 * per reviewer and day however often the check runs, nothing to a reviewer who has decided everything;
 * overdue campaigns remind daily and escalate to the fallback on the escalation day, and close after the
 * overdue period; each message can be switched off; "remind now" is an admin's and counts who had today's
 * digest already. What was sent is read from the outbox, one webhook delivery per message.
 */
@SpringBootTest
@Import(TestClock.Config.class)
// Its scheduler shares the test database and this class moves the clock: closed after the class.
@DirtiesContext
class CampaignRemindersTest {

    @Autowired
    private ReviewCampaigns campaigns;
    @Autowired
    private ReviewDecisions decisions;
    @Autowired
    private CampaignReminders reminders;
    @Autowired
    private CampaignCloser closer;
    @Autowired
    private ReviewFixtures fixtures;
    @Autowired
    private NotificationService notifications;
    @Autowired
    private DirectoryLookup directory;
    @Autowired
    private AuditTrail auditTrail;
    @Autowired
    private TestClock clock;
    @Autowired
    private TransactionTemplate transaction;

    private String riley;
    private String jordan;

    @BeforeEach
    void demoDirectory() {
        clock.reset();
        fixtures.demoDirectory();
        riley = fixtures.userId(TestUsers.REQUESTER);
        jordan = fixtures.userId(TestUsers.DIRECTOR);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void reminders_go_out_on_the_schedules_days_only_and_never_to_a_reviewer_who_decided_everything() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        fixtures.standing(account, "ReadOnlyAccess", "USER", riley);
        String pat = fixtures.person("Pat", jordan);
        fixtures.standing(account, "Developer", "USER", pat);
        Instant due = noonInDays(10);
        ReviewCampaign campaign = launched(account, due, ReviewTiming.defaults());

        check(campaign);
        assertThat(sent(campaign, NotificationKind.REVIEW_REMINDER)).isEmpty();

        moveTo(earlyOn(due.minus(Duration.ofDays(7))));
        check(campaign);
        assertThat(sent(campaign, NotificationKind.REVIEW_REMINDER)).extracting(Delivery::subject)
                .containsExactlyInAnyOrder(
                        "Access review: 2 items left in " + campaign.name() + ", due in 7 days",
                        "Access review: 1 item left in " + campaign.name() + ", due in 7 days");

        moveTo(due.minus(Duration.ofDays(3)));
        check(campaign);
        assertThat(sent(campaign, NotificationKind.REVIEW_REMINDER)).hasSize(2);

        fixtures.items(campaign).stream().filter(item -> item.person().userId().equals(riley)).forEach(item ->
                as(TestUsers.APPROVER, () -> decisions.decide(item.id(), Decision.KEEP, "Still on the team")));
        moveTo(due.minus(Duration.ofDays(1)));
        check(campaign);

        assertThat(sent(campaign, NotificationKind.REVIEW_REMINDER)).extracting(Delivery::subject)
                .containsOnlyOnce("Access review: 1 item left in " + campaign.name() + ", due tomorrow")
                .hasSize(3);
    }

    @Test
    void the_check_running_twice_a_day_sends_one_digest_per_reviewer_and_remind_now_counts_who_had_it() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        Instant due = noonInDays(9);
        ReviewCampaign campaign = launched(account, due, ReviewTiming.defaults());

        moveTo(due.minus(Duration.ofDays(1)));
        reminders.checkAll();
        reminders.checkAll();
        assertThat(sent(campaign, NotificationKind.REVIEW_REMINDER)).hasSize(1);

        Reminded now = as(TestUsers.ADMIN, () -> campaigns.remindNow(campaign.id()));
        assertThat(now.text()).isEqualTo("Reminded 0 reviewers; 1 was reminded today already.");
        assertThat(sent(campaign, NotificationKind.REVIEW_REMINDER)).hasSize(1);

        moveTo(due.minus(Duration.ofHours(6)));
        Reminded dueDay = as(TestUsers.ADMIN, () -> campaigns.remindNow(campaign.id()));
        assertThat(dueDay.text()).isEqualTo("Reminded 1 reviewer.");
        assertThat(sent(campaign, NotificationKind.REVIEW_REMINDER)).extracting(Delivery::subject)
                .contains("Access review: 1 item left in " + campaign.name() + ", due today");
        AuditEntry audited = awaitEntry(AuditAction.REVIEW_REMINDERS_SENT, campaign,
                entry -> entry.actor().equals("Morgan Reyes") && entry.details().startsWith("Reminder sent to 1"));
        assertThat(audited.details()).isEqualTo("Reminder sent to 1 reviewer about 1 undecided item; 0 reminded today "
                + "already");
    }

    @Test
    void two_nodes_checking_at_the_same_moment_send_one_digest_per_reviewer() throws Exception {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        fixtures.standing(account, "Developer", "USER", fixtures.person("Pat", jordan));
        Instant due = noonInDays(9);
        ReviewCampaign campaign = launched(account, due, ReviewTiming.defaults());
        moveTo(due.minus(Duration.ofDays(7)));

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = List.of(nodes.submit(() -> awaitThenCheck(start, campaign)),
                    nodes.submit(() -> awaitThenCheck(start, campaign)));
            start.countDown();
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            nodes.shutdownNow();
        }

        assertThat(sent(campaign, NotificationKind.REVIEW_REMINDER)).extracting(Delivery::subject)
                .containsExactly("Access review: 1 item left in " + campaign.name() + ", due in 7 days",
                        "Access review: 1 item left in " + campaign.name() + ", due in 7 days");
    }

    @Test
    void the_launch_message_is_the_launch_days_digest_unless_it_is_switched_off() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        ReviewCampaign told = launched(account, noonInDays(9), ReviewTiming.defaults());
        ReviewCampaign quiet = launched(account, noonInDays(9), switchedOff(CampaignMessage.LAUNCH));

        assertThat(as(TestUsers.ADMIN, () -> campaigns.remindNow(told.id())).text())
                .isEqualTo("Reminded 0 reviewers; 1 was reminded today already.");
        assertThat(as(TestUsers.ADMIN, () -> campaigns.remindNow(quiet.id())).text()).isEqualTo("Reminded 1 reviewer.");
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> sent(told, NotificationKind.REVIEW_ASSIGNED), found -> found.size() == 1);
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> sent(quiet, NotificationKind.REVIEW_ASSIGNED), List::isEmpty);
    }

    @Test
    void switched_off_reminders_and_overdue_messages_are_not_sent_by_the_schedule() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        Instant due = noonInDays(8);
        ReviewCampaign campaign = launched(account, due, new ReviewTiming(List.of(7, 1), true, 5, 0,
                EnumSet.of(CampaignMessage.LAUNCH, CampaignMessage.ESCALATION, CampaignMessage.CLOSE)));

        moveTo(due.minus(Duration.ofDays(7)));
        check(campaign);
        moveTo(due.plus(Duration.ofDays(1)));
        check(campaign);

        assertThat(sent(campaign, NotificationKind.REVIEW_REMINDER)).isEmpty();
        assertThat(sent(campaign, NotificationKind.REVIEW_OVERDUE)).isEmpty();
    }

    @Test
    void an_overdue_campaign_reminds_daily_escalates_to_the_fallback_and_closes_after_the_overdue_period() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        fixtures.standing(account, "ReadOnlyAccess", "USER", riley);
        Instant due = noonInDays(8);
        ReviewCampaign campaign = launched(account, due, new ReviewTiming(List.of(), true, 5, 2,
                EnumSet.allOf(CampaignMessage.class)));

        moveTo(due.plus(Duration.ofHours(1)));
        check(campaign);
        moveTo(due.plus(Duration.ofDays(1)));
        check(campaign);
        closer.closeDue();
        assertThat(sent(campaign, NotificationKind.REVIEW_OVERDUE)).extracting(Delivery::subject)
                .containsExactly("Access review overdue: 2 items left in " + campaign.name(),
                        "Access review overdue: 2 items left in " + campaign.name());
        assertThat(fixtures.items(campaign)).extracting(item -> item.reviewer().name()).containsOnly("Avery Patel");
        assertThat(as(TestUsers.ADMIN, () -> campaigns.campaign(campaign.id())).status()).isEqualTo(CampaignStatus.ACTIVE);

        moveTo(earlyOn(due.plus(Duration.ofDays(2))));
        check(campaign);
        check(campaign);

        assertThat(fixtures.items(campaign)).extracting(item -> item.reviewer().name(), item -> item.reviewer().note())
                .containsOnly(tuple("Morgan Reyes", "Escalated 2 days overdue: Avery Patel had not decided"));
        assertThat(sent(campaign, NotificationKind.REVIEW_ESCALATED)).extracting(Delivery::subject)
                .containsExactly("Access review: 2 items escalated to you in " + campaign.name());
        assertThat(sent(campaign, NotificationKind.REVIEW_OVERDUE)).hasSize(2);
        assertThat(as(TestUsers.ADMIN, () -> decisions.myItems(MyReviewsFilter.everything(), 0, 1000))).extracting(i -> i.item().campaignId())
                .contains(campaign.id());
        AuditEntry escalated = awaitEntry(AuditAction.REVIEW_ITEM_ESCALATED, null, entry -> entry.subject()
                .equals("review item " + fixtures.items(campaign).get(0).id() + " of campaign " + campaign.name()));
        assertThat(escalated.details()).endsWith(": escalated to the fallback reviewer Morgan Reyes from Avery Patel, "
                + "2 days overdue");

        moveTo(due.plus(Duration.ofDays(4)));
        closer.closeDue();
        assertThat(as(TestUsers.ADMIN, () -> campaigns.campaign(campaign.id())).status()).isEqualTo(CampaignStatus.ACTIVE);
        moveTo(due.plus(Duration.ofDays(5)).plusSeconds(60));
        closer.closeDue();
        assertThat(as(TestUsers.ADMIN, () -> campaigns.campaign(campaign.id())).status()).isEqualTo(CampaignStatus.CLOSED);
    }

    @Test
    void the_creator_hears_of_the_close_unless_that_message_is_switched_off() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        ReviewCampaign told = launched(account, noonInDays(9), ReviewTiming.defaults());
        ReviewCampaign quiet = launched(account, noonInDays(9), switchedOff(CampaignMessage.CLOSE));

        as(TestUsers.ADMIN, () -> campaigns.closeEarly(told.id()));
        as(TestUsers.ADMIN, () -> campaigns.closeEarly(quiet.id()));

        String morgan = directory.user(fixtures.userId(TestUsers.ADMIN)).orElseThrow().email();
        List<Delivery> closed = Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> as(TestUsers.ADMIN,
                () -> notifications.deliveries(Optional.empty(), told.name(), 0, 100)).stream()
                .filter(d -> d.kind() == NotificationKind.REVIEW_CLOSED && d.channel() == Channel.EMAIL).toList(),
                found -> !found.isEmpty());
        assertThat(closed).extracting(Delivery::recipient, Delivery::subject)
                .containsExactly(tuple(morgan, "Access review " + told.name() + " was closed early by Morgan Reyes"));
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> sent(quiet, NotificationKind.REVIEW_CLOSED), List::isEmpty);
    }

    @Test
    void only_admins_remind_now_and_only_on_an_active_campaign() {
        AccountRow account = fixtures.account();
        fixtures.standing(account, "Developer", "USER", riley);
        ReviewCampaign campaign = launched(account, noonInDays(9), ReviewTiming.defaults());

        for (var user : List.of(TestUsers.REQUESTER, TestUsers.AUDITOR)) {
            assertThatThrownBy(() -> as(user, () -> campaigns.remindNow(campaign.id())))
                    .isInstanceOf(AccessDeniedException.class);
        }
        as(TestUsers.ADMIN, () -> campaigns.cancel(campaign.id()));
        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> campaigns.remindNow(campaign.id())))
                .isInstanceOf(ReviewProblem.class)
                .hasMessage("Only an active campaign's reviewers are reminded; this one is cancelled.");
    }

    @Test
    void a_timing_that_cannot_work_is_refused_naming_the_field() {
        AccountRow account = fixtures.account();
        assertRefused(account, new ReviewTiming(List.of(7, -1), true, 0, 3, Set.of()), "remindDaysBefore",
                "Reminder days are whole numbers of days before the due date, from 0 (the due day) to 365; -1 is not.");
        assertRefused(account, new ReviewTiming(List.of(7, 7), true, 0, 3, Set.of()), "remindDaysBefore",
                "Each reminder day once: 7 appears twice.");
        assertRefused(account, new ReviewTiming(IntStream.rangeClosed(1, 11).boxed().toList(), true, 0, 3, Set.of()),
                "remindDaysBefore", "At most 10 reminders before the due date; this schedule has 11.");
        assertRefused(account, new ReviewTiming(List.of(7), true, 91, 3, Set.of()), "overdueDays",
                "The overdue period is 0 (the policy applies at the due date) to 90 days.");
        assertRefused(account, new ReviewTiming(List.of(7), true, 5, -2, Set.of()), "escalateAfterDays",
                "Escalation is 0 (never) to 90 days after the due date.");
        assertRefused(account, new ReviewTiming(List.of(7), true, 3, 3, Set.of()), "escalateAfterDays",
                "Escalation after 3 days would never happen: the due-date policy applies 3 days after the due date. "
                        + "Choose fewer days, or 0 for never.");
    }

    private void assertRefused(AccountRow account, ReviewTiming timing, String field, String message) {
        CampaignDraft draft = draft(account, noonInDays(9), timing);
        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> campaigns.create(draft)))
                .isInstanceOfSatisfying(ReviewProblem.class, problem -> assertThat(problem.field()).isEqualTo(field))
                .hasMessage(message);
    }

    private ReviewCampaign launched(AccountRow account, Instant due, ReviewTiming timing) {
        return fixtures.launched(draft(account, due, timing));
    }

    private CampaignDraft draft(AccountRow account, Instant due, ReviewTiming timing) {
        CampaignDraft draft = fixtures.draft(CampaignScope.accounts(Set.of(account.id())),
                List.of(ReviewerStage.manager()));
        return new CampaignDraft(draft.name(), draft.description(), draft.scope(), draft.stages(),
                draft.fallbackReviewerId(), due, DueDatePolicy.KEEP, timing);
    }

    private static ReviewTiming switchedOff(CampaignMessage message) {
        ReviewTiming defaults = ReviewTiming.defaults();
        EnumSet<CampaignMessage> on = EnumSet.allOf(CampaignMessage.class);
        on.remove(message);
        return new ReviewTiming(defaults.remindDaysBefore(), defaults.overdueDaily(), defaults.overdueDays(),
                defaults.escalateAfterDays(), on);
    }

    /** Noon UTC, this many days from today: far from midnight, so moving by whole days lands on the day meant. */
    private Instant noonInDays(int days) {
        return clock.instant().atZone(ZoneOffset.UTC).toLocalDate().plusDays(days).atTime(12, 0)
                .toInstant(ZoneOffset.UTC);
    }

    /** Five past midnight UTC on that moment's day: the day's first check. */
    private static Instant earlyOn(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().atTime(LocalTime.of(0, 5)).toInstant(ZoneOffset.UTC);
    }

    /** The task's check of one campaign, in its own transaction as the task runs it. */
    private void check(ReviewCampaign campaign) {
        transaction.executeWithoutResult(status -> reminders.check(campaign.id()));
    }

    private Void awaitThenCheck(CountDownLatch start, ReviewCampaign campaign) throws InterruptedException {
        start.await();
        check(campaign);
        return null;
    }

    private void moveTo(Instant at) {
        clock.advance(Duration.between(clock.instant(), at));
    }

    /** The campaign's messages of that kind, one webhook delivery each. */
    private List<Delivery> sent(ReviewCampaign campaign, NotificationKind kind) {
        return as(TestUsers.ADMIN, () -> notifications.deliveries(Optional.empty(), campaign.name(), 0, 500)).stream()
                .filter(d -> d.kind() == kind && d.channel() == Channel.WEBHOOK).toList();
    }

    private AuditEntry awaitEntry(AuditAction action, ReviewCampaign campaign,
                                  Predicate<AuditEntry> which) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> as(TestUsers.AUDITOR,
                        () -> auditTrail.page(new AuditFilter("", Optional.of(action)), 0, 200)).stream()
                .filter(e -> campaign == null || e.subject().equals("review campaign " + campaign.name() + " (#"
                        + campaign.id() + ")"))
                .filter(which).findFirst(), Optional::isPresent).orElseThrow();
    }
}
