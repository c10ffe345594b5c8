package app.landfall.api;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.SHIPMENT_STATUS_CHANGES;
import static app.landfall.db.schema.Tables.TRACKING_EVENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.auth.Tokens;
import app.landfall.testing.Http;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /api/v1/shipments/{id}/events: late, repeated and shuffled deliveries end in the same state. */
class ShipmentEventsApiIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> JOURNEY = List.of(
            "{\"event_id\":\"e1\",\"occurred_at\":\"2026-11-20T09:00:00-05:00\",\"status\":\"InfoReceived\",\"substatus\":\"InfoReceived_LabelCreated\",\"message\":\"Label created\"}",
            "{\"event_id\":\"e2\",\"occurred_at\":\"2026-11-20T18:30:00-05:00\",\"status\":\"InTransit\",\"substatus\":\"InTransit_PickedUp\",\"city\":\"Williston\",\"region\":\"VT\",\"country\":\"US\",\"timezone\":\"America/New_York\"}",
            "{\"event_id\":\"e3\",\"occurred_at\":\"2026-11-21T11:07:00-06:00\",\"status\":\"InTransit\",\"substatus\":\"InTransit_ArrivedAtFacility\",\"location\":\"Hodgkins, IL, US\"}",
            "{\"event_id\":\"e4\",\"occurred_at\":\"2026-11-22T08:10:00-08:00\",\"status\":\"OutForDelivery\"}",
            "{\"event_id\":\"e5\",\"occurred_at\":\"2026-11-22T14:41:00-08:00\",\"status\":\"Delivered\",\"substatus\":\"Delivered_Signed\"}",
            "{\"event_id\":\"e6\",\"occurred_at\":\"2026-11-22T19:00:00-08:00\",\"status\":\"InTransit\",\"message\":\"Stray scan after delivery\"}");
    private static Landfall landfall;
    private static DSLContext dsl;
    private static String key;
    private static String otherKey;
    private static long merchant;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config());
        dsl = landfall.database().dsl();
        merchant = TestMerchants.create(dsl, "shop");
        long other = TestMerchants.create(dsl, "other");
        key = new ApiKeys(dsl).create(merchant, "test");
        otherKey = new ApiKeys(dsl).create(other, "test");
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    private static long newShipment(String trackingNumber) {
        return dsl.insertInto(SHIPMENTS).set(SHIPMENTS.MERCHANT_ID, merchant).set(SHIPMENTS.CARRIER, "ups")
                .set(SHIPMENTS.TRACKING_NUMBER, trackingNumber).set(SHIPMENTS.PUBLIC_TOKEN, Tokens.newToken())
                .returning(SHIPMENTS.ID).fetchOne().getId();
    }

    private static HttpResponse<String> post(long shipment, byte[] body, String apiKey) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(landfall.baseUrl() + "/api/v1/shipments/" + shipment + "/events"))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(long shipment, List<String> events) throws Exception {
        return post(shipment, ("{\"events\":[" + String.join(",", events) + "]}").getBytes(), key);
    }

    /** Everything a delivery leaves behind: the shipment's state and its event rows. */
    private static String state(long shipment) {
        var row = dsl.select(SHIPMENTS.STATUS, SHIPMENTS.SUBSTATUS, SHIPMENTS.STATUS_CHANGED_AT, SHIPMENTS.SHIPPED_AT,
                SHIPMENTS.DELIVERED_AT, SHIPMENTS.LAST_EVENT_AT).from(SHIPMENTS).where(SHIPMENTS.ID.eq(shipment)).fetchOne();
        var events = dsl.select(TRACKING_EVENTS.DEDUPE_KEY, TRACKING_EVENTS.OCCURRED_AT, TRACKING_EVENTS.STATUS,
                        TRACKING_EVENTS.SUBSTATUS, TRACKING_EVENTS.RAW_MESSAGE)
                .from(TRACKING_EVENTS).where(TRACKING_EVENTS.SHIPMENT_ID.eq(shipment))
                .orderBy(TRACKING_EVENTS.DEDUPE_KEY).fetch();
        return row.formatCSV() + events.formatCSV();
    }

    @Test
    void replayed_and_shuffled_deliveries_leave_the_same_state_as_one_in_order_delivery() throws Exception {
        long inOrder = newShipment("1Z0000000000000001");
        HttpResponse<String> response = post(inOrder, JOURNEY);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        assertEquals(6, body.get("stored").asInt());
        assertEquals("Delivered", body.get("shipment").get("status").asText());
        assertEquals("Delivered_Signed", body.get("shipment").get("substatus").asText());

        long messy = newShipment("1Z0000000000000002");
        Random random = new Random(7);
        for (int delivery = 0; delivery < 3; delivery++) {
            List<String> shuffled = new ArrayList<>(JOURNEY);
            Collections.shuffle(shuffled, random);
            // one event at a time, as webhooks arrive
            for (String event : shuffled) {
                assertEquals(200, post(messy, List.of(event)).statusCode());
            }
        }
        assertEquals(state(inOrder).replace("1Z0000000000000001", ""), state(messy).replace("1Z0000000000000002", ""));
        assertEquals(6, dsl.fetchCount(TRACKING_EVENTS, TRACKING_EVENTS.SHIPMENT_ID.eq(messy)));
    }

    private static HttpResponse<String> postBatch(List<String> events) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(landfall.baseUrl() + "/api/v1/events/batch"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"events\":[" + String.join(",", events) + "]}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String forShipment(long shipment, String event) {
        return "{\"shipment_id\":" + shipment + "," + event.substring(1);
    }

    @Test
    void a_shuffled_batch_for_several_shipments_ends_like_in_order_deliveries() throws Exception {
        long reference = newShipment("1Z0000000000000010");
        post(reference, JOURNEY);
        List<Long> shipments = List.of(newShipment("1Z0000000000000011"), newShipment("1Z0000000000000012"),
                newShipment("1Z0000000000000013"));
        List<String> batch = new ArrayList<>();
        for (long shipment : shipments) {
            JOURNEY.forEach(event -> batch.add(forShipment(shipment, event)));
        }
        Collections.shuffle(batch, new Random(11));
        HttpResponse<String> first = postBatch(batch.subList(0, 10));
        HttpResponse<String> second = postBatch(batch);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(200, second.statusCode(), second.body());
        assertEquals(18 - 10, JSON.readTree(second.body()).get("stored").asInt());
        assertEquals(10, JSON.readTree(second.body()).get("duplicates").asInt());
        String expected = state(reference).replace("1Z0000000000000010", "");
        for (long shipment : shipments) {
            assertEquals(expected, state(shipment).replaceAll("1Z00000000000000\\d\\d", ""));
        }
    }

    @Test
    void a_batch_naming_a_shipment_that_is_not_yours_stores_nothing() throws Exception {
        long mine = newShipment("1Z0000000000000020");
        long theirs = dsl.insertInto(SHIPMENTS).set(SHIPMENTS.MERCHANT_ID,
                        dsl.select(MERCHANTS.ID).from(MERCHANTS).where(MERCHANTS.SLUG.eq("other")).fetchOne().value1())
                .set(SHIPMENTS.CARRIER, "ups").set(SHIPMENTS.TRACKING_NUMBER, "1Z0000000000000021")
                .set(SHIPMENTS.PUBLIC_TOKEN, Tokens.newToken()).returning(SHIPMENTS.ID).fetchOne().getId();
        assertProblem(postBatch(List.of(forShipment(mine, JOURNEY.get(0)), forShipment(theirs, JOURNEY.get(1)))),
                422, "events[1].shipment_id");
        assertProblem(postBatch(List.of(forShipment(mine, JOURNEY.get(0)), JOURNEY.get(1))), 422, "events[1].shipment_id");
        assertProblem(postBatch(Collections.nCopies(1001, forShipment(mine, JOURNEY.get(0)))), 422, "events");
        assertEquals(0, dsl.fetchCount(TRACKING_EVENTS, TRACKING_EVENTS.SHIPMENT_ID.in(mine, theirs)));
    }

    @Test
    void each_change_of_status_is_recorded_once() throws Exception {
        long shipment = newShipment("1Z0000000000000003");
        post(shipment, JOURNEY.subList(0, 2));
        post(shipment, JOURNEY.subList(0, 2));
        post(shipment, JOURNEY.subList(2, 6));
        List<String> changes = dsl.select(SHIPMENT_STATUS_CHANGES.TO_STATUS).from(SHIPMENT_STATUS_CHANGES)
                .where(SHIPMENT_STATUS_CHANGES.SHIPMENT_ID.eq(shipment)).orderBy(SHIPMENT_STATUS_CHANGES.ID)
                .fetch(SHIPMENT_STATUS_CHANGES.TO_STATUS);
        assertEquals(List.of("InTransit", "Delivered"), changes);
    }

    @Test
    void bad_input_is_a_clear_4xx_and_writes_nothing() throws Exception {
        long shipment = newShipment("1Z0000000000000004");
        assertProblem(post(shipment, "{\"events\":[".getBytes(), key), 400, null);
        assertProblem(post(shipment, new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}, key), 400, null);
        assertProblem(post(shipment, "{}".getBytes(), key), 422, "events");
        assertProblem(post(shipment, List.of("{\"occurred_at\":\"yesterday\",\"status\":\"InTransit\"}")), 422, "events[0].occurred_at");
        assertProblem(post(shipment, List.of("{\"occurred_at\":\"2026-11-20T09:00:00Z\",\"status\":5}")), 422, "events[0].status");
        assertProblem(post(shipment, List.of("{\"occurred_at\":\"2026-11-20T09:00:00Z\",\"status\":\"InTransit\",\"substatus\":\"Delivered_Signed\"}")),
                422, "events[0].substatus");
        // one bad event among good ones: none are stored
        assertProblem(post(shipment, List.of(JOURNEY.get(0), "{\"status\":\"Teleported\"}")), 422, "events[1].occurred_at");
        Http.assertTooLarge(new Http(landfall.baseUrl()).postOversize("/api/v1/shipments/" + shipment + "/events", key, 2_000_000));
        assertProblem(post(999_999, List.of(JOURNEY.get(0))), 404, null);
        assertProblem(post(shipment, ("{\"events\":[" + JOURNEY.get(0) + "]}").getBytes(), otherKey), 404, null);
        assertEquals(0, dsl.fetchCount(TRACKING_EVENTS, TRACKING_EVENTS.SHIPMENT_ID.eq(shipment)));
        assertEquals("Pending", dsl.select(SHIPMENTS.STATUS).from(SHIPMENTS).where(SHIPMENTS.ID.eq(shipment)).fetchOne().value1());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), response.body());
        if (field != null) {
            JsonNode errors = JSON.readTree(response.body()).get("errors");
            boolean named = false;
            for (JsonNode error : errors) {
                named |= error.get("field").asText().equals(field);
            }
            assertTrue(named, response.body());
        }
    }
}
