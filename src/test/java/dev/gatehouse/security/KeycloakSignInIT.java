package dev.gatehouse.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

import dev.gatehouse.BrowserTests;
import dev.gatehouse.GatehouseApplication;

/** Headless Chromium signs in to Gatehouse through a real Keycloak, over SAML, and lands on the home page. */
class KeycloakSignInIT {

    private static KeycloakIdentityProvider keycloak;
    private static ConfigurableApplicationContext gatehouse;
    private static String gatehouseUrl;

    @BeforeAll
    static void startKeycloakAndGatehouse() throws Exception {
        Path target = Path.of("target");
        int port = BrowserTests.freePort();
        gatehouseUrl = "http://127.0.0.1:" + port;
        SelfSignedKeys spKeys = SelfSignedKeys.generate("gatehouse-sp");
        Path keys = target.resolve("it-sp-keys");
        spKeys.writeTo(keys);

        keycloak = KeycloakIdentityProvider.start(Path.of(System.getProperty("keycloak.home")), gatehouseUrl, spKeys,
                target.resolve("keycloak.log"));
        // Command-line arguments, because builder properties are only defaults that application.yml overrides.
        gatehouse = new SpringApplicationBuilder(GatehouseApplication.class).run(
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--gatehouse.security.saml.idp-metadata=" + keycloak.metadataUrl(),
                "--gatehouse.security.saml.provider-name=Keycloak",
                "--gatehouse.security.saml.base-url=" + gatehouseUrl,
                "--gatehouse.security.saml.signing-key=" + keys.resolve("key.pem").toAbsolutePath(),
                "--gatehouse.security.saml.signing-certificate=" + keys.resolve("cert.pem").toAbsolutePath());
    }

    @AfterAll
    static void stop() {
        if (gatehouse != null) {
            gatehouse.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void a_person_signs_in_through_keycloak_sees_their_name_and_roles_and_signs_out() {
        try (Playwright playwright = BrowserTests.playwright(); Browser browser = BrowserTests.chromium(playwright)) {
            Page page = browser.newPage();
            try {
                signInThroughKeycloak(page);
                seeOwnSignInInTheAuditTrail(page);
                signOut(page);
            } finally {
                page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/keycloak-sign-in.png")));
            }
        }
    }

    private static void signInThroughKeycloak(Page page) {
        page.navigate(gatehouseUrl + "/");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with Keycloak")).click();

        page.locator("#username").fill(KeycloakIdentityProvider.USER);
        page.locator("#password").fill(KeycloakIdentityProvider.PASSWORD);
        page.locator("#kc-login").click();

        // Spring Security returns to the saved request, which it marks with ?continue.
        page.waitForURL(Pattern.compile("^" + Pattern.quote(gatehouseUrl) + "/(\\?continue)?$"));
        assertThat(page.getByText("Welcome, Alice Liddell")).isVisible();
        assertThat(page.getByText("Your roles: Requester, Admin")).isVisible();
        assertThat(page.getByText("Audit trail")).isVisible();
    }

    private static void seeOwnSignInInTheAuditTrail(Page page) {
        page.getByText("Audit trail").click();
        assertThat(page.getByText("Alice Liddell via SAML as Requester, Admin")).isVisible();
    }

    private static void signOut(Page page) {
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Alice Liddell")).click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Sign out")).click();
        page.waitForURL(Pattern.compile("/sign-in\\?signed-out$"));
        assertThat(page.getByText("You have signed out.")).isVisible();
    }

}
