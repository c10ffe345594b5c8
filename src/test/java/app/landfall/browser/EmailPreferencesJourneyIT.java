package app.landfall.browser;

import static app.landfall.db.schema.Tables.BRANDS;
import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;
import static app.landfall.db.schema.Tables.NOTIFICATION_SUPPRESSIONS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.notifications.Notice;
import app.landfall.testing.Browsers;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import app.landfall.testing.TestOrders;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A shopper follows the preferences link in an email on a phone, without JavaScript: unsubscribes, then subscribes again. */
class EmailPreferencesJourneyIT {
    private static Landfall landfall;
    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_BACKGROUND_JOBS", "false")));
        playwright = Browsers.playwright();
        browser = Browsers.chromium(playwright);
    }

    @AfterAll
    static void stop() {
        browser.close();
        playwright.close();
        landfall.close();
    }

    /** A parcel email to the shopper, rendered and kept (no mail server): the link is in its text part. */
    private static String preferencesLink() {
        DSLContext dsl = landfall.database().dsl();
        long store = TestMerchants.create(dsl, "harbour");
        dsl.insertInto(BRANDS).set(BRANDS.MERCHANT_ID, store).set(BRANDS.NAME, "Harbour Goods").set(BRANDS.IS_DEFAULT, true).execute();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long order = TestOrders.delivered(dsl, store, "H-1", now).orderId();
        long shipment = dsl.select(SHIPMENTS.ID).from(SHIPMENTS).where(SHIPMENTS.ORDER_ID.eq(order)).fetchSingle(SHIPMENTS.ID);
        dsl.transaction(cfg -> landfall.notifications().outbox().add(DSL.using(cfg), new Notice(store, Notice.Channel.EMAIL,
                "shipment.delivered", "zoe@example.com", "en", Map.of("shipment_id", shipment), "test:journey", shipment, null), now));
        landfall.notifications().sendEmails();
        String text = dsl.select(NOTIFICATION_OUTBOX.BODY_TEXT).from(NOTIFICATION_OUTBOX).fetchSingle().value1();
        Matcher link = Pattern.compile("https?://\\S+/u/\\S+").matcher(text);
        assertTrue(link.find(), text);
        return link.group();
    }

    @Test
    void on_a_phone_without_javascript_the_shopper_unsubscribes_and_subscribes_again_and_each_page_passes_axe() {
        String link = preferencesLink();
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            Page page = pages.open(390, 844, false);
            page.navigate(link);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Email preferences").setLevel(1))).isVisible();
            assertThat(page.locator("main")).containsText("zoe@example.com");
            assertThat(page.locator(".store-header")).containsText("Harbour Goods");
            assertEquals("", Browsers.accessibilityViolations(page));
            assertTrue((Boolean) page.evaluate("document.documentElement.scrollWidth <= 390"), "no sideways scrolling");
            Browsers.screenshot(page, "email-preferences-390x844");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop emails about my orders from Harbour Goods")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("You are unsubscribed").setLevel(1))).isVisible();
            assertThat(page.locator("main")).containsText("Harbour Goods will send no more emails about your orders to zoe@example.com.");
            assertEquals(1, landfall.database().dsl().fetchCount(NOTIFICATION_SUPPRESSIONS));
            assertEquals("", Browsers.accessibilityViolations(page));
            assertTrue((Boolean) page.evaluate("document.documentElement.scrollWidth <= 390"), "no sideways scrolling");
            Browsers.screenshot(page, "email-preferences-unsubscribed-390x844");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Subscribe again")).click();
            assertThat(page.locator(".notice")).containsText("You will get emails about your orders again.");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop emails about my orders from Harbour Goods")))
                    .isVisible();
            assertEquals(0, landfall.database().dsl().fetchCount(NOTIFICATION_SUPPRESSIONS));
            assertEquals("", Browsers.accessibilityViolations(page));
        }
    }
}
