package app.landfall.api;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.SHIPMENT_ITEMS;
import static app.landfall.db.schema.Tables.TRACKING_EVENTS;
import static app.landfall.testing.Http.assertProblem;
import static app.landfall.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.carriers.TrackingNumbers;
import app.landfall.testing.Http;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /api/v1/shipments (create or update, carrier detection) and GET /api/v1/shipments (filters, cursor). */
class ShipmentsWriteApiIT {
    private static Landfall landfall;
    private static DSLContext dsl;
    private static Http http;
    private static String key;
    private static String otherKey;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config());
        dsl = landfall.database().dsl();
        http = new Http(landfall.baseUrl());
        long merchant = TestMerchants.create(dsl, "shop");
        long other = TestMerchants.create(dsl, "other");
        key = new ApiKeys(dsl).create(merchant, "test");
        otherKey = new ApiKeys(dsl).create(other, "test");
        HttpResponse<String> order = http.post("/api/v1/orders", key, """
                {"order_number": "W-1", "items": [{"sku": "TENT-2P", "title": "Tent", "quantity": 1},
                                                 {"sku": "STAKES", "title": "Stakes", "quantity": 4}]}""");
        assertEquals(201, order.statusCode(), order.body());
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    private static HttpResponse<String> create(String body) {
        return http.post("/api/v1/shipments", key, body);
    }

    @Test
    void creates_a_shipment_detecting_the_carrier_then_updates_it() {
        HttpResponse<String> created = create("""
                {"order_number": "W-1", "tracking_number": "1z 5r8 939 035 756 7127",
                 "items": [{"sku": "TENT-2P", "quantity": 1}, {"sku": "STAKES", "quantity": 4}],
                 "events": [{"event_id": "a1", "occurred_at": "2026-11-21T09:00:00Z", "status": "InTransit",
                             "substatus": "InTransit_PickedUp"}]}""");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode shipment = json(created);
        assertEquals("ups", shipment.get("carrier").asText());
        assertEquals("1Z5R89390357567127", shipment.get("tracking_number").asText());
        assertEquals("UPS Ground", shipment.get("service").asText(), "the service the number encodes");
        assertEquals("W-1", shipment.get("order_number").asText());
        assertEquals("InTransit", shipment.get("status").asText());
        assertEquals(1, shipment.get("events").size());
        assertTrue(shipment.get("tracking_page_url").asText().startsWith(landfall.baseUrl() + "/t/"));
        long id = shipment.get("id").asLong();
        assertEquals(2, dsl.fetchCount(SHIPMENT_ITEMS, SHIPMENT_ITEMS.SHIPMENT_ID.eq(id)));

        HttpResponse<String> updated = create("""
                {"tracking_number": "1Z5R89390357567127", "carrier_estimated_delivery": "2026-11-24",
                 "events": [{"event_id": "a1", "occurred_at": "2026-11-21T09:00:00Z", "status": "InTransit",
                             "substatus": "InTransit_PickedUp"}]}""");
        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals(id, json(updated).get("id").asLong());
        assertEquals("2026-11-24", json(updated).get("carrier_estimated_delivery").asText());
        assertEquals("W-1", json(updated).get("order_number").asText(), "an update without order_number keeps the order");
        assertEquals(1, dsl.fetchCount(TRACKING_EVENTS, TRACKING_EVENTS.SHIPMENT_ID.eq(id)));
    }

    @Test
    void a_pickup_point_is_stored_and_shown_on_the_tracking_page() {
        HttpResponse<String> created = create("""
                {"tracking_number": "1Z5R89390357560001", "carrier": "ups", "order_number": "W-1",
                 "pickup": {"location": "UPS Access Point, Corner Shop, 12 Elm St, Springfield", "deadline": "2026-12-01"},
                 "events": [{"event_id": "p1", "occurred_at": "2026-11-21T09:00:00Z", "status": "AvailableForPickup"}]}""");
        assertEquals(201, created.statusCode(), created.body());
        long id = json(created).get("id").asLong();
        var stored = dsl.selectFrom(SHIPMENTS).where(SHIPMENTS.ID.eq(id)).fetchOne();
        assertEquals("UPS Access Point, Corner Shop, 12 Elm St, Springfield", stored.getPickupLocation());
        assertEquals(java.time.LocalDate.parse("2026-12-01"), stored.getPickupDeadline());
        String page = http.get(json(created).get("tracking_page_url").asText().substring(landfall.baseUrl().length()), null).body();
        assertTrue(page.contains("UPS Access Point, Corner Shop, 12 Elm St, Springfield"), page);

        // a later update without "pickup" keeps it; one with a new place replaces it
        assertEquals(200, create("{\"carrier\": \"ups\", \"tracking_number\": \"1Z5R89390357560001\"}").statusCode());
        assertEquals("UPS Access Point, Corner Shop, 12 Elm St, Springfield",
                dsl.select(SHIPMENTS.PICKUP_LOCATION).from(SHIPMENTS).where(SHIPMENTS.ID.eq(id)).fetchOne().value1());
        assertEquals(200, create("{\"carrier\": \"ups\", \"tracking_number\": \"1Z5R89390357560001\", \"pickup\": {\"location\": \"Post Office, Main St\"}}")
                .statusCode());
        var moved = dsl.selectFrom(SHIPMENTS).where(SHIPMENTS.ID.eq(id)).fetchOne();
        assertEquals("Post Office, Main St", moved.getPickupLocation());
        assertNull(moved.getPickupDeadline(), "the new place came without a deadline");

        int shipments = dsl.fetchCount(SHIPMENTS);
        assertProblem(create("{\"carrier\": \"ups\", \"tracking_number\": \"1Z5R89390357560002\", \"pickup\": {}}"), 422, "pickup.location");
        assertProblem(create("{\"carrier\": \"ups\", \"tracking_number\": \"1Z5R89390357560002\", \"pickup\": \"the shop\"}"), 422, "pickup");
        assertProblem(create("{\"carrier\": \"ups\", \"tracking_number\": \"1Z5R89390357560002\", "
                + "\"pickup\": {\"location\": \"Shop\", \"deadline\": \"next week\"}}"), 422, "pickup.deadline");
        assertEquals(shipments, dsl.fetchCount(SHIPMENTS), "nothing written for bad input");
    }

    @Test
    void a_number_that_fits_no_carrier_or_several_needs_the_carrier_named() {
        assertProblem(create("{\"tracking_number\": \"NOPE1234\"}"), 422, "carrier");
        String ambiguous = Stream.of("61299998820821171811", "9261292700768711948021", "9611020987654312345672",
                        "71123456789123456787", "03071790000523483741", "9400111201080805483016", "73891051146")
                .filter(n -> TrackingNumbers.detect(n).candidates().size() > 1)
                .findFirst().orElseThrow();
        HttpResponse<String> response = create("{\"tracking_number\": \"" + ambiguous + "\"}");
        assertProblem(response, 422, "carrier");
        assertTrue(json(response).get("errors").get(0).get("message").asText().contains("several carriers"));
        assertEquals(201, create("{\"tracking_number\": \"" + ambiguous + "\", \"carrier\": \"usps\"}").statusCode());
        assertEquals(201, create("{\"tracking_number\": \"NOPE1234\", \"carrier\": \"royal-mail\"}").statusCode());
    }

    @Test
    void bad_input_is_a_clear_4xx_and_writes_nothing() {
        int shipments = dsl.fetchCount(SHIPMENTS);
        assertProblem(create("{\"tracking_number\": "), 400, null);
        assertProblem(create("{}"), 422, "tracking_number");
        assertProblem(create("{\"tracking_number\": \"1Z!\"}"), 422, "tracking_number");
        assertProblem(create("{\"tracking_number\": \"1Z5R89391257567128\", \"carrier\": \"UPS Ground\"}"), 422, "carrier");
        assertProblem(create("{\"tracking_number\": \"1Z5R89391257567128\", \"direction\": \"sideways\"}"), 422, "direction");
        assertProblem(create("{\"tracking_number\": \"1Z5R89391257567128\", \"order_number\": \"NO-SUCH\"}"), 422, "order_number");
        assertProblem(create("{\"tracking_number\": \"1Z5R89391257567128\", \"order_number\": \"W-1\", "
                + "\"items\": [{\"sku\": \"CANOE\", \"quantity\": 1}]}"), 422, "items[0]");
        assertProblem(create("{\"tracking_number\": \"1Z5R89391257567128\", \"events\": [{\"status\": \"InTransit\"}]}"),
                422, "events[0].occurred_at");
        // the order exists, but at another merchant
        assertProblem(http.post("/api/v1/shipments", otherKey, "{\"tracking_number\": \"1Z5R89391257567128\", "
                + "\"order_number\": \"W-1\"}"), 422, "order_number");
        Http.assertTooLarge(http.postOversize("/api/v1/shipments", key, 10_000_000));
        assertEquals(shipments, dsl.fetchCount(SHIPMENTS));
    }

    @Test
    void lists_shipments_with_filters_a_page_at_a_time() {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String number = "LIST" + (1000 + i);
            numbers.add(number);
            String event = i % 2 == 0 ? ", \"events\": [{\"occurred_at\": \"2026-11-22T10:00:00Z\", \"status\": \"Exception\","
                    + " \"substatus\": \"Exception_Damaged\"}]" : "";
            assertEquals(201, create("{\"tracking_number\": \"" + number + "\", \"carrier\": \"ontrac\"" + event + "}").statusCode());
        }
        Set<String> seen = new HashSet<>();
        String next = "/api/v1/shipments?limit=3";
        int pages = 0;
        while (next != null) {
            HttpResponse<String> page = http.get(next, key);
            assertEquals(200, page.statusCode(), page.body());
            JsonNode body = json(page);
            body.get("data").forEach(s -> assertTrue(seen.add(s.get("tracking_number").asText()), "no shipment twice"));
            next = body.get("next").isNull() ? null : body.get("next").asText();
            pages++;
        }
        assertTrue(seen.containsAll(numbers));
        assertEquals((dsl.fetchCount(SHIPMENTS, SHIPMENTS.MERCHANT_ID.ne(otherMerchant())) + 2) / 3, pages);

        JsonNode exceptions = json(http.get("/api/v1/shipments?status=Exception&limit=200", key));
        assertTrue(exceptions.get("data").size() >= 4);
        exceptions.get("data").forEach(s -> assertEquals("Exception", s.get("status").asText()));
        assertNull(exceptions.get("data").get(0).get("events"), "lists leave the events out");

        JsonNode one = json(http.get("/api/v1/shipments?tracking_number=list-1003", key));
        assertEquals(1, one.get("data").size());
        assertEquals("LIST1003", one.get("data").get(0).get("tracking_number").asText());
        assertEquals(0, json(http.get("/api/v1/shipments?updated_since=2999-01-01T00:00:00Z", key)).get("data").size());
        assertEquals(0, json(http.get("/api/v1/shipments?tracking_number=LIST1003", otherKey)).get("data").size());
    }

    private static long otherMerchant() {
        return dsl.select(MERCHANTS.ID).from(MERCHANTS).where(MERCHANTS.SLUG.eq("other")).fetchOne().value1();
    }

    @Test
    void bad_list_parameters_are_400_with_the_parameter_named() {
        assertProblem(http.get("/api/v1/shipments?status=Lost", key), 400, "status");
        assertProblem(http.get("/api/v1/shipments?limit=0", key), 400, "limit");
        assertProblem(http.get("/api/v1/shipments?limit=201", key), 400, "limit");
        assertProblem(http.get("/api/v1/shipments?updated_since=yesterday", key), 400, "updated_since");
        assertProblem(http.get("/api/v1/shipments?cursor=bm90LWEtY3Vyc29y", key), 400, "cursor");
        assertProblem(http.get("/api/v1/shipments?update_since=2026-01-01T00:00:00Z", key), 400, "update_since");
        assertProblem(http.get("/api/v1/shipments", null), 401, null);
    }
}
