package app.landfall.browser;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.MERCHANT_USERS;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.auth.Passwords;
import app.landfall.testing.Browsers;
import app.landfall.testing.TestDatabase;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The admin's start page, your account and the store settings on the demo store, on a phone and a
 * laptop with JavaScript: no sideways scrolling, nothing for axe to find, and screenshots to look at.
 */
class AdminHomeJourneyIT {
    private static final String PASSWORD = "browser owner password";
    private static Landfall landfall;
    private static DSLContext dsl;
    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_DEMO", "true")));
        dsl = landfall.database().dsl();
        long demo = dsl.select(MERCHANTS.ID).from(MERCHANTS).where(MERCHANTS.SLUG.eq("demo")).fetchSingle(MERCHANTS.ID);
        for (int width : List.of(390, 1280)) {
            dsl.insertInto(MERCHANT_USERS).set(MERCHANT_USERS.MERCHANT_ID, demo).set(MERCHANT_USERS.EMAIL, "owner" + width + "@alder-and-ash.example")
                    .set(MERCHANT_USERS.NAME, "Robin Alder").set(MERCHANT_USERS.PASSWORD_HASH, Passwords.hash(PASSWORD))
                    .set(MERCHANT_USERS.ROLE, "owner").execute();
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

    @ParameterizedTest
    @ValueSource(ints = {390, 1280})
    void the_overview_shows_what_needs_attention_and_the_week_in_charts_with_their_data(int width) {
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            Page page = signIn(pages, width);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Needs your attention now"))).isVisible();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("The last 7 days"))).isVisible();
            assertThat(page.locator("svg[role=img]")).hasCount(4);
            assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Delivered on time:"))).isVisible();
            fits(page, width);
            assertEquals("", Browsers.accessibilityViolations(page));
            Browsers.screenshot(page, "admin-home-overview-" + width);
            page.locator("details.chart-data summary").first().click();
            assertThat(page.locator("details.chart-data table").first()).isVisible();
            fits(page, width);
            assertEquals("", Browsers.accessibilityViolations(page));
            assertEquals(List.of(), pages.consoleErrors());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {390, 1280})
    void the_owner_opens_their_account_from_the_header_and_a_wrong_password_is_explained(int width) {
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            pages.expectStatus(422);
            Page page = signIn(pages, width);
            if (width < 1024) {
                page.locator(".admin-menu > summary").click(); // on a phone the name is in the Menu
            }
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Robin Alder · Owner")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your account"))).isVisible();
            fits(page, width);
            assertEquals("", Browsers.accessibilityViolations(page));
            Browsers.screenshot(page, "admin-home-account-" + width);

            page.getByLabel("Current password").fill("not the password");
            page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("a long new password here");
            page.getByLabel("The new password again").fill("a long new password here");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change your password")).click();
            assertThat(page.locator(".error-summary")).containsText("That is not your current password");
            assertThat(page.getByLabel("Current password")).hasAttribute("aria-invalid", "true");
            fits(page, width);
            assertEquals("", Browsers.accessibilityViolations(page));
            Browsers.screenshot(page, "admin-home-account-error-" + width);

            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Robin Ash");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save your name")).click();
            assertThat(page.locator(".notice")).hasText("Your name is now Robin Ash.");
            if (width < 1024) {
                page.locator(".admin-menu > summary").click();
            }
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Robin Ash · Owner"))).isVisible();
            assertEquals(List.of(), pages.consoleErrors());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {390, 1280})
    void the_owner_sets_the_stores_time_zone_and_currency(int width) {
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            Page page = signIn(pages, width);
            page.navigate(landfall.baseUrl() + "/admin/settings/store");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Store settings").setLevel(1))).isVisible();
            fits(page, width);
            assertEquals("", Browsers.accessibilityViolations(page));
            Browsers.screenshot(page, "admin-home-store-settings-" + width);
            page.getByLabel("Store time zone").selectOption("Europe/Lisbon");
            page.getByLabel("Store currency").selectOption("EUR");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save store settings")).click();
            assertThat(page.locator(".notice")).containsText("Times in the admin are shown in Europe/Lisbon time");
            assertThat(page.getByLabel("Store time zone")).hasValue("Europe/Lisbon");
            assertThat(page.getByLabel("Store currency")).hasValue("EUR");
            fits(page, width);
            assertEquals("", Browsers.accessibilityViolations(page));
            assertEquals(List.of(), pages.consoleErrors());
        }
    }

    private static Page signIn(Browsers.Pages pages, int width) {
        Page page = pages.open(width, width == 390 ? 844 : 800, true);
        page.navigate(landfall.baseUrl() + "/admin");
        page.getByLabel("Email").fill("owner" + width + "@alder-and-ash.example");
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Overview"))).isVisible();
        return page;
    }

    private static void fits(Page page, int width) {
        assertTrue((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"),
                "no sideways scrolling at " + width + " px");
    }
}
