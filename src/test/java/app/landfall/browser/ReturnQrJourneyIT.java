package app.landfall.browser;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.ORDER_ITEMS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.testing.Browsers;
import app.landfall.testing.QrDecoding;
import app.landfall.testing.TestDatabase;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The merchant prints a parcel's slip; the shopper scans its QR code on a phone and lands in the return of that order. */
class ReturnQrJourneyIT {
    private static Landfall landfall;
    private static DSLContext dsl;
    private static long demo;
    private static Playwright playwright;
    private static Browser browser;
    private final Browsers.Pages pages = new Browsers.Pages(browser);

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_DEMO", "true")));
        dsl = landfall.database().dsl();
        demo = dsl.select(MERCHANTS.ID).from(MERCHANTS).where(MERCHANTS.SLUG.eq("demo")).fetchSingle(MERCHANTS.ID);
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

    /** A demo parcel delivered lately whose order has no return yet: its items can all be returned. */
    private static org.jooq.Record3<Long, String, Long> parcel() {
        return dsl.select(SHIPMENTS.ID, SHIPMENTS.PUBLIC_TOKEN, SHIPMENTS.ORDER_ID).from(SHIPMENTS)
                .where(SHIPMENTS.MERCHANT_ID.eq(demo)).and(SHIPMENTS.DIRECTION.eq("outbound")).and(SHIPMENTS.STATUS.eq("Delivered"))
                .and(SHIPMENTS.DELIVERED_AT.gt(OffsetDateTime.now().minusDays(14))).and(SHIPMENTS.ORDER_ID.isNotNull())
                .andNotExists(DSL.selectOne().from(RETURNS).where(RETURNS.MERCHANT_ID.eq(demo)).and(RETURNS.ORDER_ID.eq(SHIPMENTS.ORDER_ID)))
                .orderBy(SHIPMENTS.ID).limit(1).fetchSingle();
    }

    private static void signIn(Page page) {
        page.navigate(landfall.baseUrl() + "/admin");
        page.getByLabel("Email").fill("owner@alder-and-ash.example");
        page.getByLabel("Password").fill("landfall-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Overview"))).isVisible();
    }

    private Page phone() {
        return pages.open(390, 844, true);
    }

    /**
     * The first step of the return flow: one heading, and each of the order's items named. Kept in
     * one place because the flow is being rebuilt as a wizard; only this has to follow it.
     */
    private static void assertAtTheItemsStep(Page page, List<String> itemTitles) {
        assertThat(page.locator("h1")).hasCount(1);
        assertThat(page.locator(".wizard-count")).hasText("Step 1 of 5: Items");
        for (String title : itemTitles) {
            assertThat(page.getByText(title, new Page.GetByTextOptions().setExact(true)).first()).isVisible();
        }
    }

    @Test
    void the_qr_code_on_a_printed_packing_slip_opens_the_return_of_that_order_on_a_phone() {
        var parcel = parcel();
        List<String> titles = dsl.select(ORDER_ITEMS.TITLE).from(ORDER_ITEMS).where(ORDER_ITEMS.MERCHANT_ID.eq(demo))
                .and(ORDER_ITEMS.ORDER_ID.eq(parcel.value3())).fetch(ORDER_ITEMS.TITLE);
        Page merchant = phone();
        signIn(merchant);
        merchant.navigate(landfall.baseUrl() + "/admin/shipments/" + parcel.value1());
        assertThat(merchant.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Return QR code"))).isVisible();
        assertThat(merchant.getByAltText("QR code that opens the return of this parcel's order")).isVisible();
        // the card fits the phone (the page's events table is the admin layout's to fit)
        assertTrue(((Number) merchant.locator("[aria-labelledby=return-qr-heading]").evaluate("e => e.getBoundingClientRect().right")).doubleValue() <= 390);
        assertEquals("", Browsers.accessibilityViolations(merchant));
        merchant.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Return QR code")).scrollIntoViewIfNeeded();
        Browsers.screenshot(merchant, "admin-shipment-return-qr-390x844");
        String slipLink = merchant.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Packing slip (PDF)")).getAttribute("href");
        byte[] slip = merchant.request().get(landfall.baseUrl() + slipLink).body();

        String scanned = QrDecoding.fromPdf(slip, 0);
        assertEquals(landfall.baseUrl() + "/t/" + parcel.value2() + "/return", scanned);
        Page shopper = phone();
        shopper.navigate(scanned);
        assertAtTheItemsStep(shopper, titles);
        Browsers.screenshot(shopper, "return-from-packing-slip-qr-390x844");
    }

    @Test
    void the_png_qr_code_and_the_stores_printed_sign_open_the_return_too() {
        var parcel = parcel();
        List<String> titles = dsl.select(ORDER_ITEMS.TITLE).from(ORDER_ITEMS).where(ORDER_ITEMS.MERCHANT_ID.eq(demo))
                .and(ORDER_ITEMS.ORDER_ID.eq(parcel.value3())).fetch(ORDER_ITEMS.TITLE);
        Page merchant = pages.open(1280, 900, true);
        signIn(merchant);
        byte[] png = merchant.request().get(landfall.baseUrl() + "/admin/shipments/" + parcel.value1() + "/return-qr.png").body();
        Page shopper = phone();
        shopper.navigate(QrDecoding.fromPng(png));
        assertAtTheItemsStep(shopper, titles);

        merchant.navigate(landfall.baseUrl() + "/admin/settings/returns");
        var card = merchant.locator("#returns-qr");
        assertThat(card.getByAltText("QR code that opens your returns page")).isVisible();
        assertEquals("", Browsers.accessibilityViolations(merchant));
        card.scrollIntoViewIfNeeded();
        Browsers.screenshot(merchant, "admin-returns-qr-card-1280x900");
        String signLink = card.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Printable sign (PDF)")).getAttribute("href");
        String sign = QrDecoding.fromPdf(merchant.request().get(landfall.baseUrl() + signLink).body(), 0);
        assertEquals(landfall.baseUrl() + "/demo/returns", sign);
        shopper.navigate(sign);
        assertThat(shopper.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Start a return"))).isVisible();
    }
}
