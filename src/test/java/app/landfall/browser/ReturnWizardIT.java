package app.landfall.browser;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.ORDER_ITEMS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.landfall.Landfall;
import app.landfall.testing.Browsers;
import app.landfall.testing.TestDatabase;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The return wizard in Chromium: every step at 390 and 1280 px with axe and no sideways scrolling, and without JavaScript. */
class ReturnWizardIT {
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

    /** A delivered demo order with nothing returned yet and a returnable piece of clothing: its number and email. */
    private static Record2<String, String> orderWithClothing(int skip) {
        return dsl.select(ORDERS.ORDER_NUMBER, ORDERS.CUSTOMER_EMAIL).from(ORDERS)
                .where(ORDERS.MERCHANT_ID.eq(demoId))
                .and(DSL.notExists(DSL.selectOne().from(RETURNS).where(RETURNS.ORDER_ID.eq(ORDERS.ID))))
                .and(DSL.exists(DSL.selectOne().from(ORDER_ITEMS).where(ORDER_ITEMS.ORDER_ID.eq(ORDERS.ID))
                        .and(ORDER_ITEMS.PRODUCT_TYPE.eq("Apparel"))))
                .and(DSL.exists(DSL.selectOne().from(SHIPMENTS).where(SHIPMENTS.ORDER_ID.eq(ORDERS.ID)).and(SHIPMENTS.STATUS.eq("Delivered"))))
                .orderBy(ORDERS.PLACED_AT.desc()).offset(skip).limit(1).fetchSingle();
    }

    private static byte[] png() {
        try {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void findOrder(Page page, Record2<String, String> order) {
        page.navigate(landfall.baseUrl() + "/demo/returns");
        page.getByLabel("Order number").fill(order.value1());
        page.getByLabel("Email or postal code").fill(order.value2());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find my order")).click();
    }

    private static void look(Page page, String name, boolean javaScript) {
        assertEquals(Boolean.TRUE, page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), name + ": no sideways scrolling");
        if (javaScript) { // axe needs scripts: with them off it would wait forever
            assertEquals("", Browsers.accessibilityViolations(page), name);
        }
        Browsers.screenshot(page, name);
    }

    private static void continueOn(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue").setExact(true)).click();
    }

    private static void step(Page page, String expected) {
        assertThat(page.locator(".wizard-count")).hasText(expected);
        assertThat(page.locator(".wizard-steps [aria-current=step]")).hasCount(1);
    }

    /** Picks the first piece of clothing, says it is too small, takes store credit, drops it off, checks and submits. */
    private void returnClothing(Page page, Record2<String, String> order, String size, boolean javaScript) {
        findOrder(page, order);
        step(page, "Step 1 of 5: Items");
        look(page, "returns-wizard-1-items-" + size, javaScript);
        var card = page.locator(".pick-card").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText(Pattern.compile("Jacket|Parka|Vest|Shirt|Tee"))).and(page.locator(".pick-card:not(.disabled)")).first();
        String title = card.locator(".item-title").textContent();
        card.locator(".pick-label").click();
        assertThat(card.locator(".pick-input")).isChecked();
        continueOn(page);

        step(page, "Step 2 of 5: Reason");
        var item = page.locator(".reason-item").first();
        assertThat(item).containsText(title);
        if (javaScript) {
            item.getByLabel("Too small").check();
            // htmx shows the follow-up in place: for this reason the comment is optional, and says so
            assertThat(page.getByLabel("Anything to add? (optional)")).isVisible();
            look(page, "returns-wizard-2-reason-" + size, javaScript);
        } else {
            // without JavaScript, a reason that needs more (a comment, photos) shows those questions on the
            // same step after it is chosen: asked, not scolded
            item.locator(".radio-card label", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("Arrived damaged")).click();
            continueOn(page);
            step(page, "Step 2 of 5: Reason");
            assertThat(page.locator(".error-summary")).hasCount(0);
            assertThat(page.getByText("(optional)")).hasCount(0);
            page.getByLabel("Tell us what happened").fill("The zip came off.");
            page.locator("input[type=file]").setInputFiles(new com.microsoft.playwright.options.FilePayload("zip.png", "image/png", png()));
            look(page, "returns-wizard-2-reason-" + size, javaScript);
        }
        continueOn(page);

        step(page, "Step 3 of 5: Resolution");
        assertThat(page.locator("#resolution-store_credit-money")).containsText(Pattern.compile("store credit"));
        look(page, "returns-wizard-3-resolution-" + size, javaScript);
        page.locator("label[for=resolution-store_credit]").click();
        continueOn(page);

        step(page, "Step 4 of 5: Method");
        page.locator("label[for=method-qr_dropoff]").click();
        look(page, "returns-wizard-4-method-" + size, javaScript);
        continueOn(page);

        step(page, "Step 5 of 5: Review");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Check your return");
        assertThat(page.locator(".review-items")).containsText(title);
        assertThat(page.locator(".review-items img")).hasCount(1);
        assertThat(page.locator(".amounts .total dt")).hasText("Your store credit");
        look(page, "returns-wizard-5-review-" + size, javaScript);

        // Change keeps the answers and comes back to the review
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change How you send it back")).count();
        page.locator("button[value=method]").click();
        step(page, "Step 4 of 5: Method");
        assertThat(page.locator("#method-qr_dropoff")).isChecked();
        continueOn(page);
        step(page, "Step 5 of 5: Review");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit return").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Return R-");
    }

    @Test
    void a_phone_goes_through_every_step_with_axe_clean_and_no_sideways_scrolling() {
        Page page = pages.open(390, 844, true);
        returnClothing(page, orderWithClothing(0), "390", true);
        look(page, "returns-wizard-6-done-390", true);
    }

    @Test
    void a_desktop_goes_through_every_step_with_axe_clean() {
        Page page = pages.open(1280, 900, true);
        returnClothing(page, orderWithClothing(1), "1280", true);
    }

    @Test
    void without_javascript_a_return_is_completed_step_by_step() {
        Page page = pages.open(390, 844, false);
        returnClothing(page, orderWithClothing(2), "390-nojs", false);
        assertThat(page.locator(".amounts .total dt")).hasText("Your store credit");
    }

    @Test
    void the_keyboard_alone_picks_an_item_and_moves_on() {
        Page page = pages.open(390, 844, true);
        findOrder(page, orderWithClothing(3));
        page.locator(".pick-input:not([disabled])").first().focus();
        page.keyboard().press("Space");
        assertThat(page.locator(".pick-input:not([disabled])").first()).isChecked();
        page.keyboard().press("Enter"); // Enter goes forwards, never back
        step(page, "Step 2 of 5: Reason");
    }

    @Test
    void a_reason_needing_photos_shows_its_questions_once_chosen_and_errors_are_summarised() {
        pages.expectStatus(422);
        Page page = pages.open(390, 844, true);
        findOrder(page, orderWithClothing(4));
        page.locator(".pick-card:not(.disabled) .pick-label").first().click();
        continueOn(page);
        step(page, "Step 2 of 5: Reason");
        assertThat(page.locator(".follow-ups")).hasCount(0);
        page.locator(".reason-item").first().locator(".radio-card label", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("Arrived damaged")).click();
        // htmx brings the follow-up questions in place; the comment is required for this reason, so not "(optional)"
        assertThat(page.getByLabel("Tell us what happened")).isVisible();
        assertThat(page.locator("input[type=file]")).isVisible();
        assertThat(page.getByText("(optional)")).hasCount(0);
        continueOn(page);
        assertThat(page.locator(".error-summary")).containsText("Tell us a little more about this reason.");
        assertThat(page.locator(".error-summary")).containsText("Add 1 to 3 photos of the problem.");
        look(page, "returns-wizard-2-reason-errors-390", true);
        page.locator(".error-summary a").first().click();
        assertEquals(Boolean.TRUE, page.evaluate("document.activeElement.id.startsWith('comment_')"), "the summary's link goes to the field");
    }
}
