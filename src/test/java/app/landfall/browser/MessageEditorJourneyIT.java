package app.landfall.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.testing.Browsers;
import app.landfall.testing.TestDatabase;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo owner writes their own "out for delivery" message and previews it: live as they type, or with the Preview button without JavaScript. */
class MessageEditorJourneyIT {
    private static final String EDITOR = "/admin/settings/notifications/shipment.out_for_delivery/en";
    /** The email's frame runs no script, so axe cannot look inside it (and would wait for it forever). */
    private static final List<String> SANDBOXED = List.of("iframe.email-preview");
    private static Landfall landfall;
    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_DEMO", "true", "LANDFALL_BACKGROUND_JOBS", "false")));
        playwright = Browsers.playwright();
        browser = Browsers.chromium(playwright);
    }

    @AfterAll
    static void stop() {
        browser.close();
        playwright.close();
        landfall.close();
    }

    private static void signIn(Page page) {
        page.navigate(landfall.baseUrl() + "/admin/settings/notifications");
        page.getByLabel("Email").fill("owner@alder-and-ash.example");
        page.getByLabel("Password").fill("landfall-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Notifications").setLevel(1))).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit message: Out for delivery")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Out for delivery message").setLevel(1))).isVisible();
        assertTrue(page.url().endsWith(EDITOR), page.url());
    }

    private static void typing(Page page, int width) {
        signIn(page);
        assertThat(page.getByLabel("Subject", new Page.GetByLabelOptions().setExact(true))).hasValue("Your order {{order_number}} is out for delivery");
        assertEquals("", Browsers.accessibilityViolations(page, SANDBOXED));
        page.getByLabel("Subject", new Page.GetByLabelOptions().setExact(true)).fill("Hi {{customer_first_name}}, {{order_number}} is nearly there");
        page.getByLabel("Message", new Page.GetByLabelOptions().setExact(true)).fill("It is on the van today.\n\nTrack it here: {{tracking_link}}");
        assertThat(page.locator(".email-head dd").nth(1)).containsText("is nearly there");
        assertThat(page.frameLocator(".email-preview").locator("body")).containsText("It is on the van today.");
        assertThat(page.locator(".sms-bubble")).containsText("Reply STOP to opt out.");
        assertTrue((Boolean) page.evaluate("document.documentElement.scrollWidth <= " + width), "no sideways scrolling");
        Browsers.screenshot(page, "admin-message-editor-live-" + width);

        page.getByLabel("Message", new Page.GetByLabelOptions().setExact(true)).fill("Your order {{oder_number}} is on the van.");
        assertThat(page.locator("#preview")).containsText("{{oder_number}} is not a placeholder. Did you mean {{order_number}}?");
        assertEquals("", Browsers.accessibilityViolations(page, SANDBOXED));
        Browsers.screenshot(page, "admin-message-editor-typo-" + width);
    }

    @Test
    void with_javascript_on_a_phone_typing_updates_the_preview_and_a_typo_shows_at_once() {
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            typing(pages.open(390, 844, true), 390);
        }
    }

    @Test
    void with_javascript_on_a_laptop_typing_updates_the_preview_beside_the_form() {
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            typing(pages.open(1280, 900, true), 1280);
        }
    }

    private static void withoutJavaScript(Page page, int width) {
        signIn(page);
        page.getByLabel("Subject", new Page.GetByLabelOptions().setExact(true)).fill("{{order_number}} arrives today");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
        assertThat(page.locator(".email-head dd").nth(1)).containsText("arrives today");
        assertThat(page.getByLabel("Subject", new Page.GetByLabelOptions().setExact(true))).hasValue("{{order_number}} arrives today");
        // axe runs in the page's JavaScript, which is off here (it would wait forever); the JavaScript-on cases check these pages
        assertTrue((Boolean) page.evaluate("document.documentElement.scrollWidth <= " + width), "no sideways scrolling");
        Browsers.screenshot(page, "admin-message-editor-preview-nojs-" + width);

        page.getByLabel("Subject", new Page.GetByLabelOptions().setExact(true)).fill("{{order_numbr}} arrives today");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator(".error-summary")).containsText("{{order_numbr}} is not a placeholder. Did you mean {{order_number}}?");
        // axe runs in the page's JavaScript, which is off here (it would wait forever); the JavaScript-on cases check these pages
        Browsers.screenshot(page, "admin-message-editor-error-nojs-" + width);

        page.getByLabel("Subject", new Page.GetByLabelOptions().setExact(true)).fill("{{order_number}} arrives today");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator(".notice")).containsText("Saved: Out for delivery messages in English use these words from now on.");
        assertThat(page.locator(".words-state")).containsText("Your own words");
        page.getByText("Reset to Landfall's words…").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, reset this message")).click();
        assertThat(page.locator(".notice")).containsText("use Landfall's words again");
        assertThat(page.getByLabel("Subject", new Page.GetByLabelOptions().setExact(true))).hasValue("Your order {{order_number}} is out for delivery");
    }

    @Test
    void without_javascript_on_a_laptop_the_preview_button_shows_the_preview_and_save_and_reset_work() {
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            withoutJavaScript(pages.open(1280, 900, false), 1280);
        }
    }

    @Test
    void without_javascript_on_a_phone_the_preview_button_shows_the_preview() {
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            withoutJavaScript(pages.open(390, 844, false), 390);
        }
    }
}
