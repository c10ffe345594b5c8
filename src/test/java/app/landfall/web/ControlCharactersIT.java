package app.landfall.web;

import static app.landfall.db.schema.Tables.MERCHANT_USERS;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_REASONS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.TRACKING_EVENTS;
import static app.landfall.db.schema.Tables.WEBHOOK_INBOX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.api.ApiKeys;
import app.landfall.auth.Passwords;
import app.landfall.hooks.Provider;
import app.landfall.hooks.WebhookSecrets;
import app.landfall.testing.AdminClient;
import app.landfall.testing.Http;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import app.landfall.testing.TestOrders;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A NUL byte (or another control character PostgreSQL or a page has no use for) in any way text enters
 * Landfall: a clear 4xx, never a 500, and nothing written.
 */
class ControlCharactersIT {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String NUL = "\u0000";
    private static final List<Table<?>> WRITTEN = List.of(ORDERS, SHIPMENTS, TRACKING_EVENTS, MERCHANT_USERS, RETURNS, RETURN_REASONS,
            WEBHOOK_INBOX);
    private static Landfall landfall;
    private static DSLContext dsl;
    private static Http http;
    private static String key;
    private static long shipment;
    private static AdminClient owner;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config());
        dsl = landfall.database().dsl();
        http = new Http(landfall.baseUrl());
        long merchant = TestMerchants.create(dsl, "shop");
        key = new ApiKeys(dsl).create(merchant, "test");
        WebhookSecrets secrets = new WebhookSecrets(dsl);
        for (Provider provider : Provider.values()) {
            secrets.set(merchant, provider, "secret-" + provider.code());
        }
        dsl.insertInto(MERCHANT_USERS).set(MERCHANT_USERS.MERCHANT_ID, merchant).set(MERCHANT_USERS.EMAIL, "owner@shop.example")
                .set(MERCHANT_USERS.NAME, "Owner").set(MERCHANT_USERS.PASSWORD_HASH, Passwords.hash(PASSWORD))
                .set(MERCHANT_USERS.ROLE, "owner").execute();
        TestOrders.delivered(dsl, merchant, "A-1001", OffsetDateTime.now());
        shipment = dsl.select(SHIPMENTS.ID).from(SHIPMENTS).where(SHIPMENTS.MERCHANT_ID.eq(merchant)).fetchSingle(SHIPMENTS.ID);
        owner = new AdminClient(landfall.baseUrl());
        assertEquals(303, owner.signIn("owner@shop.example", PASSWORD).statusCode());
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    static Stream<Named<Supplier<HttpResponse<String>>>> entries() {
        return Stream.of(
                entry("public tracking lookup (form field)", () -> new AdminClient(landfall.baseUrl())
                        .submit("/shop/track", "/shop/track", Map.of("tracking_number", "1ZA" + NUL + "1001"))),
                entry("public tracking page (query parameter)", () -> new AdminClient(landfall.baseUrl()).get("/shop/track?lang=en%00")),
                entry("returns start (form field)", () -> new AdminClient(landfall.baseUrl())
                        .submit("/shop/returns", "/shop/returns", Map.of("order_number", "A-1001" + NUL, "contact", "a-1001@example.com"))),
                entry("admin form (team invitation)", () -> owner.submit("/admin/team", "/admin/team/invitations",
                        Map.of("email", "new@shop.example", "name", "New" + NUL + "Person", "role", "support"))),
                entry("admin form (return reason, with a unit separator)", () -> owner.submit("/admin/settings/returns",
                        "/admin/settings/returns/reasons", Map.of("label", "Too\u001Fsmall"))),
                entry("admin upload (file name)", () -> owner.upload("/admin/integrations", "/admin/integrations/import", "csv",
                        "orders" + NUL + ".csv", csv("B-1"))),
                entry("CSV import (cell)", () -> owner.upload("/admin/integrations", "/admin/integrations/import", "csv", "orders.csv",
                        csv("B-1" + NUL))),
                entry("API JSON (order number)", () -> http.post("/api/v1/orders", key, """
                        {"order_number": "C-1\\u0000", "items": [{"sku": "HAT", "title": "Hat", "quantity": 1, "unit_price": "10.00"}]}""")),
                entry("API JSON (event message)", () -> http.post("/api/v1/shipments/" + shipment + "/events", key, """
                        {"events": [{"event_id": "e1", "occurred_at": "2026-11-20T09:00:00Z", "status": "InTransit",
                          "message": "Arrived\\u0000"}]}""")),
                entry("API JSON (lone surrogate)", () -> http.post("/api/v1/shipments/" + shipment + "/events", key, """
                        {"events": [{"event_id": "e2", "occurred_at": "2026-11-20T09:00:00Z", "status": "InTransit",
                          "message": "Arrived \\ud83d"}]}""")),
                entry("AfterShip webhook (checkpoint message)", () -> deliver(Provider.AFTERSHIP,
                        fixture("aftership-tracking-update").replace("Shipping Label Created, USPS Awaiting Item", "Label" + "\\u0000"))),
                entry("EasyPost webhook (tracking detail message)", () -> deliver(Provider.EASYPOST,
                        fixture("easypost-tracker-updated").replace("Arrived at USPS Facility", "Arrived\\u0000"))),
                entry("Shopify webhook (line item title)", () -> deliver(Provider.SHOPIFY,
                        fixture("shopify-orders-create").replace("IPod Nano - 8gb", "IPod\\u0000Nano"),
                        "X-Shopify-Topic", "orders/create", "X-Shopify-Webhook-Id", "nul-1")));
    }

    private static Named<Supplier<HttpResponse<String>>> entry(String name, Supplier<HttpResponse<String>> request) {
        return Named.of(name, request);
    }

    @ParameterizedTest
    @MethodSource("entries")
    void a_control_character_gets_a_clear_4xx_and_writes_nothing(Supplier<HttpResponse<String>> request) {
        Map<String, Integer> before = counts();
        HttpResponse<String> response = request.get();
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, response.statusCode() + ": " + response.body());
        assertTrue(response.statusCode() != 404 && response.statusCode() != 403, "refused for its text, not found: " + response.body());
        String body = response.body().toLowerCase(java.util.Locale.ROOT);
        assertTrue(body.contains("control character"), "says what is wrong: " + response.body());
        assertEquals(before, counts());
    }

    @Test
    void a_nul_in_the_path_is_refused_before_any_route() {
        Map<String, Integer> before = counts();
        // Jetty refuses it (400) before Landfall sees it; RequestText would otherwise
        assertEquals(400, new AdminClient(landfall.baseUrl()).get("/shop/track/1ZA%001001").statusCode());
        assertEquals(400, new AdminClient(landfall.baseUrl()).get("/t/abc%01").statusCode());
        assertEquals(before, counts());
    }

    @Test
    void an_aftership_event_landfall_has_no_use_for_is_acknowledged_even_with_a_nul_in_its_id() {
        HttpResponse<String> response = deliver(Provider.AFTERSHIP, "{\"event\": \"tracking_ping\", \"event_id\": \"ping\\u0000\"}");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(0, dsl.fetchCount(WEBHOOK_INBOX, WEBHOOK_INBOX.DELIVERY_ID.like("ping%")), "kept under the body's digest");
    }

    @Test
    void a_webhook_the_database_refuses_for_good_is_answered_422_and_not_kept_for_retries() {
        // a value that passes the parsers but breaks a constraint (think: a check added later)
        dsl.execute(DSL.sql("CREATE FUNCTION refuse_for_good() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.tracking_number = 'EZ3000000003' THEN RAISE EXCEPTION 'out of range' USING ERRCODE = 'check_violation'; "
                + "END IF; RETURN NEW; END $$"));
        dsl.execute(DSL.sql("CREATE TRIGGER refuse_for_good BEFORE INSERT ON shipments FOR EACH ROW EXECUTE FUNCTION refuse_for_good()"));
        try {
            Map<String, Integer> before = counts();
            String body = fixture("easypost-tracker-updated").replace("EZ1000000001", "EZ3000000003")
                    .replace("evt_55a53eb2556b11ed8945059f515d2b6d", "evt_refused_for_good");
            for (int attempt = 0; attempt < 2; attempt++) {
                HttpResponse<String> response = deliver(Provider.EASYPOST, body);
                Http.assertProblem(response, 422, null);
                assertTrue(response.body().contains("sending it again will not help"), response.body());
            }
            assertEquals(before, counts(), "nothing stored, so nothing is retried");
        } finally {
            dsl.execute(DSL.sql("DROP TRIGGER refuse_for_good ON shipments"));
        }
    }

    private static Map<String, Integer> counts() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        WRITTEN.forEach(table -> counts.put(table.getName(), dsl.fetchCount(table)));
        return counts;
    }

    private static byte[] csv(String orderNumber) {
        return ("order_number,customer_email,sku,title,quantity,unit_price\n" + orderNumber + ",b@example.com,HAT,Hat,1,10.00\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String fixture(String name) {
        try (InputStream in = ControlCharactersIT.class.getResourceAsStream("/hooks/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> deliver(Provider provider, String json, String... headers) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String[] all = Stream.concat(Stream.of(provider.signatureHeader(), provider.signatures().sign(body, "secret-" + provider.code())),
                Stream.of(headers)).toArray(String[]::new);
        return http.post("/hooks/" + provider.code() + "/shop", null, body, all);
    }
}
