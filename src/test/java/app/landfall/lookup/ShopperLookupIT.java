package app.landfall.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.testing.TestClock;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import app.landfall.testing.TestOrders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lookup limits over HTTP, with the clock standing still until a test moves it. Behind a trusted
 * proxy (as in production), so each request can come from the address the test names. Each test has
 * its own store, so the store-wide budget of one does not touch another.
 */
class ShopperLookupIT {
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String CSRF = "c".repeat(43);
    private static final TestClock CLOCK = new TestClock("2026-05-04T10:00:00Z");
    private static Landfall landfall;
    private static DSLContext dsl;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_TRUSTED_PROXIES", "127.0.0.1, ::1")), CLOCK);
        dsl = landfall.database().dsl();
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    /** A store with one delivered order, shipped to postal code 97477. */
    private static String store(String slug, String orderNumber) {
        long merchant = TestMerchants.create(dsl, slug);
        TestOrders.delivered(dsl, merchant, orderNumber, OffsetDateTime.ofInstant(CLOCK.instant(), ZoneOffset.UTC));
        return slug;
    }

    private static HttpResponse<String> lookUp(String path, String address, String orderNumber, String contact) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", CSRF);
        form.put("order_number", orderNumber);
        form.put("contact", contact);
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(landfall.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "lf_csrf=" + CSRF)
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> track(String slug, String address, String orderNumber, String contact) {
        return lookUp("/" + slug + "/track", address, orderNumber, contact);
    }

    @Test
    void a_flood_of_wrong_lookups_from_many_addresses_does_not_stop_a_customer_whose_details_are_right() {
        String store = store("flooded", "F-1001");
        int checked = 0;
        for (int address = 1; address <= 70; address++) {
            for (int i = 0; i < 10; i++) {
                int status = track(store, "198.51.100." + address, "NOPE-" + address + "-" + i, "00000").statusCode();
                assertTrue(status == 404 || status == 429, "status " + status);
                checked += status == 404 ? 1 : 0;
            }
        }

        HttpResponse<String> customer = track(store, "192.0.2.10", "F-1001", "97477");
        assertEquals(303, customer.statusCode(), "the genuine customer is let through");
        assertEquals(303, lookUp("/" + store + "/returns", "192.0.2.11", "F-1001", "f-1001@example.com").statusCode(),
                "and so is one starting a return");
        assertTrue(checked < 500, "once the store is being guessed at, each address gets only a few more: " + checked + " of 700 checked");
    }

    @Test
    void wrong_postal_codes_for_one_order_from_several_addresses_are_refused_after_five_and_then_the_right_one_too_until_the_window_passes() {
        String store = store("guessed", "G-2001");
        String[] addresses = {"203.0.113.1", "203.0.113.2", "203.0.113.3"};
        for (int i = 0; i < 5; i++) {
            assertEquals(404, track(store, addresses[i % 3], "G-2001", "1000" + i).statusCode(), "wrong postal code " + (i + 1));
        }
        HttpResponse<String> sixth = track(store, addresses[2], "#g-2001", "10009");
        assertEquals(429, sixth.statusCode(), "the order's limit holds across addresses and spellings of its number");

        HttpResponse<String> right = track(store, "203.0.113.4", "G-2001", "97477");
        assertEquals(429, right.statusCode(), "the right code is refused too while the order is locked");
        long retryAfter = Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 60 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
        assertTrue(right.body().contains("Please wait 15 minutes and try again."), right.body());
        assertTrue(right.body().contains("Too many wrong details were entered for this order"), right.body());
        assertEquals(429, lookUp("/" + store + "/returns", "203.0.113.5", "G-2001", "97477").statusCode(),
                "the return form shares the order's limit");

        CLOCK.advance(Duration.ofMinutes(15));
        assertEquals(303, track(store, "203.0.113.4", "G-2001", "97477").statusCode(), "after the window, the right code works");
    }

    @Test
    void a_customer_who_gets_it_right_does_not_use_up_the_orders_tries() {
        String store = store("regular", "R-3001");
        for (int i = 0; i < 8; i++) {
            assertEquals(303, track(store, "192.0.2." + (20 + i % 2), "R-3001", "97477").statusCode(), "lookup " + (i + 1));
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(404, track(store, "192.0.2.30", "R-3001", "9999" + i).statusCode(), "wrong " + (i + 1));
        }
        assertEquals(429, track(store, "192.0.2.31", "R-3001", "97477").statusCode());
    }

    @Test
    void one_address_guessing_across_many_orders_is_refused_after_ten_wrong_details() {
        String store = store("walked", "W-4001");
        for (int i = 0; i < 10; i++) {
            assertEquals(404, track(store, "198.51.100.200", "W-" + (5000 + i), "97477").statusCode(), "wrong " + (i + 1));
        }
        HttpResponse<String> eleventh = track(store, "198.51.100.200", "W-4001", "97477");
        assertEquals(429, eleventh.statusCode(), "even with the right details, this address waits");
        assertTrue(eleventh.headers().firstValue("Retry-After").isPresent());
        assertEquals(303, track(store, "198.51.100.201", "W-4001", "97477").statusCode(), "another address is not held up");
    }
}
