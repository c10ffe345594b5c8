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
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a tracking page says, word for word, in the states where pages used to contradict
 * themselves; every date is judged on the customer's calendar (Los Angeles), which at this
 * test's moment is a day behind the store's (New York).
 */
class TrackingWordsIT {
    private static Landfall landfall;
    private static Map<String, String> tokens;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_DEMO", "true")), new TestClock(TrackingScenarios.NOW));
        DSLContext dsl = landfall.database().dsl();
        long demo = dsl.select(MERCHANTS.ID).from(MERCHANTS).where(MERCHANTS.SLUG.eq(DemoData.SLUG)).fetchSingle(MERCHANTS.ID);
        tokens = new TrackingScenarios(dsl, demo).all().stream()
                .collect(Collectors.toMap(TrackingScenarios.Named::name, TrackingScenarios.Named::token));
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    static HttpResponse<String> get(String path) {
        return new PageClient(landfall.baseUrl()).get(path);
    }

    /** The page's text as a reader sees it: tags gone, entities read, spaces collapsed. */
    static String words(String html) {
        return html.replaceAll("(?s)<head>.*?</head>", " ").replaceAll("<[^>]+>", " ")
                .replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"").replaceAll("\\s+", " ");
    }

    private static String page(String scenario) {
        HttpResponse<String> response = get("/t/" + tokens.get(scenario));
        assertEquals(200, response.statusCode(), scenario);
        return response.body();
    }

    @Test
    void out_for_delivery_says_arriving_today_on_the_customers_calendar_though_the_store_is_a_day_ahead() {
        String html = page("out-for-delivery");
        String words = words(html);
        assertTrue(words.contains("Out for delivery Arriving today Monday, November 23"), words);
        assertTrue(html.contains("datetime=\"2026-11-23\""), "today is the customer's Monday 23, not the store's 24");
        assertFalse(words.contains("Estimated delivery"), words);
        assertFalse(words.contains("tomorrow"), words);
        assertFalse(words.contains("Late"), words);
    }

    @Test
    void a_parcel_due_today_in_the_customers_zone_is_not_late_though_the_stores_day_has_passed() {
        String words = words(page("due-today"));
        assertTrue(words.contains("Estimated delivery: Monday, November 23"), words);
        assertFalse(words.contains("Late"), words);
    }

    @Test
    void a_parcel_at_a_pickup_point_says_where_until_when_and_since_when() {
        String words = words(page("pickup"));
        assertTrue(words.contains("Ready for pickup since Monday, November 23"), words);
        assertTrue(words.contains("waiting for you to collect it at UPS Access Point, 350 S Grand Ave, Los Angeles, CA"), words);
        assertTrue(words.contains("Collect it by Monday, November 30."), words);
        assertFalse(words.contains("Expected by"), words);
        assertFalse(words.contains("Estimated delivery"), words);
    }

    @Test
    void late_against_the_stores_promise_says_by_how_much_and_not_that_there_is_nothing_to_do() {
        String words = words(page("late-promised"));
        assertTrue(words.contains("Estimated delivery: Wednesday, November 25 Late 5 days later than first promised"), words);
        assertTrue(words.contains("UPS is running late."), words);
        assertFalse(words.contains("nothing you need to do"), words);
    }

    @Test
    void late_against_the_carriers_estimate_never_calls_the_past_date_expected() {
        String words = words(page("late-estimate"));
        assertTrue(words.contains("New delivery date: Not known yet Late 2 days past the carrier's estimate"), words);
        assertFalse(words.contains("Estimated delivery"), words);
        assertFalse(words.contains("Saturday, November 21"), "the missed date is not offered as the expected one: " + words);
        assertFalse(words.contains("nothing you need to do"), words);
    }

    @Test
    void a_return_parcel_goes_back_to_the_store_from_return_started() {
        String words = words(page("return-parcel"));
        assertFalse(words.contains(" Late ") && words.contains("nothing you need to do"), "late never sits beside nothing to do: " + words);
        assertTrue(words.contains("Your return parcel is on its way back to Alder & Ash Outfitters."), words);
        assertTrue(words.contains("Return started (done) Handed to the carrier (done) In transit (current step)"), words);
        assertTrue(words.contains("Back at the store"), words);
        assertTrue(words.contains("Expected at the store: Thursday, November 26"), words);
        assertFalse(words.contains("Ordered"), words);
        assertFalse(words.contains("to you"), words);
        assertFalse(words.contains("Start a return"), words);
    }

    @Test
    void a_parcel_of_a_split_order_links_to_the_other_parcels() {
        String html = page("split-order");
        String words = words(html);
        assertTrue(words.contains("This order was sent in 3 parcels Parcel 1 of 3 Parcel 2 of 3 (this page) Parcel 3 of 3"), words);
        Matcher links = Pattern.compile("<a href=\"(/t/[^\"]+)\"[^>]*>Parcel").matcher(html);
        int found = 0;
        while (links.find()) {
            assertEquals(200, get(links.group(1)).statusCode());
            found++;
        }
        assertEquals(3, found);
        assertTrue(html.contains("aria-current=\"page\">Parcel 2 of 3"), "this parcel is marked as the current page");
    }

    @Test
    void the_order_page_shows_every_parcels_status_and_date() {
        String csrf = "c".repeat(43);
        HttpResponse<String> found = new PageClient(landfall.baseUrl()).post("/demo/track",
                Map.of("order_number", "SPLIT-3", "contact", "split-3@example.com", "_csrf", csrf), "lf_csrf=" + csrf);
        assertEquals(303, found.statusCode(), found.body());
        String words = words(get(found.headers().firstValue("Location").orElseThrow()).body());
        assertTrue(words.contains("Package 1 of 3 Delivered Delivered on Saturday, November 21"), words);
        assertTrue(words.contains("Package 2 of 3 In transit Estimated delivery: Thursday, November 26"), words);
        assertTrue(words.contains("Package 3 of 3 In transit Estimated delivery: Friday, November 27"), words);
    }

    @Test
    void start_a_return_is_offered_only_while_something_is_left_to_return() {
        assertTrue(words(page("returnable")).contains("Start a return Returns accepted until"));
        assertFalse(words(page("nothing-left-to-return")).contains("Start a return"), "both units are in a return already");
    }

    @Test
    void a_failed_order_lookup_speaks_of_the_form_not_of_a_link() {
        String csrf = "d".repeat(43);
        HttpResponse<String> response = new PageClient(landfall.baseUrl()).post("/demo/track",
                Map.of("order_number", "SPLIT-3", "contact", "someone.else@example.com", "_csrf", csrf), "lf_csrf=" + csrf);
        assertEquals(404, response.statusCode());
        String words = words(response.body());
        assertTrue(words.contains("We could not find that order Check the order number and email address (or postal code) and try again."), words);
        assertFalse(words.contains("link"), words);
    }

    @Test
    void every_scenario_page_names_its_state_in_the_headline_the_bar_and_the_history_alike() {
        for (String scenario : List.of("out-for-delivery", "pickup", "late-promised", "return-parcel")) {
            String html = page(scenario);
            Matcher h1 = Pattern.compile("<h1[^>]*>([^<]*)</h1>").matcher(html);
            assertTrue(h1.find(), scenario);
            String status = h1.group(1).trim();
            Matcher current = Pattern.compile("aria-current=\"step\">\\s*<span class=\"step-name\">([^<]*)</span>").matcher(html);
            assertTrue(current.find(), scenario);
            assertEquals(status, current.group(1).trim(), scenario + ": the bar's current step is the headline");
        }
    }
}
