package app.landfall.tracking;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.demo.DemoData;
import app.landfall.testing.TestClock;
import app.landfall.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a shopper's page looks like when it is shared or when it fails: link previews with the
 * store's name and logo and nothing personal, and error pages in the store's (or Landfall's)
 * brand with a title and a language on every public route; the API keeps problem+json.
 */
class SharedPagesIT {
    private static final String STORE = "Alder &amp; Ash Outfitters";
    private static Landfall landfall;
    private static PageClient client;
    private static String token;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_DEMO", "true", "LANDFALL_BASE_URL", "http://track.example.com")),
                new TestClock(TrackingScenarios.NOW));
        DSLContext dsl = landfall.database().dsl();
        long demo = dsl.select(MERCHANTS.ID).from(MERCHANTS).where(MERCHANTS.SLUG.eq(DemoData.SLUG)).fetchSingle(MERCHANTS.ID);
        token = new TrackingScenarios(dsl, demo).all().stream().filter(n -> n.name().equals("late-promised")).findFirst().orElseThrow().token();
        client = new PageClient("http://localhost:" + landfall.port());
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    private static String meta(String html, String attribute, String name) {
        Matcher m = Pattern.compile("<meta " + attribute + "=\"" + Pattern.quote(name) + "\" content=\"([^\"]*)\"").matcher(html);
        return m.find() ? m.group(1) : null;
    }

    @Test
    void shared_pages_preview_as_the_store_with_a_neutral_title_and_nothing_personal() {
        for (String path : List.of("/t/" + token, "/demo/track", "/demo/returns")) {
            HttpResponse<String> response = client.get(path);
            assertEquals(200, response.statusCode(), path);
            String html = response.body();
            assertEquals(STORE, meta(html, "property", "og:site_name"), path);
            String title = meta(html, "property", "og:title");
            assertEquals(path.endsWith("returns") ? "Start a return – " + STORE : "Track your order – " + STORE, title, path);
            assertEquals("summary", meta(html, "name", "twitter:card"), path);
            assertTrue(meta(html, "property", "og:image").startsWith("http://track.example.com/"), "absolute, on the public address");
            String previews = String.join(" ", Pattern.compile("<meta (?:property|name)=\"(?:og|twitter):[^>]*>").matcher(html)
                    .results().map(r -> r.group()).toList());
            for (String personal : List.of("LATE-P", "In transit", "Late", "Zoë", "Los Angeles", "late-p@example.com", "1Z")) {
                assertFalse(previews.contains(personal), path + " preview shows " + personal + ": " + previews);
            }
            assertFalse(html.contains("facebook") || html.contains("twitter.com") || html.contains("<img src=\"http"), "no pixels");
        }
    }

    /** A route, the status it answers, and the brand its page must wear. */
    private record Case(String path, int status, String brand) {
    }

    @Test
    void every_public_error_page_wears_a_brand_and_has_a_title_and_a_language() {
        List<Case> cases = List.of(
                new Case("/t/this-link-was-cut-off-somewhere", 404, "Landfall"),
                new Case("/t/" + token + "/go/99", 404, "Landfall"),
                new Case("/r/this-return-does-not-exist-at-all", 404, "Landfall"),
                new Case("/r/this-return-does-not-exist-at-all/qr.svg", 404, "Landfall"),
                new Case("/u/this-token-is-unknown-to-everyone", 404, "Landfall"),
                new Case("/s/this-token-is-unknown-to-everyone", 404, "Landfall"),
                new Case("/m/unknown", 404, "Landfall"),
                new Case("/demo/track/ZZZZ9999", 404, STORE),
                new Case("/demo/track/order/not-a-signed-link", 404, STORE),
                new Case("/demo/no-such-page", 404, STORE),
                new Case("/no-such-store/track", 404, "Landfall"),
                new Case("/no-such-store/returns", 404, "Landfall"),
                new Case("/t/%zz", 400, "Landfall"));
        for (Case c : cases) {
            PageClient.Raw response = client.raw(c.path(), "Accept-Language: de");
            assertEquals(c.status(), response.status(), c.path());
            String html = response.body();
            assertTrue(Pattern.compile("<html lang=\"[a-z]{2}\"").matcher(html).find(), c.path() + " has a language: " + html);
            Matcher title = Pattern.compile("<title>([^<]+)</title>").matcher(html);
            assertTrue(title.find(), c.path() + " has a title");
            assertTrue(title.group(1).contains(c.brand()), c.path() + " wears " + c.brand() + ": " + title.group(1));
            assertTrue(html.contains("<h1"), c.path() + " says what happened in a heading");
        }
    }

    @Test
    void a_store_error_page_speaks_the_readers_language() {
        HttpResponse<String> response = client.get("/demo/no-such-page", "Accept-Language", "de");
        assertTrue(response.body().contains("<html lang=\"de\""), response.body());
        assertTrue(response.body().contains("<h1>Seite nicht gefunden</h1>"), response.body());
    }

    @Test
    void too_many_wrong_lookups_for_an_order_get_the_stores_page_with_a_title() {
        String csrf = "e".repeat(43);
        HttpResponse<String> response = null;
        for (int i = 0; i < 7; i++) {
            response = client.post("/demo/track", Map.of("order_number", "LATE-P", "contact", "wrong" + i + "@example.com", "_csrf", csrf),
                    "lf_csrf=" + csrf);
        }
        assertEquals(429, response.statusCode());
        assertTrue(response.body().contains("<html lang=\"en\""));
        assertTrue(response.body().contains(" · " + STORE + "</title>"), response.body());
    }

    @Test
    void the_api_keeps_answering_problem_json() {
        for (String path : List.of("/api/v1/no-such-thing", "/api/v1/shipments/999999")) {
            HttpResponse<String> response = client.get(path);
            assertTrue(response.statusCode() == 404 || response.statusCode() == 401, path + " " + response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"), path);
        }
    }
}
