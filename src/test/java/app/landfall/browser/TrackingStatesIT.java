package app.landfall.browser;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.testing.Browsers;
import app.landfall.testing.TestClock;
import app.landfall.testing.TestDatabase;
import app.landfall.tracking.TrackingScenarios;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each state a tracking page words differently (arriving today, at a pickup point, late against
 * the promise or the estimate, a return parcel, a split order), on a phone and a desktop: axe clean,
 * no sideways scrolling, the arrival the largest text, and a screenshot of each for people to look at.
 */
class TrackingStatesIT {
    private static Landfall landfall;
    private static List<TrackingScenarios.Named> scenarios;
    private static Playwright playwright;
    private static Browser browser;
    private final Browsers.Pages pages = new Browsers.Pages(browser);

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_DEMO", "true")), new TestClock(TrackingScenarios.NOW));
        DSLContext dsl = landfall.database().dsl();
        long demo = dsl.select(MERCHANTS.ID).from(MERCHANTS).where(MERCHANTS.SLUG.eq("demo")).fetchSingle(MERCHANTS.ID);
        scenarios = new TrackingScenarios(dsl, demo).all();
        playwright = Browsers.playwright();
        browser = Browsers.chromium(playwright);
    }

    @AfterAll
    static void stop() {
        browser.close();
        playwright.close();
        landfall.close();
    }

    @AfterEach
    void close() {
        pages.close();
        assertEquals(List.of(), pages.consoleErrors(), "no script or CSP errors");
    }

    private static double fontSize(Page page, String selector) {
        return ((Number) page.evaluate("s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize)", selector)).doubleValue();
    }

    @Test
    void every_state_reads_well_on_a_phone_and_a_desktop() {
        for (int width : new int[] {390, 1280}) {
            Page page = pages.open(width, 900, true);
            for (TrackingScenarios.Named s : scenarios) {
                page.navigate(landfall.baseUrl() + "/t/" + s.token());
                Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                assertEquals(0, ((Number) overflow).intValue(), s.name() + " at " + width + " px scrolls sideways");
                assertEquals("", Browsers.accessibilityViolations(page), s.name() + " at " + width + " px");
                if (page.locator(".promise-date").count() > 0) {
                    double date = fontSize(page, ".promise-date");
                    assertTrue(date > fontSize(page, "h1"), s.name() + ": the arrival is larger than the status");
                    assertTrue(date >= fontSize(page, ".store-header"), s.name());
                }
                assertEquals(1, page.locator("p.explanation").count(), s.name() + " says in one sentence what is happening");
                Browsers.screenshot(page, "tracking-" + s.name() + "-" + width);
            }
        }
    }

    @Test
    void an_unknown_return_link_is_a_branded_page_that_passes_axe() {
        // its own pages: Chromium logs the 404 itself as a console error, which is the point here
        try (Browsers.Pages own = new Browsers.Pages(browser)) {
            Page page = own.open(390, 844, true);
            page.navigate(landfall.baseUrl() + "/r/this-return-does-not-exist-at-all");
            assertEquals("", Browsers.accessibilityViolations(page));
            assertEquals("Page not found · Landfall", page.title());
            assertEquals("en", page.locator("html").getAttribute("lang"));
            Browsers.screenshot(page, "error-unknown-return-390");
        }
    }
}
