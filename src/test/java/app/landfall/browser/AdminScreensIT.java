package app.landfall.browser;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.TRACKING_EVENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.auth.Tokens;
import app.landfall.testing.Browsers;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMessages;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every admin page of Routes.java, with the demo's own ids, on a phone (390 px) and a laptop
 * (1280 px): no sideways scrolling, axe clean, on a phone a compact bar, on a laptop the
 * navigation on one line. Screenshots go to target/screenshots/admin-screen-<page>-<width>.png.
 */
class AdminScreensIT {
    /** GET routes under /admin that are not pages: images, a stylesheet, the email shown inside a frame. */
    private static final Pattern NOT_A_PAGE = Pattern.compile(".*(/photos/\\{photo\\}|/preview|\\.css|\\.svg|\\.png|\\.pdf|/email)$");
    /** Pages for people not signed in yet; they are visited without a session. */
    private static final Pattern SIGNED_OUT = Pattern.compile("/admin/(login|password/.*|invitation/.*)");
    private static Landfall landfall;
    private static Playwright playwright;
    private static Browser browser;
    private static final Map<String, String> IDS = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_DEMO", "true", "LANDFALL_BACKGROUND_JOBS", "false")));
        DSLContext dsl = landfall.database().dsl();
        long demo = dsl.select(MERCHANTS.ID).from(MERCHANTS).where(MERCHANTS.SLUG.eq("demo")).fetchSingle(MERCHANTS.ID);
        // the return with the most to show: one whose parcel is on its way back
        IDS.put("/admin/returns/{id}", String.valueOf(dsl.select(RETURNS.ID).from(RETURNS).where(RETURNS.MERCHANT_ID.eq(demo))
                .and(RETURNS.RETURN_SHIPMENT_ID.isNotNull()).orderBy(RETURNS.ID).limit(1).fetchSingle(RETURNS.ID)));
        // the shipment with the most events
        IDS.put("/admin/shipments/{id}", String.valueOf(dsl.select(SHIPMENTS.ID).from(SHIPMENTS)
                .join(TRACKING_EVENTS).on(TRACKING_EVENTS.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID)).and(TRACKING_EVENTS.SHIPMENT_ID.eq(SHIPMENTS.ID))
                .where(SHIPMENTS.MERCHANT_ID.eq(demo)).groupBy(SHIPMENTS.ID).orderBy(DSL.count().desc(), SHIPMENTS.ID).limit(1)
                .fetchSingle(SHIPMENTS.ID)));
        IDS.put("/admin/messages/{id}", String.valueOf(TestMessages.rendered(landfall, demo)));
        IDS.put("{trigger}", "shipment.out_for_delivery");
        IDS.put("{language}", "en");
        IDS.put("{token}", Tokens.newToken());
        playwright = Browsers.playwright();
        browser = Browsers.chromium(playwright);
    }

    @AfterAll
    static void stop() {
        browser.close();
        playwright.close();
        landfall.close();
    }

    /** Every GET page under /admin in Routes.java, its path parameters filled in with the demo's ids. */
    private static List<String> pages() throws Exception {
        String routes = Files.readString(Path.of("src/main/java/app/landfall/Routes.java"));
        Matcher declared = Pattern.compile("routes\\.get\\(\"(/admin[^\"]*)\"").matcher(routes);
        List<String> pages = new ArrayList<>();
        while (declared.find()) {
            String path = declared.group(1);
            if (NOT_A_PAGE.matcher(path).matches()) {
                continue;
            }
            if (IDS.containsKey(path)) {
                path = path.replace("{id}", IDS.get(path));
            }
            for (var id : IDS.entrySet()) {
                path = path.replace(id.getKey(), id.getValue());
            }
            assertTrue(!path.contains("{"), "a path parameter without a demo id in IDS: " + path);
            pages.add(path);
        }
        assertTrue(pages.size() >= 15, "the scan finds the admin's pages: " + pages);
        return pages;
    }

    private static void signIn(Page page) {
        page.navigate(landfall.baseUrl() + "/admin/login");
        page.getByLabel("Email").fill("owner@alder-and-ash.example");
        page.getByLabel("Password").fill("landfall-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(landfall.baseUrl() + "/admin");
    }

    private static String name(String path) {
        String name = path.replace(IDS.get("{token}"), "token").replaceFirst("^/admin/?", "").replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return name.isEmpty() ? "overview" : name.length() > 60 ? name.substring(0, 60) : name;
    }

    @ParameterizedTest(name = "{0} px wide")
    @ValueSource(ints = {390, 1280})
    void every_admin_page_fits_the_screen_and_passes_axe(int width) throws Exception {
        List<String> problems = new ArrayList<>();
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            Page page = pages.open(width, width < 600 ? 844 : 800, true);
            Page signedOut = pages.open(width, width < 600 ? 844 : 800, true);
            pages.expectStatus(404);
            pages.expectStatus(410);
            signIn(page);
            for (String path : pages()) {
                Page on = SIGNED_OUT.matcher(path).matches() ? signedOut : page;
                on.navigate(landfall.baseUrl() + path);
                String where = path + " at " + width + " px: ";
                Number scrollWidth = (Number) on.evaluate("document.documentElement.scrollWidth");
                Number innerWidth = (Number) on.evaluate("window.innerWidth");
                if (scrollWidth.intValue() > innerWidth.intValue()) {
                    problems.add(where + "scrolls sideways (" + scrollWidth + " > " + innerWidth + ") because of "
                            + on.evaluate("[...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > innerWidth)"
                                    + ".slice(-3).map(e => e.tagName + '.' + e.className).join(', ')"));
                }
                String axe = Browsers.accessibilityViolations(on, List.of("iframe.email-preview"));
                if (!axe.isEmpty()) {
                    problems.add(where + axe);
                }
                if (on == page && width < 600) {
                    Number header = (Number) on.evaluate("document.querySelector('.admin-header').offsetHeight");
                    if (header.intValue() > 80) {
                        problems.add(where + "the header is " + header + " px tall");
                    }
                }
                if (on == page && width >= 1280) {
                    Object tops = on.evaluate("[...new Set([...document.querySelectorAll('.admin-nav > ul > li')].map(li => li.offsetTop))].length");
                    if (((Number) tops).intValue() != 1) {
                        problems.add(where + "the navigation takes " + tops + " lines");
                    }
                }
                Browsers.screenshot(on, "admin-screen-" + name(path) + "-" + width);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void the_returns_list_says_how_many_are_selected_for_its_bulk_actions() {
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            Page page = pages.open(1280, 800, true);
            signIn(page);
            page.navigate(landfall.baseUrl() + "/admin/returns");
            var count = page.locator(".selected-count");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(count).isHidden();
            page.locator("td.select input").nth(0).check();
            page.locator("td.select input").nth(1).check();
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(count).hasText("2 selected");
            page.locator("td.select input").nth(0).uncheck();
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(count).hasText("1 selected");
            assertEquals("", Browsers.accessibilityViolations(page));
        }
    }

    @Test
    void the_settings_menu_opens_with_the_keyboard_and_closes_on_escape() {
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            Page page = pages.open(1280, 800, true);
            signIn(page);
            page.navigate(landfall.baseUrl() + "/admin/team");
            var settings = page.locator(".admin-nav .nav-group > summary");
            settings.focus();
            page.keyboard().press("Enter");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
                    page.locator(".admin-nav a[aria-current=page]")).hasText("Team");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator(".admin-nav a[href='/admin/branding']")).isVisible();
            Browsers.screenshot(page, "admin-screen-settings-menu-1280");
            page.keyboard().press("Escape");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator(".admin-nav a[href='/admin/branding']")).isHidden();
            assertEquals(true, page.evaluate("document.activeElement.matches('.nav-group > summary')"));
        }
    }

    @Test
    void on_a_phone_without_javascript_the_menu_still_opens_and_leads_to_the_settings() {
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            Page page = pages.open(390, 844, false);
            signIn(page);
            page.locator(".admin-menu > summary").click();
            Browsers.screenshot(page, "admin-screen-menu-open-390");
            page.locator(".admin-menu .nav-group > summary").click();
            page.locator(".admin-menu a[href='/admin/settings/notifications']").click();
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("h1")).containsText("Notifications");
        }
    }
}
