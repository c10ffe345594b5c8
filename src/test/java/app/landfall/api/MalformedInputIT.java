package app.landfall.api;

import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.TRACKING_EVENTS;
import static app.landfall.db.schema.Tables.WEBHOOK_INBOX;
import static app.landfall.testing.Http.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.landfall.Landfall;
import app.landfall.auth.Tokens;
import app.landfall.hooks.Provider;
import app.landfall.hooks.WebhookSecrets;
import app.landfall.testing.Http;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Dates out of any sane range, JSON with something after it, broken Unicode: 400 or 422, nothing stored. */
class MalformedInputIT {
    private static final String ITEMS = "\"items\": [{\"sku\": \"HAT\", \"title\": \"Hat\", \"quantity\": 1, \"unit_price\": \"10.00\"}]";
    private static Landfall landfall;
    private static DSLContext dsl;
    private static Http http;
    private static String key;
    private static long shipment;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config());
        dsl = landfall.database().dsl();
        http = new Http(landfall.baseUrl());
        long merchant = TestMerchants.create(dsl, "shop");
        key = new ApiKeys(dsl).create(merchant, "test");
        new WebhookSecrets(dsl).set(merchant, Provider.AFTERSHIP, "secret-aftership");
        shipment = dsl.insertInto(SHIPMENTS).set(SHIPMENTS.MERCHANT_ID, merchant).set(SHIPMENTS.CARRIER, "ups")
                .set(SHIPMENTS.TRACKING_NUMBER, "1Z999AA10123456784").set(SHIPMENTS.PUBLIC_TOKEN, Tokens.newToken())
                .returning(SHIPMENTS.ID).fetchSingle(SHIPMENTS.ID);
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "1999-12-31T23:59:59Z", "2100-01-01T00:00:00Z"})
    void an_event_time_outside_2000_to_2099_is_422_and_stores_nothing(String time) {
        HttpResponse<String> response = http.post("/api/v1/shipments/" + shipment + "/events", key,
                "{\"events\": [{\"event_id\": \"e1\", \"occurred_at\": \"" + time + "\", \"status\": \"InTransit\"}]}");
        assertProblem(response, 422, "events[0].occurred_at");
        assertEquals(0, dsl.fetchCount(TRACKING_EVENTS));
    }

    @Test
    void an_order_placed_in_the_year_99999_is_422_and_not_stored() {
        HttpResponse<String> response = http.post("/api/v1/orders", key,
                "{\"order_number\": \"Y-99999\", \"placed_at\": \"+99999-01-01T00:00:00Z\", " + ITEMS + "}");
        assertProblem(response, 422, "placed_at");
        assertEquals(0, dsl.fetchCount(ORDERS, ORDERS.ORDER_NUMBER.eq("Y-99999")));
    }

    @Test
    void json_followed_by_anything_but_white_space_is_400_and_not_stored() {
        assertProblem(http.post("/api/v1/orders", key, "{\"order_number\": \"T-1\", " + ITEMS + "} garbage"), 400, null);
        assertProblem(http.post("/api/v1/orders", key, "{\"order_number\": \"T-2\", " + ITEMS + "}{\"order_number\": \"T-3\"}"), 400, null);
        assertEquals(0, dsl.fetchCount(ORDERS));
        assertEquals(201, http.post("/api/v1/orders", key, "{\"order_number\": \"T-4\", " + ITEMS + "}\r\n").statusCode());
    }

    @Test
    void a_lone_surrogate_is_422_instead_of_becoming_a_question_mark() {
        HttpResponse<String> escaped = http.post("/api/v1/orders", key,
                "{\"order_number\": \"S-1\", \"customer\": {\"name\": \"Zo\\ud83d\"}, " + ITEMS + "}");
        assertProblem(escaped, 422, "customer.name");
        // the same surrogate written as raw (CESU-8) bytes instead of an escape
        byte[] raw = ("{\"order_number\": \"S-2\", \"customer\": {\"name\": \"Zo\u0001\"}, " + ITEMS + "}").getBytes(StandardCharsets.UTF_8);
        byte[] cesu = new byte[raw.length + 2];
        int at = new String(raw, StandardCharsets.UTF_8).indexOf('\u0001');
        System.arraycopy(raw, 0, cesu, 0, at);
        cesu[at] = (byte) 0xED;
        cesu[at + 1] = (byte) 0xA0;
        cesu[at + 2] = (byte) 0xBD;
        System.arraycopy(raw, at + 1, cesu, at + 3, raw.length - at - 1);
        int status = http.post("/api/v1/orders", key, cesu).statusCode();
        assertEquals(true, status == 400 || status == 422, "refused: " + status);
        assertEquals(0, dsl.fetchCount(ORDERS, ORDERS.ORDER_NUMBER.in("S-1", "S-2")));
    }

    @Test
    void a_webhook_with_a_checkpoint_in_the_year_10000_is_422_and_not_kept() {
        String body = "{\"event\": \"tracking_update\", \"event_id\": \"y10k\", \"msg\": {\"tracking_number\": \"9361289676091361892011\", "
                + "\"slug\": \"usps\", \"tag\": \"InTransit\", \"checkpoints\": [{\"checkpoint_time\": \"+10000-01-01T00:00:00Z\", "
                + "\"tag\": \"InTransit\", \"message\": \"Arrived\"}]}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = http.post("/hooks/aftership/shop", null, bytes,
                Provider.AFTERSHIP.signatureHeader(), Provider.AFTERSHIP.signatures().sign(bytes, "secret-aftership"));
        assertProblem(response, 422, "msg.checkpoints[0].checkpoint_time");
        assertEquals(0, dsl.fetchCount(WEBHOOK_INBOX));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "+999999999-12-31T00:00:00Z"})
    void a_list_filter_far_outside_the_accepted_dates_is_answered_without_a_500(String since) {
        HttpResponse<String> response = http.get("/api/v1/shipments?updated_since="
                + java.net.URLEncoder.encode(since, StandardCharsets.UTF_8), key);
        assertEquals(true, response.statusCode() == 200 || response.statusCode() == 400, response.statusCode() + ": " + response.body());
    }
}
