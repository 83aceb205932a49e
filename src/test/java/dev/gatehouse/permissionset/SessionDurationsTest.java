package dev.gatehouse.permissionset;

import static dev.gatehouse.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.security.access.AccessDeniedException;

import dev.gatehouse.TestEvents;
import dev.gatehouse.TestUsers;
import dev.gatehouse.audit.AuditAction;
import dev.gatehouse.audit.AuditFilter;
import dev.gatehouse.audit.AuditTrail;
import dev.gatehouse.directory.DirectoryLookup;
import dev.gatehouse.directory.SyncTrigger;
import dev.gatehouse.directory.internal.DirectorySyncJob;
import dev.gatehouse.policy.ApproverType;
import dev.gatehouse.policy.RequesterType;
import dev.gatehouse.policy.ScopeType;
import dev.gatehouse.policy.TestRules;
import dev.gatehouse.sandbox.Sandbox;

/** The session-duration policy over the demo organization: the gaps it shows and a change applied to the sandbox. */
@SpringBootTest
class SessionDurationsTest {

    @Autowired
    private SessionDurations sessions;
    @Autowired
    private DirectoryLookup directory;
    @Autowired
    private DirectorySyncJob job;
    @Autowired
    private Sandbox sandbox;
    @Autowired
    private AuditTrail audit;
    @Autowired
    private EventPublicationRegistry events;
    @Autowired
    private TestRules rules;

    @BeforeEach
    void demoDirectoryWithoutRules() {
        rules.demoDirectoryWithoutRules();
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void the_overview_warns_where_sessions_outlast_the_grants_and_the_organizations_maximum() {
        String viewOnly = rules.permissionSetArn("ViewOnlyAccess");
        rules.save(TestRules.draft("Read", RequesterType.EVERYONE, "", ScopeType.ORGANIZATION, "", viewOnly, 0,
                ApproverType.NONE, ""));

        List<SessionDurationRow> rows = as(TestUsers.AUDITOR, () -> sessions.overview());

        SessionDurationRow longSessions = row(rows, "ViewOnlyAccess");
        assertThat(longSessions.session()).isEqualTo(Duration.ofHours(12));
        assertThat(longSessions.longestGrant()).contains(Duration.ofHours(4));
        assertThat(longSessions.warnings()).containsExactly(
                "A session lasts up to 12 h, longer than the 1 h a grant under \"Read\" usually lasts: revoked or "
                        + "expired access can stay open that long.",
                "Longer than the organization's maximum of 8 h.");
        SessionDurationRow noRule = row(rows, "SecurityAudit");
        assertThat(noRule.longestGrant()).isEmpty();
        assertThat(noRule.warnings()).isEmpty();
        assertThat(rows.get(0).warnings()).as("warnings first").isNotEmpty();
    }

    @Test
    void an_admin_changes_a_session_duration_and_the_sandbox_and_the_next_sync_show_it() {
        String arn = rules.permissionSetArn("SupportUser");
        try {
            SessionChange change = as(TestUsers.ADMIN, () -> sessions.change(arn, "PT2H"));
            assertThat(change.before()).contains(Duration.ofHours(8));

            awaitApplied(change.id());
            assertThat(sandbox.organization().permissionSets()).filteredOn(set -> set.arn().equals(arn))
                    .singleElement().satisfies(set -> assertThat(set.sessionDuration()).isEqualTo("PT2H"));
            job.run(SyncTrigger.MANUAL, null).orElseThrow();
            assertThat(directory.permissionSet(arn).orElseThrow().sessionDuration()).contains(Duration.ofHours(2));
            TestEvents.awaitDelivered(events);
            assertThat(as(TestUsers.AUDITOR, () -> audit.page(new AuditFilter("SupportUser",
                    Optional.of(AuditAction.SESSION_DURATION_CHANGED)), 0, 10))).first()
                    .satisfies(entry -> assertThat(entry.details()).startsWith("session duration before: 8 h | "
                            + "after: 2 h"));
        } finally {
            awaitApplied(as(TestUsers.ADMIN, () -> sessions.change(arn, "PT8H")).id());
            job.run(SyncTrigger.MANUAL, null).orElseThrow();
        }
    }

    @Test
    void an_applied_session_duration_shows_in_the_directory_and_the_overview_at_once_without_a_sync() {
        String arn = rules.permissionSetArn("S3DataReader");
        try {
            awaitApplied(as(TestUsers.ADMIN, () -> sessions.change(arn, "PT3H")).id());

            assertThat(directory.permissionSet(arn).orElseThrow().sessionDuration()).contains(Duration.ofHours(3));
            assertThat(row(as(TestUsers.AUDITOR, () -> sessions.overview()), "S3DataReader").session())
                    .isEqualTo(Duration.ofHours(3));
        } finally {
            if (!directory.permissionSet(arn).orElseThrow().sessionDuration()
                    .equals(Optional.of(Duration.ofHours(8)))) {
                awaitApplied(as(TestUsers.ADMIN, () -> sessions.change(arn, "PT8H")).id());
            }
        }
    }

    @Test
    void a_duration_outside_one_to_twelve_hours_or_unchanged_is_refused() {
        String arn = rules.permissionSetArn("SupportUser");

        for (String wrong : List.of("PT13H", "PT30M", "2 hours", "")) {
            assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> sessions.change(arn, wrong)))
                    .isInstanceOf(SessionDurationProblem.class)
                    .hasMessage("Give an ISO-8601 duration from PT1H to PT12H, such as PT2H or PT1H30M.");
        }
        assertThatThrownBy(() -> as(TestUsers.ADMIN, () -> sessions.change(arn, "PT8H")))
                .hasMessage("SupportUser already has sessions of 8 h.");
    }

    @Test
    void only_admins_change_session_durations_and_requesters_do_not_see_them() {
        String arn = rules.permissionSetArn("SupportUser");

        assertThatThrownBy(() -> as(TestUsers.AUDITOR, () -> sessions.change(arn, "PT2H")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(TestUsers.REQUESTER, () -> sessions.overview()))
                .isInstanceOf(AccessDeniedException.class);
    }

    private void awaitApplied(long changeId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> as(TestUsers.ADMIN, () -> sessions.changes(0, 50))
                .stream().filter(c -> c.id() == changeId).findFirst()
                .map(c -> c.status() == SessionChangeStatus.SUCCEEDED).orElse(false));
    }

    private static SessionDurationRow row(List<SessionDurationRow> rows, String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
