package app.landfall.browser;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.ORDER_ITEMS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_LABELS;
import static app.landfall.db.schema.Tables.RETURN_POLICIES;
import static app.landfall.db.schema.Tables.RETURN_REASONS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.landfall.Landfall;
import app.landfall.auth.Tokens;
import app.landfall.returns.ReturnPolicy.Method;
import app.landfall.returns.ReturnPolicy.Resolution;
import app.landfall.returns.ReturnSubmissions;
import app.landfall.returns.RmaNumbers;
import app.landfall.testing.Browsers;
import app.landfall.testing.FakeEasyPost;
import app.landfall.testing.TestDatabase;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo owner connects EasyPost (a fake), approves a label return on a phone, and the shopper prints the label it bought. */
class ReturnLabelJourneyIT {
    private static final FakeEasyPost EASYPOST = new FakeEasyPost();
    private static Landfall landfall;
    private static DSLContext dsl;
    private static Playwright playwright;
    private static Browser browser;
    private static ReturnSubmissions.Created created;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_DEMO", "true", "LANDFALL_EASYPOST_API_URL", EASYPOST.url(),
                "LANDFALL_SECRET_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=", "LANDFALL_BACKGROUND_JOBS", "false")));
        dsl = landfall.database().dsl();
        long demo = dsl.select(MERCHANTS.ID).from(MERCHANTS).where(MERCHANTS.SLUG.eq("demo")).fetchSingle(MERCHANTS.ID);
        // every return waits for the merchant, so the journey's approval is the merchant's
        dsl.update(RETURN_POLICIES).set(RETURN_POLICIES.REVIEW_ABOVE_AMOUNT, BigDecimal.ZERO).where(RETURN_POLICIES.MERCHANT_ID.eq(demo)).execute();
        long reason = dsl.select(RETURN_REASONS.ID).from(RETURN_REASONS)
                .where(RETURN_REASONS.MERCHANT_ID.eq(demo)).and(RETURN_REASONS.CODE.eq("too_small")).fetchSingle(RETURN_REASONS.ID);
        var order = dsl.select(ORDERS.ID).from(ORDERS).where(ORDERS.MERCHANT_ID.eq(demo))
                .and(DSL.notExists(DSL.selectOne().from(RETURNS).where(RETURNS.ORDER_ID.eq(ORDERS.ID))))
                .and(DSL.exists(DSL.selectOne().from(SHIPMENTS).where(SHIPMENTS.ORDER_ID.eq(ORDERS.ID)).and(SHIPMENTS.STATUS.eq("Delivered"))))
                .orderBy(ORDERS.PLACED_AT.desc()).limit(1).fetchSingle(ORDERS.ID);
        ReturnSubmissions submissions = new ReturnSubmissions(dsl, Clock.systemUTC(), new RmaNumbers(), 4);
        for (long item : dsl.select(ORDER_ITEMS.ID).from(ORDER_ITEMS).where(ORDER_ITEMS.ORDER_ID.eq(order)).orderBy(ORDER_ITEMS.ID)
                .fetch(ORDER_ITEMS.ID)) {
            var result = submissions.submit(demo, order, new ReturnSubmissions.Submission(Tokens.newToken().substring(0, 24),
                    List.of(new ReturnSubmissions.Line(item, 1, reason, null, List.of(), null)), Resolution.REFUND, Method.PRINTABLE_LABEL,
                    null)).orElseThrow();
            if (result.ok()) {
                created = result.created();
                break;
            }
        }
        assertEquals("requested", created.status().code());
        playwright = Browsers.playwright();
        browser = Browsers.chromium(playwright);
    }

    @AfterAll
    static void stop() {
        browser.close();
        playwright.close();
        landfall.close();
        EASYPOST.close();
    }

    @Test
    void the_merchant_connects_easypost_and_approves_and_the_shopper_downloads_the_label() {
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            Page admin = pages.open(390, 844, true);
            admin.navigate(landfall.baseUrl() + "/admin");
            admin.getByLabel("Email").fill("owner@alder-and-ash.example");
            admin.getByLabel("Password").fill("landfall-demo");
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Overview"))).isVisible();
            admin.navigate(landfall.baseUrl() + "/admin/integrations#easypost");
            admin.getByLabel("EasyPost API key").fill(FakeEasyPost.KEY);
            admin.getByLabel("USPS").check();
            admin.getByLabel("UPS", new Page.GetByLabelOptions().setExact(true)).check();
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect EasyPost")).click();
            assertThat(admin.getByText("EasyPost is connected")).isVisible();
            assertThat(admin.locator("#easypost")).containsText("…0123");
            assertEquals("", Browsers.accessibilityViolations(admin));
            // the card itself fits the phone (the page's older tables are another change's work)
            assertEquals(Boolean.TRUE, admin.evaluate("(() => { const c = document.querySelector('#easypost'); "
                    + "return c.scrollWidth <= c.clientWidth && c.getBoundingClientRect().right <= window.innerWidth; })()"));
            admin.locator("#easypost").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                    .setPath(java.nio.file.Path.of("target", "screenshots", "easypost-card-390.png")));

            admin.navigate(landfall.baseUrl() + "/admin/returns/" + created.id());
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).click();
            assertThat(admin.getByText("label is bought")).isVisible();
            assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Prepaid return label"))).isVisible();
            assertEquals("", Browsers.accessibilityViolations(admin));
            Browsers.screenshot(admin, "return-label-admin-390x844");

            Page shopper = pages.open(390, 844, true);
            shopper.navigate(landfall.baseUrl() + "/r/" + created.publicToken());
            assertThat(shopper.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Print your label"))).isVisible();
            assertEquals("", Browsers.accessibilityViolations(shopper));
            assertEquals(Boolean.TRUE, shopper.evaluate("document.documentElement.scrollWidth <= window.innerWidth"));
            Browsers.screenshot(shopper, "return-label-shopper-390x844");
            String href = shopper.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Print your label")).getAttribute("href");
            APIResponse label = shopper.request().get(landfall.baseUrl() + href);
            assertEquals("application/pdf", label.headers().get("content-type"));
            String shipment = dsl.select(RETURN_LABELS.EASYPOST_SHIPMENT_ID).from(RETURN_LABELS).fetchSingle(RETURN_LABELS.EASYPOST_SHIPMENT_ID);
            assertArrayEquals(EASYPOST.labelBytes(shipment), label.body());
            assertEquals(List.of(), pages.consoleErrors(), "no script or CSP errors");
        }
    }
}
