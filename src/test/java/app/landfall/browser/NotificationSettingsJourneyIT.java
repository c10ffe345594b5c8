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

/** The demo owner chooses which parcel emails and texts customers get: on a phone with axe, and on a laptop without JavaScript. */
class NotificationSettingsJourneyIT {
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

    private static void signIn(Page page) {
        page.navigate(landfall.baseUrl() + "/admin/settings/notifications");
        page.getByLabel("Email").fill("owner@alder-and-ash.example");
        page.getByLabel("Password").fill("landfall-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Notifications").setLevel(1))).isVisible();
    }

    @Test
    void on_a_phone_the_matrix_passes_axe_and_does_not_scroll_sideways() {
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            Page page = pages.open(390, 844, true);
            signIn(page);
            assertThat(page.getByLabel("Out for delivery by email")).isChecked();
            assertThat(page.getByLabel("In-transit updates by email")).not().isChecked();
            assertEquals("", Browsers.accessibilityViolations(page));
            assertThat(page.getByLabel("Out for delivery by SMS")).not().isChecked();
            assertThat(page.getByLabel("Out for delivery by WhatsApp")).not().isChecked();
            assertTrue((Boolean) page.evaluate("document.documentElement.scrollWidth <= 390"), "no sideways scrolling");
            assertTrue((Boolean) page.evaluate("(() => { const w = document.querySelector('.table-wrap'); return w.scrollWidth <= w.clientWidth; })()"),
                    "the three channels fit beside the moment, the table does not scroll either");
            Browsers.screenshot(page, "admin-notifications-390x844");
        }
    }

    @Test
    void without_javascript_the_owner_turns_out_for_delivery_off_and_in_transit_updates_on() {
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            Page page = pages.open(1280, 800, false);
            signIn(page);
            page.getByLabel("Out for delivery by email").uncheck();
            page.getByLabel("In-transit updates by email").check();
            page.getByLabel("Out for delivery by SMS").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
            assertThat(page.locator(".notice")).containsText("Saved: customers hear about 21 of 21 moments");
            assertThat(page.getByLabel("Out for delivery by email")).not().isChecked();
            assertThat(page.getByLabel("In-transit updates by email")).isChecked();
            assertThat(page.getByLabel("Out for delivery by SMS")).isChecked();
            Browsers.screenshot(page, "admin-notifications-saved-1280x800");
        }
    }
}
