package app.landfall.api;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.demo.DemoData;
import app.landfall.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ShipmentsApiIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Landfall landfall;
    private static String demoKey;
    private static String otherKey;
    private static long demoShipment;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_DEMO", "true")));
        DSLContext dsl = landfall.database().dsl();
        long demo = dsl.select(MERCHANTS.ID).from(MERCHANTS).where(MERCHANTS.SLUG.eq(DemoData.SLUG)).fetchOne().value1();
        long other = dsl.insertInto(MERCHANTS).set(MERCHANTS.SLUG, "other-store").set(MERCHANTS.NAME, "Other store")
                .returning(MERCHANTS.ID).fetchOne().getId();
        ApiKeys keys = new ApiKeys(dsl);
        demoKey = keys.create(demo, "test");
        otherKey = keys.create(other, "test");
        demoShipment = dsl.select(SHIPMENTS.ID).from(SHIPMENTS).where(SHIPMENTS.MERCHANT_ID.eq(demo))
                .and(SHIPMENTS.STATUS.eq("InTransit")).limit(1).fetchOne().value1();
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    private static HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(landfall.baseUrl() + path));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(status, JSON.readTree(response.body()).get("status").asInt());
    }

    @Test
    void returns_the_merchants_shipment_with_its_events_in_snake_case() throws Exception {
        HttpResponse<String> response = get("/api/v1/shipments/" + demoShipment, demoKey);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode shipment = JSON.readTree(response.body());
        assertEquals(demoShipment, shipment.get("id").asLong());
        assertEquals("InTransit", shipment.get("status").asText());
        assertFalse(shipment.get("tracking_number").asText().isBlank());
        assertTrue(shipment.get("tracking_page_url").asText().startsWith(landfall.baseUrl() + "/t/"));
        assertEquals(shipment.get("tracking_page_url").asText() + "/return", shipment.get("return_start_url").asText());
        JsonNode newest = shipment.get("events").get(0);
        assertEquals("InTransit", newest.get("status").asText());
        assertTrue(newest.get("occurred_at").asText().matches("\\d{4}-\\d{2}-\\d{2}T.*"), newest.toString());
    }

    @Test
    void asks_for_a_key_when_there_is_none_or_it_is_wrong() throws Exception {
        HttpResponse<String> none = get("/api/v1/shipments/" + demoShipment, null);
        assertProblem(none, 401);
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertProblem(get("/api/v1/shipments/" + demoShipment, "lf_not-a-real-key"), 401);
        assertProblem(get("/api/v1/shipments/" + demoShipment, demoKey + "x"), 401);
    }

    @Test
    void another_merchants_shipment_does_not_exist_for_you() throws Exception {
        HttpResponse<String> response = get("/api/v1/shipments/" + demoShipment, otherKey);
        assertProblem(response, 404);
        assertFalse(response.body().contains("tracking_number"));
    }

    @Test
    void a_malformed_id_is_a_400_naming_the_field() throws Exception {
        for (String id : new String[] {"abc", "-1", "0", "99999999999999999999999"}) {
            HttpResponse<String> response = get("/api/v1/shipments/" + id, demoKey);
            assertProblem(response, 400);
            assertEquals("id", JSON.readTree(response.body()).get("errors").get(0).get("field").asText());
        }
    }

    @Test
    void an_unknown_api_path_is_a_404_problem() throws Exception {
        assertProblem(get("/api/v1/no-such-thing", demoKey), 404);
    }
}
