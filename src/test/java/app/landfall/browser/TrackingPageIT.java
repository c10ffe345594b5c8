package app.landfall.browser;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.i18n.Messages;
import app.landfall.testing.Browsers;
import app.landfall.testing.TestDatabase;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** End customers following tracking links and looking parcels up, in a real Chromium. */
class TrackingPageIT {
    private static Landfall landfall;
    private static DSLContext dsl;
    private static long demoId;
    private static Playwright playwright;
    private static Browser browser;
    private final Browsers.Pages pages = new Browsers.Pages(browser);

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_DEMO", "true")));
        dsl = landfall.database().dsl();
        demoId = dsl.select(MERCHANTS.ID).from(MERCHANTS).where(MERCHANTS.SLUG.eq("demo")).fetchSingle(MERCHANTS.ID);
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

    private Page open(int width, int height, boolean javaScript) {
        return pages.open(width, height, javaScript);
    }

    private Page phone() {
        return open(390, 844, true);
    }

    private static String tokenWith(String status) {
        return dsl.select(SHIPMENTS.PUBLIC_TOKEN).from(SHIPMENTS)
                .where(SHIPMENTS.MERCHANT_ID.eq(demoId)).and(SHIPMENTS.STATUS.eq(status)).and(SHIPMENTS.DIRECTION.eq("outbound"))
                .orderBy(SHIPMENTS.ID).limit(1).fetchOne(SHIPMENTS.PUBLIC_TOKEN);
    }

    private static void assertNoHorizontalScrolling(Page page) {
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertEquals(0, ((Number) overflow).intValue(), "no horizontal scrolling");
    }

    private static String heading(Page page) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).textContent().trim();
    }

    @Test
    void every_demo_status_reads_right_and_passes_axe() {
        List<String> statuses = dsl.selectDistinct(SHIPMENTS.STATUS).from(SHIPMENTS)
                .where(SHIPMENTS.MERCHANT_ID.eq(demoId)).and(SHIPMENTS.DIRECTION.eq("outbound")).fetch(SHIPMENTS.STATUS);
        assertTrue(statuses.size() >= 8, "the demo has parcels in almost every status: " + statuses);
        Page page = phone();
        for (String status : statuses) {
            page.navigate(landfall.baseUrl() + "/t/" + tokenWith(status));
            assertEquals(Messages.text(Locale.ENGLISH, "status." + status), heading(page), status);
            assertThat(page.locator(".milestones [aria-current=step]")).hasCount(1);
            assertEquals("", Browsers.accessibilityViolations(page), status);
            assertNoHorizontalScrolling(page);
        }
    }

    @Test
    void the_showcase_page_on_a_phone_and_a_desktop_saved_for_review() {
        String token = tokenWith("InTransit");
        Page phone = phone();
        phone.navigate(landfall.baseUrl() + "/t/" + token);
        assertThat(phone.locator("ol.timeline > li time").first()).hasAttribute("datetime", java.util.regex.Pattern.compile("\\d{4}-\\d\\d-\\d\\dT.*"));
        assertThat(phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy"))).isVisible();
        assertThat(phone.locator("#status")).hasAttribute("aria-live", "polite");
        assertThat(phone.locator("#status")).hasAttribute("hx-trigger", "every 60s");
        Browsers.screenshot(phone, "tracking-mobile-390x844");

        Page desktop = open(1280, 800, true);
        desktop.navigate(landfall.baseUrl() + "/t/" + token);
        assertEquals("", Browsers.accessibilityViolations(desktop));
        Browsers.screenshot(desktop, "tracking-desktop-1280x800");

        Page narrow = open(320, 640, true); // what 200 % zoom of a 640 px window leaves
        narrow.navigate(landfall.baseUrl() + "/t/" + token);
        assertNoHorizontalScrolling(narrow);
    }

    @Test
    void a_shopper_looks_a_parcel_up_by_tracking_number() {
        String number = dsl.select(SHIPMENTS.TRACKING_NUMBER).from(SHIPMENTS).where(SHIPMENTS.MERCHANT_ID.eq(demoId))
                .and(SHIPMENTS.STATUS.eq("OutForDelivery")).limit(1).fetchSingle(SHIPMENTS.TRACKING_NUMBER);
        Page page = phone();
        page.navigate(landfall.baseUrl() + "/demo/track");
        assertEquals("", Browsers.accessibilityViolations(page));
        Browsers.screenshot(page, "tracking-lookup");
        page.getByLabel("Tracking number").fill(number.toLowerCase());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Track parcel")).click();
        page.waitForURL("**/demo/track/" + number);
        assertEquals("Out for delivery", heading(page));
        assertThat(page.getByText("In this package")).hasCount(0);
    }

    @Test
    void a_shopper_finds_a_split_order_by_number_and_email_and_opens_each_package() {
        var order = dsl.select(ORDERS.ORDER_NUMBER, ORDERS.CUSTOMER_EMAIL).from(ORDERS).where(ORDERS.MERCHANT_ID.eq(demoId))
                .and(DSL.selectCount().from(SHIPMENTS).where(SHIPMENTS.MERCHANT_ID.eq(ORDERS.MERCHANT_ID))
                        .and(SHIPMENTS.ORDER_ID.eq(ORDERS.ID)).and(SHIPMENTS.DIRECTION.eq("outbound")).asField().eq(2))
                .limit(1).fetchSingle();
        Page page = phone();
        page.navigate(landfall.baseUrl() + "/demo/track");
        page.getByLabel("Order number").fill(order.value1());
        page.getByLabel("Email or postal code").fill(order.value2());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find my order")).click();
        page.waitForURL("**/demo/track/order/**");
        assertEquals("Order " + order.value1(), heading(page));
        assertThat(page.locator("ol.packages > li")).hasCount(2);
        assertEquals("", Browsers.accessibilityViolations(page));
        Browsers.screenshot(page, "tracking-split-order");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Track package 2")).click();
        page.waitForURL("**/t/**");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("In this package"))).isVisible();
    }

    @Test
    void the_language_switcher_turns_the_page_german_and_remembers_it() {
        String token = tokenWith("Delivered");
        Page page = phone();
        page.navigate(landfall.baseUrl() + "/t/" + token);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Deutsch")).click();
        page.waitForURL("**lang=de");
        assertEquals("de", page.locator("html").getAttribute("lang"));
        assertEquals(Messages.text(Locale.GERMAN, "status.Delivered"), heading(page));
        page.navigate(landfall.baseUrl() + "/t/" + token);
        assertEquals("de", page.locator("html").getAttribute("lang"), "the cookie keeps the choice");
        assertEquals("", Browsers.accessibilityViolations(page));
        Browsers.screenshot(page, "tracking-german");
    }

    @Test
    void without_javascript_the_page_is_complete_and_a_plain_link_reloads_it() {
        Page page = open(390, 844, false);
        String token = tokenWith("AvailableForPickup");
        page.navigate(landfall.baseUrl() + "/t/" + token);
        assertEquals("Ready for pickup", heading(page));
        assertThat(page.locator("ol.timeline > li").first()).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy"))).isHidden();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Refresh this page")).click();
        assertEquals("Ready for pickup", heading(page)); // (axe needs JavaScript; the same page is checked with it above)
    }
}
