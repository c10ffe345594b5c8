package app.landfall.browser;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.ORDER_ITEMS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_REASONS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.landfall.Landfall;
import app.landfall.auth.Tokens;
import app.landfall.returns.ReturnPolicy.Method;
import app.landfall.returns.ReturnPolicy.Resolution;
import app.landfall.returns.ReturnSubmissions;
import app.landfall.returns.RmaNumbers;
import app.landfall.testing.Browsers;
import app.landfall.testing.TestDatabase;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo's in-store return page in Chromium: the shops as headings with their addresses, and axe. */
class ReturnInStoreIT {
    private static Landfall landfall;
    private static String token;
    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_DEMO", "true")));
        DSLContext dsl = landfall.database().dsl();
        long demo = dsl.select(MERCHANTS.ID).from(MERCHANTS).where(MERCHANTS.SLUG.eq("demo")).fetchSingle(MERCHANTS.ID);
        long reason = dsl.select(RETURN_REASONS.ID).from(RETURN_REASONS)
                .where(RETURN_REASONS.MERCHANT_ID.eq(demo)).and(RETURN_REASONS.CODE.eq("too_small")).fetchSingle(RETURN_REASONS.ID);
        // the newest delivered order with nothing returned yet, and the first of its items the policy takes back
        var order = dsl.select(ORDERS.ID).from(ORDERS).where(ORDERS.MERCHANT_ID.eq(demo))
                .and(DSL.notExists(DSL.selectOne().from(RETURNS).where(RETURNS.ORDER_ID.eq(ORDERS.ID))))
                .and(DSL.exists(DSL.selectOne().from(SHIPMENTS).where(SHIPMENTS.ORDER_ID.eq(ORDERS.ID)).and(SHIPMENTS.STATUS.eq("Delivered"))))
                .orderBy(ORDERS.PLACED_AT.desc()).limit(1).fetchSingle(ORDERS.ID);
        ReturnSubmissions submissions = new ReturnSubmissions(dsl, Clock.systemUTC(), new RmaNumbers(), 4);
        for (long item : dsl.select(ORDER_ITEMS.ID).from(ORDER_ITEMS).where(ORDER_ITEMS.ORDER_ID.eq(order)).orderBy(ORDER_ITEMS.ID)
                .fetch(ORDER_ITEMS.ID)) {
            var result = submissions.submit(demo, order, new ReturnSubmissions.Submission(Tokens.newToken().substring(0, 24),
                    List.of(new ReturnSubmissions.Line(item, 1, reason, null, List.of(), null)), Resolution.REFUND, Method.IN_STORE, null))
                    .orElseThrow();
            if (result.ok()) {
                token = result.created().publicToken();
                break;
            }
        }
        playwright = Browsers.playwright();
        browser = Browsers.chromium(playwright);
    }

    @AfterAll
    static void stop() {
        browser.close();
        playwright.close();
        landfall.close();
    }

    @Test
    void the_demo_shops_are_listed_with_their_addresses_and_pass_axe() {
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            Page page = pages.open(390, 844, true);
            page.navigate(landfall.baseUrl() + "/r/" + token);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Bring the items to a store"))).isVisible();
            assertThat(page.locator(".store-list h3")).hasText(new String[] {"Alder & Ash Burlington", "Alder & Ash Stowe",
                    "Returns desk at our warehouse"});
            assertThat(page.locator(".store-list address").first()).containsText("112 Church Street");
            assertThat(page.locator(".store-list .hours").first()).containsText("Sun 11:00–17:00");
            assertEquals("", Browsers.accessibilityViolations(page));
            assertEquals(Boolean.TRUE, page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"));
            Browsers.screenshot(page, "return-in-store-390x844");
            assertEquals(List.of(), pages.consoleErrors(), "no script or CSP errors");
        }
    }
}
