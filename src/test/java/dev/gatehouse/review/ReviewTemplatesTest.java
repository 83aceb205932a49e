package dev.gatehouse.review;

import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

import dev.gatehouse.TestUsers;
import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditEntry;
import dev.gatehouse.audit.AuditFilter;
import dev.gatehouse.audit.AuditTrail;
import dev.gatehouse.directory.AccountRow;

/**
 * Templates: a campaign's settings saved and back as a new campaign's draft, due as many days from today;
 * renamed and deleted by admins, read by auditors; names checked; every change audited.
 */
@SpringBootTest
class ReviewTemplatesTest {

    @Autowired
    private ReviewTemplates templates;
    @Autowired
    private ReviewCampaigns campaigns;
    @Autowired
    private ReviewFixtures fixtures;
    @Autowired
    private AuditTrail auditTrail;

    @BeforeEach
    void demoDirectory() {
        fixtures.demoDirectory();
    }

    @Test
    void a_campaigns_settings_come_back_as_a_new_draft_due_as_many_days_from_today() {
        AccountRow account = fixtures.account();
        CampaignScope scope = CampaignScope.accounts(Set.of(account.id()))
                .excluding(Set.of(fixtures.arn("BreakGlass")), Set.of(fixtures.groupId("engineering")));
        ReviewTiming timing = new ReviewTiming(List.of(5, 2, 0), false, 3, 2, EnumSet.of(CampaignMessage.LAUNCH,
                CampaignMessage.CLOSE));
        CampaignDraft original = new CampaignDraft("Payments review " + suffix(), "Twice a year",
                scope, List.of(ReviewerStage.manager(), ReviewerStage.accountOwner()),
                fixtures.userId(TestUsers.DIRECTOR), Instant.now().plus(Duration.ofDays(20)),
                DueDatePolicy.KEEP_AND_FLAG, timing, Recurrence.HALF_YEARLY);
        ReviewCampaign campaign = as(TestUsers.ADMIN, () -> campaigns.create(original));
        String name = "Half-yearly payments " + suffix();

        CampaignTemplate saved = as(TestUsers.ADMIN, () -> templates.saveAsTemplate(campaign.id(), "  " + name + " "));
        CampaignDraft draft = as(TestUsers.ADMIN, () -> templates.draft(saved.id()));

        assertThat(saved.name()).isEqualTo(name);
        assertThat(saved.savedBy()).isEqualTo("Morgan Reyes");
        assertThat(saved.settings().reviewDays()).isEqualTo(20);
        assertThat(draft.name()).isEqualTo(name);
        assertThat(draft.description()).isEqualTo("Twice a year");
        assertThat(draft.scope()).isEqualTo(scope);
        assertThat(draft.stages()).containsExactly(ReviewerStage.manager(), ReviewerStage.accountOwner());
        assertThat(draft.fallbackReviewerId()).isEqualTo(fixtures.userId(TestUsers.DIRECTOR));
        assertThat(draft.dueDatePolicy()).isEqualTo(DueDatePolicy.KEEP_AND_FLAG);
        assertThat(draft.timing()).isEqualTo(timing);
        assertThat(draft.recurrence()).isEqualTo(Recurrence.HALF_YEARLY);
        assertThat(draft.dueAt()).isEqualTo(Instant.now().atZone(ZoneOffset.UTC).toLocalDate().plusDays(20)
                .atTime(LocalTime.of(23, 59)).toInstant(ZoneOffset.UTC));
        ReviewCampaign fromTemplate = as(TestUsers.ADMIN, () -> campaigns.create(draft));
        assertThat(fromTemplate.status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(awaitEntry(AuditAction.REVIEW_TEMPLATE_SAVED, saved).details())
                .isEqualTo("Saved from campaign #" + campaign.id());
    }

    @Test
    void admins_rename_and_delete_templates_and_names_are_checked() {
        CampaignTemplate first = saved("Quarterly " + suffix());
        CampaignTemplate second = saved("Monthly " + suffix());

        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> templates.rename(second.id(), first.name())))
                .isInstanceOf(ReviewProblem.class)
                .hasMessage("A template named \"" + first.name() + "\" exists already: choose another name.");
        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> templates.rename(second.id(), "  ")))
                .isInstanceOf(ReviewProblem.class).hasMessage("Give the template a name.");
        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> templates.rename(second.id(), "x".repeat(121))))
                .isInstanceOf(ReviewProblem.class)
                .hasMessage("The name is at most 120 characters; this one has 121.");

        String renamed = "Renamed " + suffix();
        assertThat(as(TestUsers.ADMIN, () -> templates.rename(second.id(), renamed)).name()).isEqualTo(renamed);
        as(TestUsers.ADMIN, () -> {
            templates.delete(first.id());
            return null;
        });

        assertThat(as(TestUsers.AUDITOR, () -> templates.templates())).extracting(CampaignTemplate::name)
                .contains(renamed).doesNotContain(first.name(), second.name());
        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> templates.draft(first.id())))
                .isInstanceOf(ReviewProblem.class).hasMessage("No such template.");
        CampaignTemplate afterRename = as(TestUsers.ADMIN, () -> templates.template(second.id()));
        assertThat(awaitEntry(AuditAction.REVIEW_TEMPLATE_RENAMED, afterRename).details())
                .isEqualTo("Renamed from " + second.name());
        assertThat(awaitEntry(AuditAction.REVIEW_TEMPLATE_DELETED, first).actor()).isEqualTo("Morgan Reyes");
    }

    @Test
    void settings_saved_as_a_template_are_checked_as_a_campaigns_are() {
        CampaignTemplate.Settings noFallback = new CampaignTemplate.Settings("", CampaignScope.organization(),
                List.of(ReviewerStage.manager()), "", 14, DueDatePolicy.KEEP, ReviewTiming.defaults(),
                Recurrence.QUARTERLY, Set.of(ItemKind.STANDING));
        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> templates.save("No fallback " + suffix(), noFallback)))
                .isInstanceOfSatisfying(ReviewProblem.class, p -> assertThat(p.field()).isEqualTo("fallbackReviewer"));

        CampaignTemplate.Settings tooLong = new CampaignTemplate.Settings("", CampaignScope.organization(),
                List.of(ReviewerStage.manager()), fixtures.userId(TestUsers.ADMIN), 120, DueDatePolicy.KEEP,
                ReviewTiming.defaults(), Recurrence.QUARTERLY, Set.of(ItemKind.STANDING));
        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> templates.save("Too long " + suffix(), tooLong)))
                .isInstanceOfSatisfying(ReviewProblem.class, p -> assertThat(p.field()).isEqualTo("recurrence"));
    }

    @Test
    void only_admins_save_rename_and_delete_templates_and_auditors_read_them() {
        CampaignTemplate template = saved("Roles " + suffix());
        ReviewCampaign campaign = as(TestUsers.ADMIN, () -> campaigns.create(fixtures.draft(
                CampaignScope.organization(), List.of(ReviewerStage.manager()))));
        for (var user : List.of(TestUsers.REQUESTER, TestUsers.AUDITOR)) {
            assertThatThrownBy(() -> as(user, () -> templates.saveAsTemplate(campaign.id(), "Mine " + suffix())))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(user, () -> templates.save("Mine " + suffix(), template.settings())))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(user, () -> templates.rename(template.id(), "Mine " + suffix())))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> as(user, () -> {
                templates.delete(template.id());
                return null;
            })).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> as(TestUsers.REQUESTER, () -> templates.templates()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(TestUsers.REQUESTER, () -> templates.draft(template.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as(TestUsers.AUDITOR, () -> templates.templates())).extracting(CampaignTemplate::id)
                .contains(template.id());
        assertThat(as(TestUsers.AUDITOR, () -> templates.template(template.id())).name()).isEqualTo(template.name());
        assertThat(as(TestUsers.AUDITOR, () -> templates.draft(template.id())).name()).isEqualTo(template.name());
    }

    private CampaignTemplate saved(String name) {
        ReviewCampaign campaign = as(TestUsers.ADMIN, () -> campaigns.create(fixtures.draft(
                CampaignScope.organization(), List.of(ReviewerStage.manager()))));
        return as(TestUsers.ADMIN, () -> templates.saveAsTemplate(campaign.id(), name));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private AuditEntry awaitEntry(AuditAction action, CampaignTemplate template) {
        String subject = "review template " + template.name() + " (#" + template.id() + ")";
        return Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> as(TestUsers.AUDITOR,
                        () -> auditTrail.page(new AuditFilter("", Optional.of(action)), 0, 200)).stream()
                .filter(e -> e.subject().equals(subject)).findFirst(), Optional::isPresent).orElseThrow();
    }
}
