package dev.gatehouse.audit;

import static dev.gatehouse.TestUsers.as;
import static dev.gatehouse.db.Tables.AUDIT_ENTRY;
import static dev.gatehouse.db.Tables.DIRECTORY_ASSIGNMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

import dev.gatehouse.TestUsers;
import dev.gatehouse.access.AccessService;
import dev.gatehouse.access.GrantService;
import dev.gatehouse.access.GrantStatus;
import dev.gatehouse.access.GrantSummary;
import dev.gatehouse.access.RequestForm;
import dev.gatehouse.access.RequestSummary;
import dev.gatehouse.directory.SandboxAccounts;
import dev.gatehouse.access.RequesterSteps;
import dev.gatehouse.directory.SyncRun;
import dev.gatehouse.directory.SyncStatus;
import dev.gatehouse.directory.SyncTrigger;
import dev.gatehouse.directory.internal.DirectorySyncJob;
import dev.gatehouse.policy.ApproverType;
import dev.gatehouse.policy.RequesterType;
import dev.gatehouse.policy.ScopeType;
import dev.gatehouse.policy.TestRules;

/** The current access and grant history reports, read back as a spreadsheet would read them. */
@SpringBootTest
class AuditReportsTest {

    @Autowired
    private AuditReports reports;
    @Autowired
    private AccessService access;
    @Autowired
    private GrantService grants;
    @Autowired
    private DirectorySyncJob sync;
    @Autowired
    private TestRules rules;
    @Autowired
    private SandboxAccounts accounts;
    @Autowired
    private DSLContext db;

    /** Set up once: the grant then stays active for the whole class. */
    private static String account;
    private static long request;

    @BeforeEach
    void rileyHoldsReadOnlyAccessFromAnAutomaticRule() {
        if (account != null) {
            return;
        }
        rules.demoDirectoryWithoutRules();
        String onAccount = accounts.fresh().id();
        String readOnly = rules.permissionSetArn("ReadOnlyAccess");
        rules.save(TestRules.draft("Automatic", RequesterType.USER, rules.userId(TestUsers.REQUESTER),
                ScopeType.ORGANIZATION, "", readOnly, 0, ApproverType.NONE, ""));
        long sent = as(TestUsers.REQUESTER, () -> access.submit(new RequestForm(readOnly, List.of(onAccount),
                Duration.ofHours(1), Optional.empty(), "Reading the billing logs", "OPS-77")).get(0));
        await().atMost(Duration.ofSeconds(20)).until(() -> as(TestUsers.REQUESTER, () -> access.myRequests(0, 200))
                .stream().filter(r -> r.id() == sent).findFirst().flatMap(RequestSummary::grant)
                .filter(g -> g.status() == GrantStatus.ACTIVE).isPresent());
        request = sent;
        account = onAccount;
    }

    @AfterEach
    void signOut() {
        TestUsers.signOut();
    }

    @Test
    void current_access_by_account_shows_standing_access_with_its_source_and_the_new_grant_as_just_in_time() {
        List<List<String>> rows = read(AuditReport.CURRENT_ACCESS_BY_ACCOUNT, AuditFilter.ALL);

        assertThat(rows.get(0)).containsExactly("Account id", "Account", "Permission set", "Person", "User name",
                "Source", "Until (UTC)");
        assertThat(rows).anySatisfy(row -> assertThat(row.get(5)).startsWith("Standing: via group "));
        assertThat(rows).filteredOn(row -> row.get(0).equals(account) && row.get(3).equals("Riley Chen")
                        && row.get(2).equals("ReadOnlyAccess")).singleElement()
                .satisfies(row -> assertThat(row.get(5)).matches("Just-in-time: grant #\\d+ of request #" + request
                        + "(, made since the last directory sync)?"));
        List<String> accounts = rows.subList(1, rows.size()).stream().filter(row -> !row.get(5).contains("since"))
                .map(row -> row.get(1)).toList();
        assertThat(accounts).isSortedAccordingTo(Comparator.naturalOrder());
    }

    @Test
    void current_access_by_person_is_ordered_by_person() {
        List<List<String>> rows = read(AuditReport.CURRENT_ACCESS_BY_PERSON, AuditFilter.ALL);

        List<String> people = rows.subList(1, rows.size()).stream().filter(row -> !row.get(5).contains("since"))
                .map(row -> row.get(3)).toList();
        assertThat(people).isNotEmpty().isSortedAccordingTo(Comparator.naturalOrder());
    }

    @Test
    void a_revoked_grant_is_gone_from_the_mirror_and_the_current_access_reports_without_waiting_for_a_sync() {
        String onAccount = accounts.fresh().id();
        String readOnly = rules.permissionSetArn("ReadOnlyAccess");
        String riley = rules.userId(TestUsers.REQUESTER);
        long sent = as(TestUsers.REQUESTER, () -> access.submit(RequesterSteps.form(readOnly, onAccount, "")).get(0));
        GrantSummary grant = RequesterSteps.awaitGrant(access, sent, GrantStatus.ACTIVE);
        assertThat(sync.run(SyncTrigger.MANUAL, null)).get().extracting(SyncRun::status)
                .isEqualTo(SyncStatus.SUCCEEDED);
        assertThat(mirrored(onAccount, readOnly, riley)).as("the sync saw the grant's assignment").isTrue();

        as(TestUsers.ADMIN, () -> {
            grants.revoke(grant.id(), "Investigation over");
            return null;
        });
        RequesterSteps.awaitGrant(access, sent, GrantStatus.REVOKED);

        assertThat(mirrored(onAccount, readOnly, riley)).as("DeleteAccountAssignment succeeded").isFalse();
        for (AuditReport report : List.of(AuditReport.CURRENT_ACCESS_BY_ACCOUNT, AuditReport.CURRENT_ACCESS_BY_PERSON)) {
            assertThat(read(report, AuditFilter.ALL)).as(report.label())
                    .noneMatch(row -> row.get(0).equals(onAccount) && row.get(2).equals("ReadOnlyAccess")
                            && row.get(3).equals("Riley Chen"));
        }
    }

    @Test
    void the_grant_history_shows_each_request_of_the_range_with_its_decision_and_grant() {
        AuditFilter today = AuditFilter.ALL.between(Optional.of(Instant.now().minus(Duration.ofHours(1))),
                Optional.empty());

        List<List<String>> rows = read(AuditReport.GRANT_HISTORY, today);

        assertThat(rows.get(0)).startsWith("Request", "Requested at (UTC)", "Requester");
        assertThat(rows).filteredOn(row -> row.get(0).equals(String.valueOf(request))).singleElement()
                .satisfies(row -> assertThat(row).containsSubsequence("Riley Chen", account)
                        .contains("ReadOnlyAccess", "1 h", "Reading the billing logs", "OPS-77", "no", "Approved",
                                "Gatehouse (automatic rule)", "Active"));
        assertThat(read(AuditReport.GRANT_HISTORY, AuditFilter.ALL.between(Optional.empty(),
                Optional.of(Instant.now().minus(Duration.ofHours(1)))))).as("an earlier range")
                .noneMatch(row -> row.get(0).equals(String.valueOf(request)));
    }

    @Test
    void reports_are_for_auditors_and_admins_and_each_download_is_recorded() {
        assertThatThrownBy(() -> as(TestUsers.REQUESTER, () -> reports.write(AuditReport.GRANT_HISTORY,
                AuditFilter.ALL, false, new ByteArrayOutputStream()))).isInstanceOf(AccessDeniedException.class);

        as(TestUsers.ADMIN, () -> reports.write(AuditReport.CURRENT_ACCESS_BY_PERSON, AuditFilter.ALL, false,
                new ByteArrayOutputStream()));

        assertThat(db.fetchExists(AUDIT_ENTRY, AUDIT_ENTRY.ACTION.eq(AuditAction.AUDIT_REPORT_EXPORTED),
                AUDIT_ENTRY.ACTOR.eq("Morgan Reyes"), AUDIT_ENTRY.DETAILS.eq("Current access by person as CSV")))
                .isTrue();
        assertThat(reports.fileName(AuditReport.CURRENT_ACCESS_BY_PERSON, AuditFilter.ALL))
                .matches("gatehouse-current-access-by-person-\\d{4}-\\d\\d-\\d\\dT\\d{4}Z\\.csv");
    }

    private boolean mirrored(String accountId, String permissionSetArn, String userId) {
        return db.fetchExists(DIRECTORY_ASSIGNMENT, DIRECTORY_ASSIGNMENT.ACCOUNT_ID.eq(accountId),
                DIRECTORY_ASSIGNMENT.PERMISSION_SET_ARN.eq(permissionSetArn),
                DIRECTORY_ASSIGNMENT.PRINCIPAL_TYPE.eq("USER"), DIRECTORY_ASSIGNMENT.PRINCIPAL_ID.eq(userId));
    }

    private List<List<String>> read(AuditReport report, AuditFilter range) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long rows = as(TestUsers.AUDITOR, () -> reports.write(report, range, false, out));
        List<List<String>> parsed = parse(out.toString(StandardCharsets.UTF_8));
        assertThat(parsed).hasSize((int) rows + 1);
        return parsed;
    }

    /** RFC 4180, as a spreadsheet reads it: quoted cells may hold commas, doubled quotes and line breaks. */
    private static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }
}
