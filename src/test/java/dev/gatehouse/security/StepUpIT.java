package dev.gatehouse.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import dev.gatehouse.BrowserTests;
import dev.gatehouse.sandbox.Sandbox;
import dev.gatehouse.sandbox.SandboxOrganization;

/**
 * Step-up in Chromium against the demo: Riley enrols an authenticator app from the QR page, asks for
 * AdministratorAccess (whose demo rule needs MFA to request) and steps up with the app's code; then
 * adds a security key (Chromium's virtual authenticator, through the page's real WebAuthn calls) and,
 * signed in anew, steps up with it, all without a Content-Security-Policy violation. The site is opened as
 * localhost: WebAuthn refuses IP addresses.
 */
class StepUpIT {

    private static final BrowserTests.Demo DEMO = BrowserTests.demo();
    private static final String url = DEMO.localhostUrl();

    @Test
    void a_person_enrols_an_authenticator_app_steps_up_to_request_and_later_steps_up_with_a_security_key() {
        try (Playwright playwright = BrowserTests.playwright();
             Browser browser = BrowserTests.chromium(playwright);
             BrowserContext context = browser.newContext()) {
            List<String> violations = watchForPolicyViolations(context);
            Page riley = context.newPage();
            try {
                signIn(riley);
                String secret = enrolAuthenticatorApp(riley);
                requestAdministratorAccess(riley, accounts().get(0));
                stepUpWith(riley, "Code from your authenticator app, or a recovery code",
                        () -> TestMfa.nextCode(secret));
                assertThat(riley.getByText("Request sent.")).isVisible();

                addSecurityKey(riley);
                signOut(riley);
                signIn(riley);
                requestAdministratorAccess(riley, accounts().get(1));
                riley.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use security key or passkey"))
                        .click();
                assertThat(riley.getByText("Request sent.")).isVisible();
                Assertions.assertThat(violations).as("Content-Security-Policy violations").isEmpty();
            } finally {
                riley.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/step-up-riley.png")));
            }
        }
    }

    /**
     * The QR page, WebAuthn and the request form all run under Gatehouse's policy; anything it blocks is
     * reported here (Chromium fires securitypolicyviolation and logs it), even where the page still works.
     */
    private static List<String> watchForPolicyViolations(BrowserContext context) {
        List<String> violations = new CopyOnWriteArrayList<>();
        context.addInitScript("document.addEventListener('securitypolicyviolation', e => console.error("
                + "'CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI + ' at ' + e.sourceFile))");
        context.onPage(page -> page.onConsoleMessage(message -> {
            if (message.text().startsWith("CSP violation") || message.text().contains("Content Security Policy")) {
                violations.add(message.text());
            }
        }));
        return violations;
    }

    private static void signIn(Page page) {
        Response response = page.navigate(url + "/sign-in");
        Assertions.assertThat(response.headerValue("content-security-policy")).contains("frame-ancestors 'none'")
                .containsPattern("script-src 'self' 'nonce-[^']+' ");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in as Riley Chen")).click();
        assertThat(page.getByText("Welcome, Riley Chen")).isVisible();
    }

    /** A new sign-in starts without a step-up: it counts only for the sign-in that made it. */
    private static void signOut(Page page) {
        page.locator("vaadin-menu-bar").getByText("Riley Chen").click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in as Riley Chen")))
                .isVisible();
    }

    /** Scans nothing: reads the secret the page offers for typing, as a person without a camera would. */
    private static String enrolAuthenticatorApp(Page riley) {
        riley.navigate(url + "/two-step");
        assertThat(riley.getByText("No second factor yet.")).isVisible();
        riley.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add authenticator app")).click();
        assertThat(riley.getByAltText("QR code for your authenticator app")).isVisible();
        String secret = riley.locator("#totp-secret").getAttribute("data-secret");
        riley.getByLabel("Code the app shows now").fill(TestMfa.code(secret, Instant.now()));
        riley.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add").setExact(true)).click();
        assertThat(riley.locator("#recovery-codes")).containsText("-");
        riley.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I have saved them")).click();
        assertThat(riley.getByText("10 recovery codes left.")).isVisible();
        assertThat(cells(riley, "Authenticator app")).not().hasCount(0);
        return secret;
    }

    private static void requestAdministratorAccess(Page riley, String account) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            riley.navigate(url + "/request");
            riley.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Request access")).waitFor();
            return riley.getByLabel("Permission set").count() > 0;
        });
        riley.getByLabel("Permission set").click();
        riley.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("AdministratorAccess")).first().click();
        riley.getByLabel("Accounts").fill(account);
        riley.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(account)).first().click();
        riley.keyboard().press("Escape");
        assertThat(riley.locator("#request-preview")).containsText("You verify a second factor (MFA)");
        riley.getByLabel("Justification").fill("Rotating the production database credentials");
        riley.getByLabel("Ticket").fill("OPS-42");
        riley.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send request")).click();
        assertThat(riley.getByText("Verify a second factor to request AdministratorAccess.")).isVisible();
    }

    private static void stepUpWith(Page riley, String label, Supplier<String> code) {
        Locator field = riley.getByLabel(label);
        field.fill(code.get());
        riley.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify").setExact(true)).click();
        assertThat(riley.getByText("Verified.")).isVisible();
    }

    /** Chromium's virtual authenticator answers navigator.credentials as a platform passkey would. */
    private static void addSecurityKey(Page riley) {
        CDPSession cdp = riley.context().newCDPSession(riley);
        cdp.send("WebAuthn.enable");
        JsonObject options = new JsonObject();
        options.addProperty("protocol", "ctap2");
        options.addProperty("transport", "internal");
        options.addProperty("hasResidentKey", true);
        options.addProperty("hasUserVerification", true);
        options.addProperty("isUserVerified", true);
        options.addProperty("automaticPresenceSimulation", true);
        JsonObject params = new JsonObject();
        params.add("options", options);
        cdp.send("WebAuthn.addVirtualAuthenticator", params);

        riley.navigate(url + "/two-step");
        riley.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add security key or passkey")).click();
        assertThat(riley.getByText("Second factor added.")).isVisible();
        assertThat(cells(riley, "Security key or passkey")).not().hasCount(0);
    }

    private static Locator cells(Page page, String text) {
        return page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(text));
    }

    private static List<String> accounts() {
        return DEMO.bean(Sandbox.class).organization().accounts().stream()
                .map(SandboxOrganization.Account::id).toList();
    }
}
