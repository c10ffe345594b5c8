package app.landfall.browser;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.RETURNS;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.testing.Browsers;
import app.landfall.testing.TestDatabase;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shopper's page of a return in Chromium: every demo return, axe, the QR code read off the screen, cancelling. */
class ReturnPageIT {
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

    private Page phone(boolean javaScript) {
        return pages.open(390, 844, javaScript);
    }

    private static Record2<String, String> demoReturn(String status) {
        return dsl.select(RETURNS.PUBLIC_TOKEN, RETURNS.DROPOFF_CODE).from(RETURNS)
                .where(RETURNS.MERCHANT_ID.eq(demoId)).and(RETURNS.STATUS.eq(status))
                .orderBy(RETURNS.ID).limit(1).fetchSingle();
    }

    @Test
    void every_demo_return_reads_right_and_passes_axe() {
        List<String> statuses = dsl.selectDistinct(RETURNS.STATUS).from(RETURNS).where(RETURNS.MERCHANT_ID.eq(demoId)).fetch(RETURNS.STATUS);
        assertTrue(statuses.size() >= 5, statuses.toString());
        Page page = phone(true);
        for (String status : statuses) {
            page.navigate(landfall.baseUrl() + "/r/" + demoReturn(status).value1());
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Return R-");
            assertThat(page.locator(".milestones [aria-current=step]")).hasCount(1);
            assertEquals("", Browsers.accessibilityViolations(page), status);
            assertEquals(Boolean.TRUE, page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), status);
        }
    }

    @Test
    void the_qr_code_on_the_screen_decodes_to_the_drop_off_code() throws Exception {
        Record2<String, String> approved = demoReturn("approved");
        Page page = phone(true);
        page.navigate(landfall.baseUrl() + "/r/" + approved.value1());
        assertThat(page.locator(".dropoff .code")).hasText(approved.value2());
        BufferedImage shot = ImageIO.read(new ByteArrayInputStream(page.locator("img.qr").screenshot()));
        int w = shot.getWidth();
        int h = shot.getHeight();
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(w, h, shot.getRGB(0, 0, w, h, null, 0, w)))), Map.of(DecodeHintType.TRY_HARDER, true)).getText();
        assertEquals(approved.value2(), decoded);
        Browsers.screenshot(page, "return-mobile-390x844");
    }

    @Test
    void the_page_speaks_the_shoppers_language() {
        Page page = phone(true);
        page.navigate(landfall.baseUrl() + "/r/" + demoReturn("approved").value1() + "?lang=de");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Rücksendung R-");
        assertThat(page.locator(".dropoff h2")).hasText("Einfach abgeben: ohne Karton, ohne Drucker");
        // the order's currency (US dollars) written the German way: decimal comma, sign after the number
        assertThat(page.locator(".amounts .total dd")).hasText(java.util.regex.Pattern.compile("^[0-9.]+,\\d\\d\\s\\$$"));
        assertEquals("", Browsers.accessibilityViolations(page));
        page.navigate(landfall.baseUrl() + "/r/" + demoReturn("approved").value1() + "?lang=fr");
        assertThat(page.locator(".substatus")).hasText("Accepté. Renvoyez les articles comme indiqué ci-dessous.");
    }

    /** A delivered demo order with nothing returned yet, newest first: its number and email. */
    private static Record2<String, String> orderToReturn(int skip) {
        return dsl.select(app.landfall.db.schema.Tables.ORDERS.ORDER_NUMBER, app.landfall.db.schema.Tables.ORDERS.CUSTOMER_EMAIL)
                .from(app.landfall.db.schema.Tables.ORDERS)
                .where(app.landfall.db.schema.Tables.ORDERS.MERCHANT_ID.eq(demoId))
                .and(org.jooq.impl.DSL.notExists(org.jooq.impl.DSL.selectOne().from(RETURNS)
                        .where(RETURNS.ORDER_ID.eq(app.landfall.db.schema.Tables.ORDERS.ID))))
                .and(org.jooq.impl.DSL.exists(org.jooq.impl.DSL.selectOne().from(app.landfall.db.schema.Tables.SHIPMENTS)
                        .where(app.landfall.db.schema.Tables.SHIPMENTS.ORDER_ID.eq(app.landfall.db.schema.Tables.ORDERS.ID))
                        .and(app.landfall.db.schema.Tables.SHIPMENTS.STATUS.eq("Delivered"))))
                .orderBy(app.landfall.db.schema.Tables.ORDERS.PLACED_AT.desc()).offset(skip).limit(1).fetchSingle();
    }

    private static void continueOn(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue").setExact(true)).click();
    }

    /** Through the wizard: the first item, "Changed my mind" (a reason for every product), the resolution, QR drop-off. */
    private void completeAReturn(Page page, Record2<String, String> order, String resolution, boolean checkAxe) {
        page.navigate(landfall.baseUrl() + "/demo/returns");
        if (checkAxe) {
            assertEquals("", Browsers.accessibilityViolations(page), "start");
            Browsers.screenshot(page, "returns-start-390x844");
        }
        page.getByLabel("Order number").fill(order.value1());
        page.getByLabel("Email or postal code").fill(order.value2());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find my order")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Which items are you returning?");
        page.locator(".pick-card:not(.disabled) .pick-label").first().click();
        continueOn(page);
        page.locator(".reason-item").first().locator(".radio-card label",
                new com.microsoft.playwright.Locator.LocatorOptions().setHasText("Changed my mind")).click();
        continueOn(page);
        page.locator(".radio-card label", new Page.LocatorOptions().setHasText(resolution)).click();
        continueOn(page);
        page.locator("label[for=method-qr_dropoff]").click();
        continueOn(page);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Check your return");
        if (checkAxe) {
            assertEquals("", Browsers.accessibilityViolations(page), "review");
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit return").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Return R-");
    }

    @Test
    void a_shopper_completes_a_qr_drop_off_refund_return_from_the_demo() {
        Page page = phone(true);
        completeAReturn(page, orderToReturn(0), "Refund to your original payment method", true);
        assertThat(page.locator(".dropoff .code")).isVisible();
        assertEquals("", Browsers.accessibilityViolations(page), "the new return's page");
    }

    @Test
    void a_shopper_exchanges_an_item_for_another_size() {
        Page page = phone(true);
        Record2<String, String> order = orderToReturn(2);
        page.navigate(landfall.baseUrl() + "/demo/returns");
        page.getByLabel("Order number").fill(order.value1());
        page.getByLabel("Email or postal code").fill(order.value2());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find my order")).click();
        page.locator(".pick-card:not(.disabled) .pick-label").first().click();
        continueOn(page);
        page.locator(".reason-item").first().locator(".radio-card label",
                new com.microsoft.playwright.Locator.LocatorOptions().setHasText("Changed my mind")).click();
        continueOn(page);
        var variant = page.locator("select[name^=variant_]").first();
        assertThat(variant).isHidden(); // asked only once an exchange is chosen
        page.locator("label[for=resolution-exchange]").click();
        assertThat(variant).isVisible();
        String wanted = variant.locator("option").nth(1).textContent();
        variant.selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(wanted));
        continueOn(page);
        page.locator("label[for=method-qr_dropoff]").click();
        continueOn(page);
        assertThat(page.locator("main")).containsText(wanted);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit return").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Return R-");
        assertThat(page.locator(".items")).containsText("Exchange for " + wanted);
        assertThat(page.locator(".amounts .total dt")).hasText("Value of your exchange");
        assertEquals("", Browsers.accessibilityViolations(page));
        Browsers.screenshot(page, "return-exchange-390x844");
    }

    @Test
    void a_return_on_its_way_shows_its_parcel() {
        Page page = phone(true);
        page.navigate(landfall.baseUrl() + "/r/" + demoReturn("in_transit").value1());
        assertThat(page.locator(".parcel")).containsText("In transit");
        assertThat(page.locator(".parcel")).containsText("USPS");
        assertEquals("", Browsers.accessibilityViolations(page));
        Browsers.screenshot(page, "return-in-transit-390x844");
        // its own tracking page knows it is a return: no offer to return it again
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Follow every scan")).click();
        assertThat(page.locator(".eyebrow")).containsText("Your return parcel to");
        assertEquals(0, page.getByText("Start a return").count());
        assertEquals("", Browsers.accessibilityViolations(page));
        Browsers.screenshot(page, "return-parcel-tracking-390x844");
    }

    @Test
    void without_javascript_a_return_can_still_be_completed() {
        Page page = phone(false);
        completeAReturn(page, orderToReturn(1), "Store credit", false);
        assertThat(page.locator(".amounts .total dt")).hasText("Your store credit");
    }

    @Test
    void without_javascript_the_shopper_can_still_cancel() {
        Record2<String, String> requested = demoReturn("requested");
        Page page = phone(false);
        page.navigate(landfall.baseUrl() + "/r/" + requested.value1());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cancel this return")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Cancel this return?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, cancel the return")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Your return is cancelled.");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cancel this return"))).hasCount(0);
        assertThat(page.locator(".milestones .step.ended")).containsText("Cancelled");
        assertEquals("cancelled", dsl.select(RETURNS.STATUS).from(RETURNS).where(RETURNS.PUBLIC_TOKEN.eq(requested.value1())).fetchSingle().value1());
    }
}
