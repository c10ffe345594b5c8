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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A newcomer opens the start page, then follows it to a demo tracking page, on a phone. */
class FirstVisitIT {
    private static Landfall landfall;
    private static Playwright playwright;
    private static Browser browser;
    private Browsers.Pages pages;
    private Page page;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_DEMO", "true")));
        playwright = Browsers.playwright();
        browser = Browsers.chromium(playwright);
    }

    @AfterAll
    static void stop() {
        browser.close();
        playwright.close();
        landfall.close();
    }

    @BeforeEach
    void openPhone() {
        pages = new Browsers.Pages(browser);
        page = pages.open(360, 740, true);
    }

    @AfterEach
    void closePhone() {
        pages.close();
    }

    private void assertFitsThePhoneScreen() {
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertEquals(0, ((Number) overflow).intValue(), "no horizontal scrolling");
    }

    @Test
    void the_start_page_explains_itself_and_leads_to_a_tracking_page() {
        page.navigate(landfall.baseUrl() + "/");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Landfall is running");
        assertEquals("", Browsers.accessibilityViolations(page));
        assertFitsThePhoneScreen();
        Browsers.screenshot(page, "home");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("A tracking page")).click();
        page.waitForURL("**/t/**");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Tracking history"))).isVisible();
        assertTrue(page.locator("ol.timeline > li").count() > 0, "the demo parcel has scans");
        assertEquals("", Browsers.accessibilityViolations(page));
        assertFitsThePhoneScreen();
        Browsers.screenshot(page, "tracking-page");
        assertEquals(List.of(), pages.consoleErrors(), "no script or CSP errors");
    }

    @Test
    void a_broken_link_gets_a_friendly_page_not_a_stack_trace() {
        var response = page.navigate(landfall.baseUrl() + "/t/this-link-was-cut-off-somewhere");
        assertEquals(404, response.status());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("We could not find that parcel");
        assertThat(page.getByText("Check that you copied the whole link")).isVisible();
        assertEquals("", Browsers.accessibilityViolations(page));
    }
}
