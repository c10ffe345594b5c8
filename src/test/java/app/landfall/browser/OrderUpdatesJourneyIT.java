package app.landfall.browser;

import static app.landfall.db.schema.Tables.BRANDS;
import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;
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
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A customer asks for updates on the tracking page (a typo first), and chooses channels for one order
 * on the preferences page, on a phone and a desktop, with JavaScript on and off. axe runs as
 * JavaScript in the page, so it checks the runs with JavaScript on: with JavaScript off its script
 * never answers, which is what hung the first attempt at this journey (EmailPreferencesJourneyIT).
 */
class OrderUpdatesJourneyIT {
    private static final AtomicInteger ORDERS = new AtomicInteger();
    private static Landfall landfall;
    private static Playwright playwright;
    private static Browser browser;
    private static DSLContext dsl;
    private static long store;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_BACKGROUND_JOBS", "false")));
        dsl = landfall.database().dsl();
        store = TestMerchants.create(dsl, "harbour");
        dsl.insertInto(BRANDS).set(BRANDS.MERCHANT_ID, store).set(BRANDS.NAME, "Harbour Goods").set(BRANDS.IS_DEFAULT, true).execute();
        playwright = Browsers.playwright();
        browser = Browsers.chromium(playwright);
    }

    @AfterAll
    static void stop() {
        browser.close();
        playwright.close();
        landfall.close();
    }

    private record Parcel(String number, long shipmentId, String token) {
        String email() {
            return number.toLowerCase() + "@example.com";
        }
    }

    private static Parcel parcel() {
        String number = "H-" + ORDERS.incrementAndGet();
        long order = TestOrders.delivered(dsl, store, number, OffsetDateTime.now(ZoneOffset.UTC)).orderId();
        // still on its way: a delivered parcel has no news left, and its page offers no updates
        dsl.update(SHIPMENTS).set(SHIPMENTS.STATUS, "InTransit").setNull(SHIPMENTS.DELIVERED_AT).where(SHIPMENTS.ORDER_ID.eq(order)).execute();
        var row = dsl.select(SHIPMENTS.ID, SHIPMENTS.PUBLIC_TOKEN).from(SHIPMENTS).where(SHIPMENTS.ORDER_ID.eq(order)).fetchSingle();
        return new Parcel(number, row.value1(), row.value2());
    }

    private static void check(Page page, boolean javaScript, int width, String name) {
        if (javaScript) {
            assertEquals("", Browsers.accessibilityViolations(page), name);
        }
        assertTrue((Boolean) page.evaluate("document.documentElement.scrollWidth <= " + width), "no sideways scrolling: " + name);
        Browsers.screenshot(page, name + "-" + width + (javaScript ? "" : "-nojs"));
    }

    @ParameterizedTest(name = "{0} px wide, JavaScript {1}")
    @CsvSource({"390, false", "1280, true", "390, true", "1280, false"})
    void a_customer_asks_for_updates_on_the_tracking_page_after_a_typo(int width, boolean javaScript) {
        Parcel parcel = parcel();
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            pages.expectStatus(422);
            Page page = pages.open(width, width < 600 ? 844 : 800, javaScript);
            page.navigate(landfall.baseUrl() + "/t/" + parcel.token());
            Locator field = page.getByLabel("Email address or mobile number");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Get updates by email or text"))).isVisible();
            check(page, javaScript, width, "tracking-updates");

            field.fill("h-1@example");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Get updates")).click();
            assertThat(page.locator(".error-summary")).containsText("Enter an email address in the right format, like name@example.com.");
            assertThat(page.getByLabel("Email address or mobile number")).hasValue("h-1@example");
            check(page, javaScript, width, "tracking-updates-error");

            page.getByLabel("Email address or mobile number").fill(parcel.email());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Get updates")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("You will get updates").setLevel(1))).isVisible();
            check(page, javaScript, width, "tracking-updates-done");
            assertEquals(List.of(), pages.consoleErrors());
        }
    }

    /** A parcel email to the order's customer, rendered and kept (no mail server): its preferences link. */
    private static String preferencesLink(Parcel parcel) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        dsl.transaction(cfg -> landfall.notifications().outbox().add(DSL.using(cfg), new Notice(store, Notice.Channel.EMAIL,
                "shipment.delivered", parcel.email(), "en", Map.of("shipment_id", parcel.shipmentId()), "test:" + parcel.number(),
                parcel.shipmentId(), null), now));
        landfall.notifications().sendEmails();
        String text = dsl.select(NOTIFICATION_OUTBOX.BODY_TEXT).from(NOTIFICATION_OUTBOX)
                .where(NOTIFICATION_OUTBOX.DEDUPE_KEY.eq("test:" + parcel.number())).fetchSingle().value1();
        Matcher link = Pattern.compile("https?://\\S+/u/\\S+").matcher(text);
        assertTrue(link.find(), text);
        return link.group();
    }

    @ParameterizedTest(name = "{0} px wide, JavaScript {1}")
    @CsvSource({"390, false", "1280, true", "390, true", "1280, false"})
    void a_customer_stops_messages_about_one_order_then_all_emails_from_the_store(int width, boolean javaScript) {
        Parcel parcel = parcel();
        String link = preferencesLink(parcel);
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            Page page = pages.open(width, width < 600 ? 844 : 800, javaScript);
            page.navigate(link);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Message preferences").setLevel(1))).isVisible();
            Locator email = page.getByLabel("Email to " + parcel.email());
            assertThat(email).isChecked();
            check(page, javaScript, width, "preferences");

            email.uncheck();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my choices")).click();
            assertThat(page.locator(".notice")).containsText("Saved: you will get no more messages about this order.");
            assertThat(page.getByLabel("Email to " + parcel.email())).not().isChecked();
            check(page, javaScript, width, "preferences-saved");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop emails about my orders from Harbour Goods")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("You are unsubscribed").setLevel(1))).isVisible();
            check(page, javaScript, width, "preferences-unsubscribed");
            assertEquals(List.of(), pages.consoleErrors());
        }
    }
}
