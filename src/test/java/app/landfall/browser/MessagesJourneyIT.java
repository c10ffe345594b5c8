package app.landfall.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.landfall.Landfall;
import app.landfall.testing.Browsers;
import app.landfall.testing.TestDatabase;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A newcomer to the demo asks for a password link, then opens Messages and finds the email exactly
 * as it would have gone out (no mail server is configured), on a phone and a laptop, with and without JavaScript.
 */
class MessagesJourneyIT {
    private static final String STORE = "Alder & Ash";
    private static Landfall landfall;
    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_DEMO", "true", "LANDFALL_BACKGROUND_JOBS", "false")));
        playwright = Browsers.playwright();
        browser = Browsers.chromium(playwright);
    }

    @AfterAll
    static void stop() {
        browser.close();
        playwright.close();
        landfall.close();
    }

    private static void askForPasswordLink(Page page) {
        page.navigate(landfall.baseUrl() + "/admin/password/forgot");
        page.getByLabel("Email").fill("owner@alder-and-ash.example");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the link")).click();
        assertThat(page.locator("main")).containsText("on its way");
    }

    private static void signIn(Page page) {
        page.navigate(landfall.baseUrl() + "/admin/login");
        page.getByLabel("Email").fill("owner@alder-and-ash.example");
        page.getByLabel("Password").fill("landfall-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Overview"))).isVisible();
    }

    /**
     * axe runs as JavaScript in the page, so the same pages are checked in the runs with JavaScript
     * on; the email's frame is left out (its sandbox runs no script, axe's included): the email is
     * the store's message as mail clients show it, not a page of the admin.
     */
    private static void checkAccessibility(Page page, boolean javaScript) {
        if (javaScript) {
            assertEquals("", Browsers.accessibilityViolations(page, List.of("iframe.email-preview")));
        }
    }

    @ParameterizedTest(name = "{0} px wide, JavaScript {1}")
    @CsvSource({"390, false", "1280, true", "390, true", "1280, false"})
    void the_owner_reads_the_password_email_the_store_would_have_sent(int width, boolean javaScript) {
        String size = width + (javaScript ? "" : "-nojs");
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            Page page = pages.open(width, width < 600 ? 844 : 800, javaScript);
            askForPasswordLink(page);
            landfall.notifications().sendEmails();
            signIn(page);

            if (width < 1024) { // a phone keeps the navigation behind its Menu button
                page.getByText("Menu", new Page.GetByTextOptions().setExact(true)).click();
            }
            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Admin"))
                    .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Messages")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Messages").setLevel(1))).isVisible();
            assertThat(page.locator(".notice").first()).containsText("No mail server is configured");
            checkAccessibility(page, javaScript);
            Browsers.screenshot(page, "admin-messages-" + size);

            page.getByLabel("Status").selectOption("unsent");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
            assertThat(page).hasURL(landfall.baseUrl() + "/admin/messages?status=unsent&channel=");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reset your password for " + STORE)).first().click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Reset your password");
            assertThat(page.locator("h1 .status-chip")).hasText("Not sent");
            assertThat(page.locator(".message-text")).containsText("Choose a new password");
            if (width < 600) { // on a phone the email opens on its own page (a frame would scroll inside the scrolling page)
                assertThat(page.locator("iframe.email-preview")).isHidden();
                checkAccessibility(page, javaScript);
                Browsers.screenshot(page, "admin-message-" + size);
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open the email on its own")).click();
                assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Choose a new password"))).isVisible();
                assertThat(page.locator("body")).containsText(STORE);
                assertEquals(List.of(), pages.consoleErrors(), "no CSP violation, no script error");
                return;
            }
            assertThat(page.frameLocator("iframe.email-preview").locator("body")).containsText(STORE);
            assertThat(page.frameLocator("iframe.email-preview").getByRole(AriaRole.LINK,
                    new com.microsoft.playwright.FrameLocator.GetByRoleOptions().setName("Choose a new password"))).isVisible();
            checkAccessibility(page, javaScript);
            // Chromium paints a frame only once it has been in view: scroll to it, so the screenshot shows what a person sees there
            page.locator("iframe.email-preview").scrollIntoViewIfNeeded();
            Browsers.screenshot(page, "admin-message-" + size);
            assertEquals(List.of(), pages.consoleErrors(), "no CSP violation, no script error");
        }
    }
}
