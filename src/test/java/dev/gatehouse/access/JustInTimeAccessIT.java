package dev.gatehouse.access;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

import dev.gatehouse.BrowserTests;
import dev.gatehouse.sandbox.Sandbox;
import dev.gatehouse.sandbox.SandboxOrganization;

/**
 * The demo end to end in Chromium, with two people in two browser contexts: Riley requests Developer
 * access, Avery (Riley's manager) approves it, the assignment appears in the sandbox and on Riley's
 * page, and at expiry it disappears from both. Expiry runs the real scheduled end task; the test only
 * moves that task's time forward instead of waiting an hour.
 */
class JustInTimeAccessIT {

    private static final BrowserTests.Demo DEMO = BrowserTests.demo();
    private static final String url = DEMO.url();

    @Test
    void a_request_approved_by_the_manager_is_granted_in_identity_center_removed_at_expiry_and_audited()
            throws Exception {
        try (Playwright playwright = BrowserTests.playwright();
             Browser browser = BrowserTests.chromium(playwright);
             BrowserContext rileysBrowser = browser.newContext();
             BrowserContext averysBrowser = browser.newContext();
             BrowserContext samsBrowser = browser.newContext(
                     new Browser.NewContextOptions().setAcceptDownloads(true))) {
            Page riley = signIn(rileysBrowser, "Riley Chen");
            Page avery = signIn(averysBrowser, "Avery Patel");
            try {
                String account = request(riley);
                approve(avery, account);
                seeActiveAccess(riley, account);
                expire(account);
                seeAccessEnded(riley, account);
                auditTheRequest(signIn(samsBrowser, "Sam Okafor"));
            } finally {
                riley.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/jit-riley.png")));
                avery.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/jit-avery.png")));
            }
        }
    }

    private static Page signIn(BrowserContext context, String persona) {
        Page page = context.newPage();
        page.navigate(url + "/sign-in");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in as " + persona)).click();
        assertThat(page.getByText("Welcome, " + persona)).isVisible();
        return page;
    }

    /**
     * Riley asks for Developer on an account where Riley has no standing Developer assignment, found by
     * its id in the account search; the demo rules appear after the first sync.
     */
    private static String request(Page riley) {
        String account = sandbox().accounts().stream().map(SandboxOrganization.Account::id)
                .filter(id -> !hasAssignment(id)).findFirst().orElseThrow();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            riley.navigate(url + "/request");
            riley.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Request access")).waitFor();
            return riley.getByLabel("Permission set").count() > 0;
        });
        riley.getByLabel("Permission set").click();
        riley.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Developer")).first().click();
        riley.getByLabel("Accounts").fill(account);
        riley.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(account)).first().click();
        riley.keyboard().press("Escape");
        assertThat(riley.locator("#request-preview"))
                .containsText("1 approval from the requester's manager (Avery Patel)");
        riley.getByLabel("Justification").fill("Fixing the checkout deployment");
        riley.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send request")).click();
        assertThat(riley.getByText("Request sent.")).isVisible();
        assertThat(riley.getByText("Waiting for approval")).isVisible();
        return account;
    }

    private static void approve(Page avery, String account) {
        avery.navigate(url + "/approvals");
        assertThat(avery.getByText("Fixing the checkout deployment")).isVisible();
        avery.locator("vaadin-grid vaadin-checkbox").nth(1).click();
        avery.getByLabel("Comment (optional)").fill("Go ahead");
        avery.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve selected")).click();
        assertThat(avery.getByText("1 approved and granted.")).isVisible();
        // The request leaves the inbox (the first grid) and its access shows under "Access you approve".
        assertThat(avery.locator("vaadin-grid").first().getByText(account)).not().isVisible();
        assertThat(avery.locator("vaadin-grid").nth(1).getByText(account)).isVisible();
    }

    private static void seeActiveAccess(Page riley, String account) {
        await().atMost(Duration.ofSeconds(20)).until(() -> hasAssignment(account));
        riley.navigate(url + "/");
        assertThat(riley.getByText("Active", new Page.GetByTextOptions().setExact(true))).isVisible();
        // The form suggests the demo Developer rule's usual duration, 4 h.
        assertThat(riley.getByText("ends in 3 h 59 min").or(riley.getByText("ends in 4 h"))).isVisible();
    }

    private static void expire(String account) {
        SchedulerClient scheduler = DEMO.bean(SchedulerClient.class);
        List<ScheduledExecution<Object>> ends = scheduler.getScheduledExecutionsForTask("grant-end");
        assertThat(ends).hasSize(1);
        scheduler.reschedule(ends.get(0).getTaskInstance(), Instant.now());
        await().atMost(Duration.ofSeconds(40)).until(() -> !hasAssignment(account));
    }

    private static void seeAccessEnded(Page riley, String account) {
        riley.navigate(url + "/");
        assertThat(riley.getByText("You have no active or upcoming access.")).isVisible();
        assertThat(riley.getByText("Approved by Avery Patel: Go ahead · access ended")).isVisible();
    }

    /**
     * Sam, the auditor, finds the request by its justification, opens it, follows it to all its entries
     * (both AWS writes included) and downloads them as CSV.
     */
    private static void auditTheRequest(Page sam) throws Exception {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            sam.navigate(url + "/audit");
            sam.getByLabel("Search").fill("Fixing the checkout deployment");
            sam.getByLabel("Search").press("Enter");
            // The search applies after typing pauses; a row clicked before that would close again.
            sam.waitForTimeout(1000);
            return cells(sam, "Access requested").count() > 0;
        });
        cells(sam, "Access requested").first().click();
        sam.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("All entries of this request")).click();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).until(
                () -> cells(sam, "Access ended").count() > 0 || refreshRequestFilter(sam));
        assertThat(cells(sam, "Request approved")).hasCount(1);
        assertThat(cells(sam, "AWS write succeeded")).hasCount(2);

        Download csv = sam.waitForDownload(() -> sam.getByText("Export CSV").click());
        assertThat(csv.suggestedFilename()).matches("gatehouse-audit-start-to-\\d{4}-\\d\\d-\\d\\dT\\d{4}Z\\.csv");
        List<String> lines = Files.readAllLines(csv.path());
        assertThat(lines.get(0)).startsWith("Entry,Time (UTC),Actor,Action,Subject,Account,Permission set");
        assertThat(lines).anyMatch(line -> line.contains("CreateAccountAssignment for Riley Chen"))
                .anyMatch(line -> line.contains("DeleteAccountAssignment for Riley Chen"))
                .anyMatch(line -> line.contains(",Access ended,"));
    }

    /** The grid's cells showing exactly this text; rows the grid keeps hidden for reuse do not count. */
    private static Locator cells(Page page, String text) {
        return page.locator("vaadin-grid vaadin-grid-cell-content >> text=\"" + text + "\" >> visible=true");
    }

    /** Entries are written just after each step commits: set the request filter again to read them anew. */
    private static boolean refreshRequestFilter(Page sam) {
        String request = sam.getByLabel("Request").inputValue();
        sam.getByLabel("Request").fill("");
        sam.getByLabel("Request").fill(request);
        sam.getByLabel("Request").press("Enter");
        return false;
    }

    /** Whether Riley holds Developer on the account in the sandbox Identity Center. */
    private static boolean hasAssignment(String account) {
        SandboxOrganization org = sandbox();
        String riley = org.users().stream().filter(u -> u.userName().equals("riley.chen")).findFirst().orElseThrow()
                .id();
        String developer = org.permissionSets().stream().filter(s -> s.name().equals("Developer")).findFirst()
                .orElseThrow().arn();
        return org.assignments().contains(new SandboxOrganization.Assignment(account, developer, "USER", riley));
    }

    private static SandboxOrganization sandbox() {
        return DEMO.bean(Sandbox.class).organization();
    }
}
