package app.landfall.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.testing.Browsers;
import app.landfall.testing.TestDatabase;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo owner sets up DKIM signing: a form error, then the DNS record to publish; on a phone with axe, without JavaScript. */
class EmailSendingJourneyIT {
    private static Landfall landfall;
    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_DEMO", "true", "LANDFALL_BACKGROUND_JOBS", "false",
                "LANDFALL_MAIL_FROM", "notices@alder-and-ash.example", "LANDFALL_SECRET_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")));
        playwright = Browsers.playwright();
        browser = Browsers.chromium(playwright);
    }

    @AfterAll
    static void stop() {
        browser.close();
        playwright.close();
        landfall.close();
    }

    private static void signIn(Page page) {
        page.navigate(landfall.baseUrl() + "/admin/settings/email-sending");
        page.getByLabel("Email").fill("owner@alder-and-ash.example");
        page.getByLabel("Password").fill("landfall-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Email sending").setLevel(1))).isVisible();
    }

    /** "Make a signing key", or "Make a new key" once the store has one (the tests share the demo store). */
    private static void makeKey(Page page) {
        page.locator("form[action='/admin/settings/email-sending'] button[type=submit]").click();
    }

    @Test
    void without_javascript_the_owner_makes_a_key_and_sees_the_record_to_publish() {
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            Page page = pages.open(1280, 800, false);
            signIn(page);
            page.getByLabel("Your sending domain").fill("alder-and-ash.example");
            page.getByLabel("Selector").fill("lf1");
            makeKey(page);
            assertThat(page.locator(".dns-record")).containsText("lf1._domainkey.alder-and-ash.example");
            assertThat(page.getByText("Emails are signed for")).isVisible();
            Browsers.screenshot(page, "admin-email-sending-1280x800");

            // deleting the key asks first (a <details>, no JavaScript needed)
            page.getByText("Stop signing and delete the key…").click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, stop signing and delete the key")).click();
            assertThat(page.locator(".notice").first()).containsText("Signing is off and the key is deleted");
        }
    }

    @Test
    void on_a_phone_the_owner_fixes_a_typo_and_gets_the_dns_record_and_the_page_passes_axe_without_scrolling_sideways() {
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            Page page = pages.open(390, 844, true);
            signIn(page);
            assertEquals("", Browsers.accessibilityViolations(page));

            page.getByLabel("Your sending domain").fill("https://alder-and-ash.example");
            makeKey(page);
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Enter the domain your emails come from");
            assertThat(page.getByLabel("Your sending domain")).hasValue("https://alder-and-ash.example");
            assertEquals("", Browsers.accessibilityViolations(page));

            page.getByLabel("Your sending domain").fill("alder-and-ash.example");
            page.getByLabel("Selector").fill("landfall");
            makeKey(page);
            assertThat(page.locator(".notice").first()).containsText("A new signing key for alder-and-ash.example is ready");
            assertThat(page.locator(".dns-record")).containsText("landfall._domainkey.alder-and-ash.example");
            assertThat(page.locator(".dns-record")).containsText("v=DKIM1; k=rsa; p=MII");
            assertThat(page.getByText("Emails are signed for")).isVisible();
            assertEquals("", Browsers.accessibilityViolations(page));
            assertTrue((Boolean) page.evaluate("document.documentElement.scrollWidth <= 390"), "the long record wraps: no sideways scrolling");
            Browsers.screenshot(page, "admin-email-sending-390x844");
        }
    }
}
