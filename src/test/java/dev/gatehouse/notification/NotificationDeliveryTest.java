package dev.gatehouse.notification;

import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.gatehouse.TestUsers;
import dev.gatehouse.access.AccessService;
import dev.gatehouse.access.RequestForm;
import dev.gatehouse.access.RequestStatus;
import dev.gatehouse.directory.AccountRow;
import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.SandboxAccounts;
import dev.gatehouse.policy.ApproverType;
import dev.gatehouse.policy.RequesterType;
import dev.gatehouse.policy.ScopeType;
import dev.gatehouse.policy.TestRules;
import dev.gatehouse.review.CampaignDraft;
import dev.gatehouse.review.CampaignMessage;
import dev.gatehouse.review.CampaignScope;
import dev.gatehouse.review.ReviewCampaign;
import dev.gatehouse.review.ReviewCampaigns;
import dev.gatehouse.review.ReviewFixtures;
import dev.gatehouse.review.ReviewTiming;
import dev.gatehouse.review.ReviewerStage;
import dev.gatehouse.security.GatehouseUser;
import dev.gatehouse.shared.TimeText;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Notifications end to end: access events become email through a real SMTP server (GreenMail) and
 * posts to a Slack-compatible and a signed generic webhook on a local receiver. Each test works on an
 * account of its own and looks only at messages about it.
 */
@SpringBootTest
class NotificationDeliveryTest {

    private static final Duration DELIVERED = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private AccessService access;
    @Autowired
    private NotificationService notifications;
    @Autowired
    private DirectoryLookup directory;
    @Autowired
    private TestRules rules;
    @Autowired
    private SandboxAccounts accounts;
    @Autowired
    private ReviewFixtures reviews;
    @Autowired
    private ReviewCampaigns campaigns;

    private final WebhookReceiver receiver = TestNotificationEndpoints.receiver();
    private String riley;
    private String developer;

    @BeforeEach
    void demoDirectoryWithoutRules() {
        rules.demoDirectoryWithoutRules();
        riley = rules.userId(TestUsers.REQUESTER);
        developer = rules.permissionSetArn("Developer");
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void the_approver_is_emailed_the_request_and_the_requester_the_decision_and_the_activation() throws Exception {
        AccountRow account = accounts.fresh();
        managerApproves();
        long request = as(TestUsers.REQUESTER, () -> access.submit(form(account)).get(0));

        MimeMessage asked = awaitEmail(email(TestUsers.APPROVER), "Riley Chen asks for Developer on " + account.name());
        assertThat(text(asked)).contains("Justification: Deploying the payments fix", "/approvals");
        assertThat(asked.getFrom()[0].toString()).isEqualTo("gatehouse@example.test");

        as(TestUsers.APPROVER, () -> access.decide(request, true, "go ahead"));

        MimeMessage decided = awaitEmail(email(TestUsers.REQUESTER), "Your request for Developer on " + account.name()
                + " was approved by Avery Patel");
        assertThat(text(decided)).contains("Comment: go ahead");
        awaitEmail(email(TestUsers.REQUESTER), "Your access to Developer on " + account.name() + " ("
                + account.id() + ") is active");
    }

    @Test
    void the_generic_webhook_is_signed_with_hmac_and_slack_gets_the_text() throws Exception {
        AccountRow account = accounts.fresh();
        managerApproves();
        long request = as(TestUsers.REQUESTER, () -> access.submit(form(account)).get(0));

        WebhookReceiver.Received hook = awaitPost(TestNotificationEndpoints.WEBHOOK_PATH, account.name());
        JsonNode payload = JSON.readTree(hook.body());
        assertThat(payload.get("event").asText()).isEqualTo("access.requested");
        assertThat(payload.get("details").get("requestId").asLong()).isEqualTo(request);
        assertThat(payload.get("link").asText()).endsWith("/approvals");
        String timestamp = hook.header("X-Gatehouse-Timestamp");
        assertThat(hook.header("X-Gatehouse-Signature")).isEqualTo("sha256=" + hmac(timestamp + "." + hook.body()));
        assertThat(hook.header("X-Gatehouse-Event")).isEqualTo("access.requested");

        WebhookReceiver.Received slack = awaitPost(TestNotificationEndpoints.SLACK_PATH, account.name());
        assertThat(JSON.readTree(slack.body()).get("text").asText())
                .startsWith("*Riley Chen asks for Developer on " + account.name() + "*");
        assertThat(slack.header("X-Gatehouse-Signature")).as("Slack checks only its URL").isEmpty();
    }

    @Test
    void a_receiver_that_is_down_gets_the_message_once_when_it_is_back() {
        AccountRow account = accounts.fresh();
        managerApproves();
        receiver.failNext(TestNotificationEndpoints.WEBHOOK_PATH, account.name(), 2);

        as(TestUsers.REQUESTER, () -> access.submit(form(account)));

        WebhookReceiver.Received delivered = awaitPost(TestNotificationEndpoints.WEBHOOK_PATH, account.name());
        String id = delivered.header("X-Gatehouse-Delivery");
        assertThat(receiver.all(TestNotificationEndpoints.WEBHOOK_PATH)).filteredOn(r -> r.body().contains(account.name()))
                .extracting(WebhookReceiver.Received::accepted).containsExactly(false, false, true);
        Delivery delivery = await().atMost(DELIVERED).until(() -> deliveryAbout(account, Channel.WEBHOOK),
                d -> d.isPresent() && d.get().status() == DeliveryStatus.SENT).orElseThrow();
        assertThat(String.valueOf(delivery.id())).isEqualTo(id);
        assertThat(delivery.attempts()).isEqualTo(3);
    }

    @Test
    void a_message_that_keeps_failing_is_shown_to_admins_and_can_be_sent_again() {
        AccountRow account = accounts.fresh();
        managerApproves();
        receiver.failNext(TestNotificationEndpoints.WEBHOOK_PATH, account.name(), 3);

        as(TestUsers.REQUESTER, () -> access.submit(form(account)));

        Delivery failed = await().atMost(DELIVERED).until(() -> deliveryAbout(account, Channel.WEBHOOK),
                d -> d.isPresent() && d.get().status() == DeliveryStatus.FAILED).orElseThrow();
        assertThat(failed.lastError()).contains("answered HTTP 500: receiver is down");
        assertThat(as(TestUsers.ADMIN, () -> notifications.failedCount())).isPositive();
        assertThat(receiver.accepted(TestNotificationEndpoints.WEBHOOK_PATH))
                .noneMatch(r -> r.body().contains(account.name()));

        assertThat(as(TestUsers.ADMIN, () -> notifications.sendAgain(failed.id()))).isTrue();

        awaitPost(TestNotificationEndpoints.WEBHOOK_PATH, account.name());
        await().atMost(DELIVERED).until(() -> deliveryAbout(account, Channel.WEBHOOK).orElseThrow().status()
                == DeliveryStatus.SENT);
    }

    @Test
    void each_reviewer_is_emailed_once_when_a_campaign_launches_with_how_many_items_wait_for_them() throws Exception {
        AccountRow account = accounts.fresh();
        reviews.standing(account, "Developer", "USER", riley);
        reviews.standing(account, "ReadOnlyAccess", "USER", riley);
        ReviewCampaign campaign = reviews.launched(reviews.draft(CampaignScope.accounts(Set.of(account.id())),
                List.of(ReviewerStage.manager())));
        String subject = "Access review: 2 items to decide in " + campaign.name() + " by " + TimeText.of(campaign.dueAt());

        MimeMessage told = awaitEmail(email(TestUsers.APPROVER), subject);

        assertThat(text(told)).contains("You review 2 items in " + campaign.name(), "Nobody reviews their own access.",
                "/reviews");
        Thread.sleep(1000); // a second message would be sent at the same time as the first
        assertThat(Arrays.stream(TestNotificationEndpoints.smtp().getReceivedMessages())
                .filter(m -> is(m, email(TestUsers.APPROVER), subject))).hasSize(1);
    }

    @Test
    void a_reviewer_groups_members_are_emailed_the_days_reminder_together_with_a_link_to_my_reviews() throws Exception {
        AccountRow account = accounts.fresh();
        reviews.standing(account, "Developer", "USER", riley);
        String group = reviews.group("access-reviewers", null);
        String quinn = reviews.person("Quinn", "self");
        String drew = reviews.person("Drew", "self");
        reviews.member(group, quinn);
        reviews.member(group, drew);
        reviews.sync();
        String groupName = directory.group(group).orElseThrow().displayName();
        CampaignDraft draft = reviews.draft(CampaignScope.accounts(Set.of(account.id())),
                List.of(ReviewerStage.group(group)));
        ReviewCampaign campaign = reviews.launched(new CampaignDraft(draft.name(), draft.description(), draft.scope(),
                draft.stages(), draft.fallbackReviewerId(), draft.dueAt(), draft.dueDatePolicy(), new ReviewTiming(
                List.of(7, 1), true, 0, 3, EnumSet.complementOf(EnumSet.of(CampaignMessage.LAUNCH)))));

        as(TestUsers.ADMIN, () -> campaigns.remindNow(campaign.id()));

        String subject = "Access review: 1 item left in " + campaign.name() + ", due in 14 days";
        for (String member : List.of(quinn, drew)) {
            MimeMessage reminded = awaitEmail(directory.user(member).orElseThrow().email(), subject);
            assertThat(text(reminded)).contains("Members of " + groupName + " have 1 item left in '" + campaign.name()
                    + "', due in 14 days", "Decide them under My reviews", "/reviews");
        }
        WebhookReceiver.Received hook = awaitPost(TestNotificationEndpoints.WEBHOOK_PATH,
                "\"review-" + campaign.id() + "-reminder-GROUP-" + group);
        assertThat(hook.header("X-Gatehouse-Event")).isEqualTo("review.reminder");
        assertThat(JSON.readTree(hook.body()).get("subject").asText()).isEqualTo(groupName + " has 1 item left in the "
                + "access review " + campaign.name() + ", due in 14 days");
    }

    @Test
    void a_test_message_reaches_every_channel_and_the_admin_addresses() {
        int queued = as(TestUsers.ADMIN, () -> notifications.sendTest());

        assertThat(queued).isEqualTo(4);
        awaitEmail(TestNotificationEndpoints.ADMIN_ADDRESS, "Gatehouse test message");
        awaitEmail(email(TestUsers.ADMIN), "Gatehouse test message");
        assertThat(as(TestUsers.ADMIN, () -> notifications.channels())).allMatch(ChannelSetting::enabled);
    }

    @Test
    void only_admins_see_deliveries_and_send_them_again() {
        for (GatehouseUser user : List.of(TestUsers.REQUESTER, TestUsers.APPROVER, TestUsers.AUDITOR)) {
            assertThatThrownBy(() -> as(user, () -> notifications.deliveries(Optional.empty(), "", 0, 10)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(user, () -> notifications.sendAgain(1)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(user, () -> notifications.sendTest()))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void break_glass_tells_the_rules_approvers_and_the_admins_at_once() {
        AccountRow account = accounts.fresh();
        rules.breakGlass("Emergency", riley, developer, ApproverType.MANAGER);

        long request = as(TestUsers.REQUESTER, () -> access.submit(new RequestForm(developer, List.of(account.id()),
                Duration.ofHours(1), Optional.empty(), "Production is down: INC-77", "", true)).get(0));

        String subject = "Break-glass: Riley Chen activated Developer on " + account.name();
        awaitEmail(email(TestUsers.APPROVER), subject);
        awaitEmail(TestNotificationEndpoints.ADMIN_ADDRESS, subject);
        assertThat(awaitPost(TestNotificationEndpoints.WEBHOOK_PATH, subject).header("X-Gatehouse-Event"))
                .isEqualTo("access.break_glass");
        assertThat(as(TestUsers.REQUESTER, () -> access.myRequests(0, 50))).filteredOn(r -> r.id() == request)
                .singleElement().satisfies(r -> {
                    assertThat(r.status()).isEqualTo(RequestStatus.APPROVED);
                    assertThat(r.breakGlass()).isTrue();
                });
    }

    private void managerApproves() {
        rules.save(TestRules.draft("Manager", RequesterType.USER, riley, ScopeType.ORGANIZATION, "", developer, 1,
                ApproverType.MANAGER, ""));
    }

    private RequestForm form(AccountRow account) {
        return new RequestForm(developer, List.of(account.id()), Duration.ofHours(1), Optional.empty(),
                "Deploying the payments fix", "");
    }

    private String email(GatehouseUser user) {
        return directory.user(rules.userId(user)).orElseThrow().email();
    }

    private Optional<Delivery> deliveryAbout(AccountRow account, Channel channel) {
        return as(TestUsers.ADMIN, () -> notifications.deliveries(Optional.empty(), account.name(), 0, 50)).stream()
                .filter(d -> d.channel() == channel).findFirst();
    }

    private static MimeMessage awaitEmail(String to, String subject) {
        return await().atMost(DELIVERED).until(() -> Arrays.stream(TestNotificationEndpoints.smtp()
                        .getReceivedMessages()).filter(m -> is(m, to, subject)).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private static boolean is(MimeMessage message, String to, String subject) {
        try {
            return subject.equals(message.getSubject()) && Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(address -> address.toString().equalsIgnoreCase(to));
        } catch (MessagingException e) {
            return false;
        }
    }

    private WebhookReceiver.Received awaitPost(String path, String containing) {
        return await().atMost(DELIVERED).until(() -> receiver.accepted(path).stream()
                .filter(r -> r.body().contains(containing)).findFirst(), Optional::isPresent).orElseThrow();
    }

    private static String text(MimeMessage message) throws Exception {
        return message.getContent().toString();
    }

    private static String hmac(String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TestNotificationEndpoints.WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
