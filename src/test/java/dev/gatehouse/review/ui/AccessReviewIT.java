package dev.gatehouse.review.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.gatehouse.db.Tables.REVIEW_CAMPAIGN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

import dev.gatehouse.BrowserTests;
import dev.gatehouse.sandbox.Sandbox;
import dev.gatehouse.sandbox.SandboxOrganization;

/**
 * An access review end to end in Chromium, one browser context per person: Morgan (admin) creates a campaign
 * over the Production OU, reviewed by managers and then account owners with Jordan as the fallback, and
 * launches it; Avery (Riley's manager) keeps one of Riley's items held through a group, revokes SupportUser
 * on payments-prod and converts ReadOnlyAccess on checkout-prod to just in time, and both assignments leave
 * the sandbox's Identity Center; Jordan finds the items of people without a manager; Morgan's page previews
 * the due-date policy, the due date passes (the test moves it, and runs the real scheduled check at once),
 * the undecided items are kept and flagged, and Morgan signs off the evidence; Sam (auditor) downloads the
 * item CSV and checks it against the signed-off SHA-256.
 */
class AccessReviewIT {

    private static final BrowserTests.Demo DEMO = BrowserTests.demo();
    private static final Duration APPLIED = Duration.ofSeconds(60);

    private final String campaign = "Production access " + UUID.randomUUID().toString().substring(0, 6);

    @Test
    void managers_then_owners_review_production_and_what_they_revoke_leaves_identity_center_with_evidence_that_verifies()
            throws Exception {
        try (Playwright playwright = BrowserTests.playwright();
             Browser browser = BrowserTests.chromium(playwright);
             BrowserContext morgansBrowser = browser.newContext(context());
             BrowserContext averysBrowser = browser.newContext(context());
             BrowserContext jordansBrowser = browser.newContext(context());
             BrowserContext samsBrowser = browser.newContext(context().setAcceptDownloads(true))) {
            Page morgan = signIn(morgansBrowser, "Morgan Reyes");
            try {
                String page = createAndLaunch(morgan);
                decideAsAvery(signIn(averysBrowser, "Avery Patel"));
                seeTheItemsOfPeopleWithoutAManager(signIn(jordansBrowser, "Jordan Kim"));
                passTheDueDateAndSignOff(morgan, page);
                verifyTheEvidence(signIn(samsBrowser, "Sam Okafor"), page);
            } finally {
                morgan.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/review-morgan.png")));
            }
        }
    }

    /** A tall window, so that the lazy grids render many rows at once. */
    private static Browser.NewContextOptions context() {
        return new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1600, 1400);
    }

    /** @return the campaign page's path */
    private String createAndLaunch(Page morgan) {
        morgan.navigate(DEMO.url() + "/reviews/campaigns");
        morgan.locator("#" + CampaignsView.NEW_ID).click();
        morgan.getByLabel("Name").fill(campaign);
        morgan.getByText(CampaignDialog.CHOSEN).click();
        var ous = morgan.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("OUs").setExact(true));
        ous.fill("Production");
        // The first match is the top OU itself ("Root / Production"), above the OUs under it.
        assertThat(morgan.getByText("Root / Production / Commerce", new Page.GetByTextOptions().setExact(true)))
                .isVisible();
        ous.press("ArrowDown");
        ous.press("Enter");
        ous.press("Escape");
        morgan.getByLabel("Second stage, after a keep").click();
        morgan.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("The account owner")).click();
        morgan.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Fallback reviewer")).fill("Jordan");
        morgan.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Jordan Kim")).first().click();
        morgan.getByLabel("Due (end of the day, UTC)").fill(LocalDate.now(ZoneOffset.UTC).plusDays(14)
                .format(DateTimeFormatter.ofPattern("M/d/yyyy")));
        morgan.getByLabel("Due (end of the day, UTC)").press("Enter");
        morgan.getByLabel("Items nobody decided by the due date").click();
        morgan.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions()
                .setName("Keep them, flagged as undecided in the evidence")).click();
        morgan.locator("#save-campaign").click();
        assertThat(morgan.getByText("Saved \"" + campaign + "\" as a draft: launch it from its page.")).isVisible();
        assertThat(morgan.locator("#" + CampaignView.LAUNCH_ID)).isVisible();
        assertThat(morgan.getByText("Reviews standing access on 1 OU (with the OUs below) and 0 accounts.")).isVisible();
        assertThat(morgan.getByText("Reviewers: 1. the person's manager, then 2. the account owner. Fallback reviewer: "
                + "Jordan Kim.")).isVisible();
        String page = morgan.url().substring(DEMO.url().length());

        morgan.locator("#" + CampaignView.LAUNCH_ID).click();
        morgan.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Launch").setExact(true)).click();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            morgan.navigate(DEMO.url() + page);
            return morgan.locator("#" + CampaignView.STATUS_ID).innerText().startsWith("Active");
        });
        assertThat(morgan.locator("#" + CampaignView.STATUS_ID)).containsText("through groups); SHA-256 of the item list");
        return page;
    }

    private void decideAsAvery(Page avery) {
        avery.navigate(DEMO.url() + "/reviews");
        String grid = "#" + MyReviewsView.ITEMS_ID;

        BrowserTests.selectRow(avery, grid, campaign, "Riley Chen", "ViewOnlyAccess", "via group engineering");
        avery.getByLabel("Why (needed to keep)").fill("Reads the growth dashboards");
        avery.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keep selected")).click();
        assertThat(avery.getByText("1 kept.")).isVisible();

        BrowserTests.selectRow(avery, grid, campaign, "Riley Chen", "SupportUser", "payments-prod");
        avery.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke selected")).click();
        assertThat(avery.getByText("1 revoked.")).isVisible();

        BrowserTests.selectRow(avery, grid, campaign, "Riley Chen", "ReadOnlyAccess", "checkout-prod",
                "assigned directly");
        avery.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Convert to just in time")).click();
        assertThat(avery.getByText("1 converted to just in time.")).isVisible();

        await().atMost(APPLIED).until(() -> !rileyHolds("SupportUser", "payments-prod")
                && !rileyHolds("ReadOnlyAccess", "checkout-prod"));
        await().atMost(APPLIED).pollInterval(Duration.ofSeconds(2)).until(() -> {
            avery.reload();
            return BrowserTests.hasRow(avery, grid, campaign, "Riley Chen", "ReadOnlyAccess", "checkout-prod",
                    "Converted to just in time by Avery Patel; removed in Identity Center");
        });
        assertThat(BrowserTests.hasRow(avery, grid, campaign, "Riley Chen", "SupportUser", "payments-prod",
                "Revoked by Avery Patel; removed in Identity Center")).isTrue();
        assertThat(BrowserTests.hasRow(avery, grid, campaign, "Riley Chen", "ViewOnlyAccess", "Pending"))
                .as("kept at the first stage, the item waits for the account's owner").isFalse();
    }

    /** Someone without a manager who holds access directly in Production: the fallback, Jordan, reviews it. */
    private void seeTheItemsOfPeopleWithoutAManager(Page jordan) {
        SandboxOrganization org = DEMO.bean(Sandbox.class).organization();
        Set<String> production = production(org);
        Map<String, SandboxOrganization.User> users = org.users().stream()
                .collect(Collectors.toMap(SandboxOrganization.User::id, Function.identity()));
        SandboxOrganization.User unmanaged = org.assignments().stream()
                .filter(a -> a.principalType().equals("USER") && production.contains(a.accountId()))
                .map(a -> users.get(a.principalId()))
                .filter(u -> u.managerId() == null && u.enabled() && !u.userName().equals("jordan.kim"))
                .findFirst().orElseThrow();

        jordan.navigate(DEMO.url() + "/reviews");
        assertThat(jordan.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("My reviews"))).isVisible();
        assertThat(BrowserTests.hasRow(jordan, "#" + MyReviewsView.ITEMS_ID, campaign,
                unmanaged.givenName() + " " + unmanaged.familyName(), "1 of 2: Jordan Kim")).isTrue();
    }

    private void passTheDueDateAndSignOff(Page morgan, String page) {
        morgan.navigate(DEMO.url() + page);
        assertThat(morgan.locator("#" + CampaignView.PREVIEW_ID)).containsText("If it closed now: Would keep ");
        assertThat(morgan.locator("#" + CampaignView.PREVIEW_ID)).containsText(" nobody decided, flagged as undecided.");

        long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        DEMO.bean(DSLContext.class).update(REVIEW_CAMPAIGN)
                .set(REVIEW_CAMPAIGN.DUE_AT, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1))
                .where(REVIEW_CAMPAIGN.ID.eq(id)).execute();
        DEMO.bean(SchedulerClient.class).reschedule(TaskInstanceId.of("review-due-dates", "recurring"), Instant.now());
        // Closing, then the policy on the undecided items, are two scheduled steps.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            morgan.navigate(DEMO.url() + page);
            return morgan.locator("#" + CampaignView.STATUS_ID).innerText().startsWith("Closed")
                    && morgan.locator("#" + CampaignView.PROGRESS_ID).innerText().startsWith("Overall: 0 pending");
        });

        morgan.locator("#" + EvidenceSection.SIGN_OFF_ID).click();
        morgan.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign off").setExact(true)).click();
        assertThat(morgan.getByText("Evidence signed off: both files' SHA-256 are in the audit trail.")).isVisible();
    }

    private void verifyTheEvidence(Page sam, String page) throws Exception {
        sam.navigate(DEMO.url() + page);
        Download csv = sam.waitForDownload(() -> sam.locator("#" + EvidenceSection.CSV_ID).click());
        List<String> lines = Files.readAllLines(csv.path());
        assertThat(lines).anyMatch(line -> line.contains("Riley Chen") && line.contains("SupportUser")
                && line.contains("REVOKE"));
        assertThat(lines).anyMatch(line -> line.contains("Riley Chen") && line.contains("ReadOnlyAccess")
                && line.contains("CONVERT_TO_JIT") && line.contains("equestable just in time under"));

        FileChooser chooser = sam.waitForFileChooser(() -> sam.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Verify a file…")).click());
        chooser.setFiles(csv.path());
        assertThat(sam.locator("#" + EvidenceSection.VERDICT_ID)).containsText("This file matches ");
    }

    private static boolean rileyHolds(String permissionSet, String account) {
        SandboxOrganization org = DEMO.bean(Sandbox.class).organization();
        String riley = org.users().stream().filter(u -> u.userName().equals("riley.chen")).findFirst().orElseThrow().id();
        String arn = org.permissionSets().stream().filter(s -> s.name().equals(permissionSet)).findFirst().orElseThrow()
                .arn();
        String accountId = org.accounts().stream().filter(a -> a.name().equals(account)).findFirst().orElseThrow().id();
        return org.assignments().contains(new SandboxOrganization.Assignment(accountId, arn, "USER", riley));
    }

    /** The accounts anywhere under the top-level Production OU. */
    private static Set<String> production(SandboxOrganization org) {
        Map<String, SandboxOrganization.OrganizationalUnit> units = org.units().stream()
                .collect(Collectors.toMap(SandboxOrganization.OrganizationalUnit::id, Function.identity()));
        return org.accounts().stream().filter(account -> {
            String top = null;
            for (String parent = account.parentId(); units.containsKey(parent); parent = units.get(parent).parentId()) {
                top = units.get(parent).name();
            }
            return "Production".equals(top);
        }).map(SandboxOrganization.Account::id).collect(Collectors.toSet());
    }

    private static Page signIn(BrowserContext context, String persona) {
        Page page = context.newPage();
        page.navigate(DEMO.url() + "/sign-in");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in as " + persona)).click();
        assertThat(page.getByText("Welcome, " + persona)).isVisible();
        return page;
    }
}
