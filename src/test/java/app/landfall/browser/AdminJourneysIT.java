package app.landfall.browser;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.RETURNS;
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
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo owner signs in and works the admin in Chromium, on a laptop and a tablet, with and without JavaScript. */
class AdminJourneysIT {
    private static Landfall landfall;
    private static DSLContext dsl;
    private static long demo;
    private static Playwright playwright;
    private static Browser browser;

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

    private static void signIn(Page page) {
        page.navigate(landfall.baseUrl() + "/admin");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        page.getByLabel("Email").fill("owner@alder-and-ash.example");
        page.getByLabel("Password").fill("landfall-demo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Overview"))).isVisible();
    }

    /** Opens the Settings menu of the navigation and follows one of its links. */
    private static void settings(Page page, String link) {
        page.locator(".admin-nav .nav-group > summary").click();
        page.locator(".admin-nav").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName(link)).click();
    }

    @Test
    void the_overview_shows_what_each_feature_counts_on_a_phone() {
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            Page page = pages.open(390, 844, true);
            signIn(page);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Needs your attention now"))).isVisible();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Shipments").setExact(true))).isVisible();
            long toReview = dsl.fetchCount(RETURNS, RETURNS.MERCHANT_ID.eq(demo).and(RETURNS.STATUS.eq("requested")));
            assertThat(page.locator("a[href='/admin/returns?status=requested'] .attention-count")).hasText(String.valueOf(toReview));
            assertEquals("", Browsers.accessibilityViolations(page));
            Browsers.screenshot(page, "admin-overview-390x844");
        }
    }

    @Test
    void the_queue_and_a_return_pass_axe_on_a_tablet() {
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            Page page = pages.open(820, 1180, true);
            signIn(page);
            page.navigate(landfall.baseUrl() + "/admin/returns");
            assertEquals("", Browsers.accessibilityViolations(page));
            page.locator("table.list tbody tr a").first().click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Summary"))).isVisible();
            assertEquals("", Browsers.accessibilityViolations(page));
            Browsers.screenshot(page, "admin-return-detail-820x1180");
        }
    }

    @Test
    void the_owner_signs_in_and_approves_the_return_waiting_for_review() {
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            Page page = pages.open(1280, 800, true);
            page.navigate(landfall.baseUrl() + "/admin");
            assertEquals("", Browsers.accessibilityViolations(page));
            Browsers.screenshot(page, "admin-sign-in-1280x800");
            signIn(page);
            assertEquals("", Browsers.accessibilityViolations(page));
            Browsers.screenshot(page, "admin-overview-1280x800");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("to review")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Returns").setExact(true))).isVisible();
            assertThat(page.locator("#status")).hasValue("requested");
            assertEquals("", Browsers.accessibilityViolations(page));
            Browsers.screenshot(page, "admin-returns-queue-1280x800");

            String rma = page.locator("table.list tbody tr").first().locator("a").textContent();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(rma)).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(rma);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("How the policy decided"))).isVisible();
            assertEquals("", Browsers.accessibilityViolations(page));
            Browsers.screenshot(page, "admin-return-detail-1280x800");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).click();
            assertThat(page.locator(".notice").first()).containsText("is approved");
            assertThat(page.locator("h1 .status-chip")).hasText("Approved");
            assertEquals("approved", dsl.select(RETURNS.STATUS).from(RETURNS).where(RETURNS.MERCHANT_ID.eq(demo))
                    .and(RETURNS.RMA_NUMBER.eq(rma)).fetchSingle(RETURNS.STATUS));
            assertEquals("", Browsers.accessibilityViolations(page));
            Browsers.screenshot(page, "admin-return-approved-1280x800");
            assertEquals(java.util.List.of(), pages.consoleErrors());
        }
    }

    @Test
    void the_owner_finds_a_shipment_with_an_exception_and_reads_its_events() {
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            Page page = pages.open(1280, 800, true);
            signIn(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("with a problem")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Shipments").setExact(true))).isVisible();
            assertThat(page.locator("#status")).hasValue("problems");
            assertEquals("", Browsers.accessibilityViolations(page));
            Browsers.screenshot(page, "admin-shipments-1280x800");
            page.locator("table.list tbody tr a").first().click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Tracking events"))).isVisible();
            assertThat(page.locator("table.list tbody tr").first()).isVisible();
            assertEquals("", Browsers.accessibilityViolations(page));
            Browsers.screenshot(page, "admin-shipment-1280x800");
        }
    }

    @Test
    void the_owner_creates_an_api_key_and_curl_uses_it() throws Exception {
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            Page page = pages.open(1280, 800, true);
            signIn(page);
            settings(page, "Integrations");
            page.getByLabel("Name of a new key").fill("Warehouse system");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create key")).click();
            String key = page.getByLabel("API key", new Page.GetByLabelOptions().setExact(true)).inputValue();
            assertEquals("", Browsers.accessibilityViolations(page));
            Browsers.screenshot(page, "admin-integrations-new-key-1280x800");
            Process curl = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                    "-H", "Authorization: Bearer " + key, landfall.baseUrl() + "/api/v1/shipments").start();
            assertEquals("200", new String(curl.getInputStream().readAllBytes()).strip());
            assertEquals(0, curl.waitFor());
            page.navigate(landfall.baseUrl() + "/admin/integrations");
            assertThat(page.locator("table.list tbody tr", new Page.LocatorOptions().setHasText("Warehouse system"))).not().containsText("Never");
        }
    }

    @Test
    void the_team_audit_log_and_returns_settings_pages_pass_axe() {
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            Page page = pages.open(1280, 800, true);
            signIn(page);
            settings(page, "Team");
            // the overview has tables of its own (its charts' data): wait for the Team page
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Team").setExact(true))).isVisible();
            assertThat(page.locator("table.list")).containsText("Rowan Ashby (you)");
            assertEquals("", Browsers.accessibilityViolations(page));
            Browsers.screenshot(page, "admin-team-1280x800");
            settings(page, "Audit log");
            assertThat(page.locator("table.list")).containsText("Rowan Ashby signed in");
            assertEquals("", Browsers.accessibilityViolations(page));
            Browsers.screenshot(page, "admin-audit-1280x800");
            settings(page, "Return policy");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Reasons"))).isVisible();
            assertEquals("", Browsers.accessibilityViolations(page));
            Browsers.screenshot(page, "admin-return-settings-1280x800");
        }
    }

    @Test
    void the_owner_changes_the_brand_colour_sees_the_preview_change_saves_and_the_tracking_page_follows_then_undoes() {
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            Page page = pages.open(1280, 800, true);
            signIn(page);
            settings(page, "Branding");
            assertEquals("", Browsers.accessibilityViolations(page));
            String before = page.locator(".brand-preview .button").first().evaluate("e => getComputedStyle(e).backgroundColor").toString();
            page.locator("#primary").fill("#7a1f5c");
            // htmx swaps the preview in as the field changes; the button takes the new colour
            page.waitForCondition(() -> page.locator(".brand-preview .button").first()
                    .evaluate("e => getComputedStyle(e).backgroundColor").toString().equals("rgb(122, 31, 92)"));
            assertThat(page.locator(".checks")).containsText("Primary colour");
            assertEquals("", Browsers.accessibilityViolations(page));
            Browsers.screenshot(page, "admin-branding-preview-1280x800");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
            assertThat(page.locator(".notice").first()).containsText("Saved");

            String token = dsl.select(app.landfall.db.schema.Tables.SHIPMENTS.PUBLIC_TOKEN).from(app.landfall.db.schema.Tables.SHIPMENTS)
                    .where(app.landfall.db.schema.Tables.SHIPMENTS.MERCHANT_ID.eq(demo)).limit(1)
                    .fetchSingle(app.landfall.db.schema.Tables.SHIPMENTS.PUBLIC_TOKEN);
            Page shopper = pages.open(390, 844, true);
            shopper.navigate(landfall.baseUrl() + "/t/" + token);
            assertEquals("#7a1f5c", shopper.evaluate("() => getComputedStyle(document.documentElement).getPropertyValue('--brand').trim()"));

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Undo the last save")).click();
            assertThat(page.locator(".notice").first()).containsText("Back to the version before");
            // the page after the undo loads the brand's stylesheet like any other: wait for it, not for the default colour before it
            page.waitForCondition(() -> page.locator(".brand-preview .button").first()
                    .evaluate("e => getComputedStyle(e).backgroundColor").toString().equals(before));
            shopper.reload();
            assertEquals("#2f5d50", shopper.evaluate("() => getComputedStyle(document.documentElement).getPropertyValue('--brand').trim()"));
        }
    }

    @Test
    void a_logo_must_be_a_real_image_and_the_new_one_shows_on_the_tracking_page() throws Exception {
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            Page page = pages.open(1280, 800, true);
            signIn(page);
            page.navigate(landfall.baseUrl() + "/admin/branding");
            page.getByLabel("A new logo").setInputFiles(new com.microsoft.playwright.options.FilePayload("logo.svg", "image/svg+xml",
                    "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes()));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload the logo")).click();
            assertThat(page.locator("#logo-error")).containsText("not a PNG, JPEG or WebP");
            page.getByLabel("A new logo").setInputFiles(new com.microsoft.playwright.options.FilePayload("logo.png", "image/png",
                    "<html><body>not an image</body></html>".getBytes()));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload the logo")).click();
            assertThat(page.locator("#logo-error")).containsText("not a PNG, JPEG or WebP");
            assertEquals("", Browsers.accessibilityViolations(page));

            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(900, 300, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = image.createGraphics();
            g.setColor(new java.awt.Color(0x7a1f5c));
            g.fillRect(0, 0, 900, 300);
            g.dispose();
            java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", png);
            page.getByLabel("A new logo").setInputFiles(new com.microsoft.playwright.options.FilePayload("logo.png", "image/png",
                    png.toByteArray()));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload the logo")).click();
            assertThat(page.locator(".notice").first()).containsText("new logo is saved");
            String logo = page.locator(".logo-now").getAttribute("src");
            assertTrue(logo.matches("/brand/logo/\\d+-\\d+\\.png"), logo);
            var served = page.request().get(landfall.baseUrl() + logo);
            assertEquals(200, served.status());
            java.awt.image.BufferedImage stored = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(served.body()));
            assertEquals(512, stored.getWidth(), "scaled to 512 pixels across");
            Browsers.screenshot(page, "admin-branding-logo-1280x800");

            String token = dsl.select(app.landfall.db.schema.Tables.SHIPMENTS.PUBLIC_TOKEN).from(app.landfall.db.schema.Tables.SHIPMENTS)
                    .where(app.landfall.db.schema.Tables.SHIPMENTS.MERCHANT_ID.eq(demo)).limit(1)
                    .fetchSingle(app.landfall.db.schema.Tables.SHIPMENTS.PUBLIC_TOKEN);
            Page shopper = pages.open(390, 844, true);
            shopper.navigate(landfall.baseUrl() + "/t/" + token);
            assertEquals(logo, shopper.locator(".store-logo").getAttribute("src"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Undo the last save")).click();
            assertThat(page.locator(".logo-now")).hasAttribute("src", "/static/img/demo/logo.svg");
        }
    }

    @Test
    void the_pages_before_sign_in_pass_axe() {
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            Page page = pages.open(820, 1180, true);
            page.navigate(landfall.baseUrl() + "/admin/password/forgot");
            page.getByLabel("Email").fill("owner@alder-and-ash.example");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the link")).click();
            assertThat(page.locator(".notice")).containsText("a link to choose a new password is on its way");
            assertEquals("", Browsers.accessibilityViolations(page));
            for (String path : java.util.List.of("/admin/password/reset/", "/admin/invitation/")) {
                page.navigate(landfall.baseUrl() + path + app.landfall.auth.Tokens.newToken());
                assertThat(page.getByText("expired")).isVisible();
                assertEquals("", Browsers.accessibilityViolations(page), path);
            }
            page.navigate(landfall.baseUrl() + "/admin/login");
            page.getByLabel("Email").fill("owner@alder-and-ash.example");
            page.getByLabel("Password").fill("not the password");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("do not match");
            assertEquals("", Browsers.accessibilityViolations(page));
            Browsers.screenshot(page, "admin-sign-in-wrong-820x1180");
        }
    }

    /** axe needs JavaScript, so it checks these pages in the test above and in the tablet test below. */
    @Test
    void on_a_tablet_without_javascript_a_received_return_is_resolved_and_the_owner_signs_out() {
        try (Browsers.Pages pages = new Browsers.Pages(browser)) {
            Page page = pages.open(820, 1180, false);
            signIn(page);
            page.navigate(landfall.baseUrl() + "/admin/returns?status=received");
            Browsers.screenshot(page, "admin-returns-queue-820x1180");
            String rma = page.locator("table.list tbody tr").first().locator("a").textContent();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(rma)).click();
            page.getByLabel("Resolve with").selectOption("store_credit");
            page.getByLabel("Amount").fill("12.50");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resolve")).click();
            assertThat(page.locator(".notice").first()).containsText("is credited");
            assertThat(page.locator(".facts")).containsText("$12.50");
            Browsers.screenshot(page, "admin-return-credited-820x1180");

            page.getByText("Menu", new Page.GetByTextOptions().setExact(true)).click(); // a tablet keeps it behind the Menu
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
            assertThat(page.getByText("You are signed out.")).isVisible();
            page.navigate(landfall.baseUrl() + "/admin/returns");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        }
    }
}
