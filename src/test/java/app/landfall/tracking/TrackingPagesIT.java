package app.landfall.tracking;

import static app.landfall.db.schema.Tables.BRANDS;
import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.demo.DemoData;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The public tracking pages over HTTP against the demo store: headers, caching, privacy, lookups. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrackingPagesIT {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static Landfall landfall;
    private static DSLContext dsl;
    private static long demoId;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_DEMO", "true")));
        dsl = landfall.database().dsl();
        demoId = dsl.select(MERCHANTS.ID).from(MERCHANTS).where(MERCHANTS.SLUG.eq(DemoData.SLUG)).fetchSingle(MERCHANTS.ID);
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    private static String token(String status) {
        return dsl.select(SHIPMENTS.PUBLIC_TOKEN).from(SHIPMENTS)
                .where(SHIPMENTS.MERCHANT_ID.eq(demoId)).and(SHIPMENTS.STATUS.eq(status)).and(SHIPMENTS.DIRECTION.eq("outbound"))
                .and(SHIPMENTS.ORDER_ID.isNotNull())
                .orderBy(SHIPMENTS.ID).limit(1).fetchSingle(SHIPMENTS.PUBLIC_TOKEN);
    }

    static HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(landfall.baseUrl() + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.GET().build());
    }

    static HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(landfall.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A lookup from its own client IP cannot be faked here, so each test uses a fresh CSRF pair. */
    private static HttpResponse<String> lookUp(Map<String, String> fields) {
        String csrf = "c".repeat(43);
        Map<String, String> form = new java.util.HashMap<>(fields);
        form.put("_csrf", csrf);
        return post("/demo/track", form, "Cookie", "lf_csrf=" + csrf);
    }

    private static String h1(String html) {
        Matcher m = Pattern.compile("<h1[^>]*>([^<]*)</h1>").matcher(html);
        return m.find() ? m.group(1).trim() : "";
    }

    @Test
    void a_tracking_link_answers_with_private_uncached_noindex_headers_and_an_etag() {
        HttpResponse<String> page = get("/t/" + token("InTransit"));
        assertEquals(200, page.statusCode());
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElseThrow());
        assertEquals("noindex", page.headers().firstValue("X-Robots-Tag").orElseThrow());
        assertTrue(page.headers().firstValue("Cache-Control").orElseThrow().startsWith("private"));
        assertTrue(page.headers().firstValue("ETag").isPresent());
        assertEquals("In transit", h1(page.body()));
        assertTrue(page.body().length() < 30_000, "a typical page is under 30 KB: " + page.body().length());
        assertEquals(1, count(page.body(), "<script"), "one script");
        assertEquals(1, count(page.body(), "rel=\"stylesheet\""), "one stylesheet");
        assertFalse(page.body().contains(" style="), "no inline style");
        assertFalse(page.body().contains("hx-on"), "no hx-on");
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void a_conditional_request_gets_304_until_the_shipment_or_the_brand_changes() {
        // in transit, not out for delivery: a parcel out for delivery arrives today whatever the estimate said
        String token = token("InTransit");
        String etag = get("/t/" + token).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = get("/t/" + token, "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals("", again.body());

        dsl.update(SHIPMENTS).set(SHIPMENTS.UPDATED_AT, OffsetDateTime.now()).set(SHIPMENTS.CARRIER_ESTIMATED_DELIVERY, java.time.LocalDate.of(2031, 1, 2))
                .where(SHIPMENTS.PUBLIC_TOKEN.eq(token)).execute();
        HttpResponse<String> changed = get("/t/" + token, "If-None-Match", etag);
        assertEquals(200, changed.statusCode());
        assertTrue(changed.body().contains("2031-01-02"), "the new estimate shows on the next request");
        String shipmentEtag = changed.headers().firstValue("ETag").orElseThrow();

        dsl.update(BRANDS).set(BRANDS.NAME, "Alder & Ash Outfitters Co.").where(BRANDS.MERCHANT_ID.eq(demoId)).execute();
        HttpResponse<String> rebranded = get("/t/" + token, "If-None-Match", shipmentEtag);
        assertEquals(200, rebranded.statusCode());
        assertTrue(rebranded.body().contains("Alder &amp; Ash Outfitters Co."));
        dsl.update(BRANDS).set(BRANDS.NAME, "Alder & Ash Outfitters").where(BRANDS.MERCHANT_ID.eq(demoId)).execute();
    }

    @Test
    void htmx_polls_get_the_status_fragment_nothing_when_unchanged_and_286_once_final() {
        String token = token("InTransit");
        HttpResponse<String> fragment = get("/t/" + token, "HX-Request", "true");
        assertEquals(200, fragment.statusCode());
        assertFalse(fragment.body().contains("<html"), "only the fragment");
        assertTrue(fragment.body().contains("id=\"history\"") && fragment.body().contains("hx-swap-oob=\"true\""));
        Matcher since = Pattern.compile("name=\"since\" value=\"([0-9a-f]+)\"").matcher(fragment.body());
        assertTrue(since.find());
        assertEquals(204, get("/t/" + token + "?since=" + since.group(1), "HX-Request", "true").statusCode());

        assertEquals(286, get("/t/" + token("Delivered"), "HX-Request", "true").statusCode());
        HttpResponse<String> boosted = get("/t/" + token, "HX-Request", "true", "HX-Boosted", "true");
        assertTrue(boosted.body().contains("<html"), "a boosted navigation wants the whole page");
    }

    @Test
    void a_wrong_token_a_guessed_order_and_another_merchants_number_get_the_same_not_found_page() {
        long other = TestMerchants.create(dsl, "other-shop");
        dsl.insertInto(SHIPMENTS).set(SHIPMENTS.MERCHANT_ID, other).set(SHIPMENTS.CARRIER, "ups")
                .set(SHIPMENTS.TRACKING_NUMBER, "1ZOTHERSHOP0001").set(SHIPMENTS.PUBLIC_TOKEN, "o".repeat(43)).execute();

        HttpResponse<String> wrongToken = get("/t/" + "x".repeat(43));
        HttpResponse<String> otherNumber = get("/demo/track/1ZOTHERSHOP0001");
        HttpResponse<String> guessedOrder = lookUp(Map.of("order_number", "AA-99999", "contact", "someone@example.com"));
        for (HttpResponse<String> r : java.util.List.of(wrongToken, otherNumber, guessedOrder)) {
            assertEquals(404, r.statusCode());
            // each in the words of what was tried (a link, a number, the order form), none telling more than "not found"
            assertEquals(r == guessedOrder ? "We could not find that order" : "We could not find that parcel", h1(r.body()));
        }
        assertEquals(200, get("/other-shop/track/1ZOTHERSHOP0001").statusCode(), "the number works at its own store");
    }

    @Test
    void unknown_order_and_wrong_details_are_answered_identically() {
        Record3<String, String, String> order = dsl.select(ORDERS.ORDER_NUMBER, ORDERS.CUSTOMER_EMAIL, ORDERS.SHIPPING_POSTAL_CODE)
                .from(ORDERS).where(ORDERS.MERCHANT_ID.eq(demoId)).orderBy(ORDERS.ID).limit(1).fetchSingle();
        HttpResponse<String> wrongEmail = lookUp(Map.of("order_number", order.value1(), "contact", "not-them@example.com"));
        HttpResponse<String> noOrder = lookUp(Map.of("order_number", "ZZ-00000", "contact", "not-them@example.com"));
        assertEquals(noOrder.statusCode(), wrongEmail.statusCode());
        assertEquals(noOrder.body().replace("ZZ-00000", "#"), wrongEmail.body().replace(order.value1(), "#"));

        HttpResponse<String> byPostalCode = lookUp(Map.of("order_number", order.value1().toLowerCase(),
                "contact", order.value3().toLowerCase().replace(" ", "")));
        assertEquals(303, byPostalCode.statusCode());
    }

    @Test
    void a_lookup_by_tracking_number_shows_status_and_history_but_not_the_order() {
        var row = dsl.select(SHIPMENTS.TRACKING_NUMBER, ORDERS.ORDER_NUMBER, ORDERS.SHIPPING_ADDRESS_LINE1, ORDERS.CUSTOMER_NAME).from(SHIPMENTS)
                .join(ORDERS).on(ORDERS.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID)).and(ORDERS.ID.eq(SHIPMENTS.ORDER_ID))
                .where(SHIPMENTS.MERCHANT_ID.eq(demoId)).and(SHIPMENTS.STATUS.eq("InTransit")).limit(1).fetchSingle();
        HttpResponse<String> found = lookUp(Map.of("tracking_number", row.value1().toLowerCase()));
        assertEquals(303, found.statusCode());
        String location = found.headers().firstValue("Location").orElseThrow();
        assertEquals("/demo/track/" + row.value1(), location);
        HttpResponse<String> page = get(location);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Tracking history"));
        assertFalse(page.body().contains(row.value2()), "no order number");
        assertFalse(page.body().contains(row.value3()), "no street address");
        assertFalse(page.body().contains(row.value4()), "no customer name");
        assertFalse(page.body().contains("Shipping to"), "no destination");
        assertFalse(page.body().contains("In this package"), "no items");
    }

    @Test
    void a_split_order_found_by_number_and_email_lists_each_package() {
        var order = dsl.select(ORDERS.ORDER_NUMBER, ORDERS.CUSTOMER_EMAIL).from(ORDERS)
                .where(ORDERS.MERCHANT_ID.eq(demoId))
                .and(org.jooq.impl.DSL.selectCount().from(SHIPMENTS).where(SHIPMENTS.MERCHANT_ID.eq(ORDERS.MERCHANT_ID))
                        .and(SHIPMENTS.ORDER_ID.eq(ORDERS.ID)).and(SHIPMENTS.DIRECTION.eq("outbound")).asField().ge(2))
                .limit(1).fetchSingle();
        HttpResponse<String> found = lookUp(Map.of("order_number", "#" + order.value1(), "contact", order.value2().toUpperCase()));
        assertEquals(303, found.statusCode());
        String location = found.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("/demo/track/order/"), location);
        HttpResponse<String> page = get(location);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Package 1 of 2") || page.body().contains("Package 1 of 3"), page.body());
        // change one character well inside the signature (the last one of base64 carries padding bits a decoder may ignore)
        int at = location.length() - 10;
        String tampered = location.substring(0, at) + (location.charAt(at) == 'A' ? 'B' : 'A') + location.substring(at + 1);
        assertEquals(404, get(tampered).statusCode(), "a tampered link opens nothing");
    }

    @Test
    void a_form_post_without_its_csrf_cookie_is_refused() {
        HttpResponse<String> forged = post("/demo/track", Map.of("tracking_number", "1Z999", "_csrf", "a".repeat(43)));
        assertEquals(403, forged.statusCode());
    }

    @Test
    @Order(Integer.MAX_VALUE) // last: it empties this client's lookup allowance
    void a_hundred_rapid_lookups_from_one_client_are_throttled_with_retry_after() {
        int throttled = 0;
        String retryAfter = null;
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> r = get("/demo/track/1ZNOSUCHNUMBER" + i);
            if (r.statusCode() == 429) {
                throttled++;
                retryAfter = r.headers().firstValue("Retry-After").orElse(null);
            }
        }
        assertTrue(throttled >= 70, "most of 100 lookups are refused: " + throttled);
        assertTrue(retryAfter != null && Integer.parseInt(retryAfter) >= 1);
    }

    @Test
    void the_language_comes_from_the_query_then_the_cookie_then_accept_language() {
        String token = token("Delivered");
        HttpResponse<String> german = get("/t/" + token + "?lang=de");
        assertTrue(german.body().contains("<html lang=\"de\""));
        assertTrue(german.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("lang=de")));
        assertTrue(get("/t/" + token, "Cookie", "lang=es").body().contains("<html lang=\"es\""));
        assertTrue(get("/t/" + token, "Accept-Language", "fr-CH, fr;q=0.9, en;q=0.8").body().contains("<html lang=\"fr\""));
        assertTrue(get("/t/" + token, "Accept-Language", "ja").body().contains("<html lang=\"en\""), "the store's default");
        assertNotEquals(german.headers().firstValue("ETag"), get("/t/" + token).headers().firstValue("ETag"));
    }

    @Test
    void a_custom_domain_serves_its_merchants_pages_without_the_prefix_and_nobody_elses() {
        dsl.update(MERCHANTS).set(MERCHANTS.CUSTOM_DOMAIN, "track.alder-and-ash.example").where(MERCHANTS.ID.eq(demoId)).execute();
        long other = TestMerchants.create(dsl, "domain-shop");
        dsl.update(MERCHANTS).set(MERCHANTS.CUSTOM_DOMAIN, "parcels.domain-shop.example").where(MERCHANTS.ID.eq(other)).execute();
        String token = token("InTransit");
        assertEquals(200, status(rawGet("/track", "track.alder-and-ash.example:443")));
        assertEquals(200, status(rawGet("/t/" + token, "track.alder-and-ash.example")));
        assertEquals(404, status(rawGet("/t/" + token, "parcels.domain-shop.example")), "another merchant's domain");
        assertEquals(404, status(rawGet("/demo/track", "parcels.domain-shop.example")), "another merchant's slug");
        assertEquals(404, status(rawGet("/track", "localhost")), "the portal itself has no bare /track");
        assertTrue(rawGet("/track", "track.alder-and-ash.example").contains("action=\"/track\""), "links stay on the domain");
        dsl.update(MERCHANTS).setNull(MERCHANTS.CUSTOM_DOMAIN).where(MERCHANTS.ID.eq(demoId)).execute();
    }

    /** Java's HttpClient will not send a chosen Host header, so this speaks HTTP/1.1 itself. */
    private static String rawGet(String path, String host) {
        try (java.net.Socket socket = new java.net.Socket("localhost", landfall.port())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }
}
