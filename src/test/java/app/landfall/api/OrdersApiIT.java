package app.landfall.api;

import static app.landfall.db.schema.Tables.API_IDEMPOTENCY_KEYS;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.ORDER_ITEMS;
import static app.landfall.testing.Http.assertProblem;
import static app.landfall.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.testing.Http;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /api/v1/orders: upsert by order number, field errors, Idempotency-Key. */
class OrdersApiIT {
    private static final String ORDER = """
            {"order_number": "SO-1001", "placed_at": "2026-11-20T10:15:00+01:00", "currency": "EUR",
             "customer": {"name": "Ada Lovelace", "email": "Ada@Example.com", "phone": "+44 20 7946 0000"},
             "shipping_address": {"line1": "12 St James's Square", "city": "London", "postal_code": "SW1Y 4JH", "country": "GB"},
             "promised_delivery_date": "2026-11-25",
             "subtotal_amount": "90.00", "shipping_amount": 4.9, "tax_amount": "18.98", "total_amount": "113.88",
             "items": [
               {"external_id": "li-1", "sku": "WOOL-HAT-GRY", "title": "Wool hat", "variant_title": "Grey", "quantity": 1, "unit_price": "30.00"},
               {"external_id": "li-2", "sku": "SOCKS-3P", "title": "Hiking socks (3 pairs)", "quantity": 2, "unit_price": "30.00",
                "product_tags": ["socks", "final-sale"], "final_sale": true}
             ]}""";
    private static Landfall landfall;
    private static DSLContext dsl;
    private static Http http;
    private static String key;
    private static String otherKey;
    private static long merchant;

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config());
        dsl = landfall.database().dsl();
        http = new Http(landfall.baseUrl());
        merchant = TestMerchants.create(dsl, "shop");
        long other = TestMerchants.create(dsl, "other");
        key = new ApiKeys(dsl).create(merchant, "test");
        otherKey = new ApiKeys(dsl).create(other, "test");
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    private static HttpResponse<String> post(String body, String... headers) {
        return http.post("/api/v1/orders", key, body, headers);
    }

    @Test
    void creates_then_updates_an_order_by_its_number() {
        HttpResponse<String> created = post(ORDER);
        assertEquals(201, created.statusCode(), created.body());
        JsonNode order = json(created);
        assertEquals("SO-1001", order.get("order_number").asText());
        assertEquals("ada@example.com", order.get("customer").get("email").asText());
        assertEquals("GB", order.get("shipping_address").get("country").asText());
        assertEquals("4.90", order.get("shipping_amount").asText());
        assertEquals("113.88", order.get("total_amount").asText());
        assertEquals(2, order.get("items").size());
        assertTrue(order.get("items").get(1).get("final_sale").asBoolean());
        assertEquals("2026-11-20T09:15:00Z", order.get("placed_at").asText());
        long id = order.get("id").asLong();
        long hatId = order.get("items").get(0).get("id").asLong();

        // the store sends the order again: the hat's quantity changed, socks were removed, a map added
        HttpResponse<String> updated = post("""
                {"order_number": "SO-1001", "customer": {"phone": "+44 20 7946 0001"},
                 "items": [
                   {"external_id": "li-1", "sku": "WOOL-HAT-GRY", "title": "Wool hat", "variant_title": "Grey", "quantity": 2, "unit_price": "30.00"},
                   {"external_id": "li-3", "title": "Trail map", "quantity": 1, "unit_price": "12.50"}
                 ]}""");
        assertEquals(200, updated.statusCode(), updated.body());
        JsonNode after = json(updated);
        assertEquals(id, after.get("id").asLong());
        assertEquals("Ada Lovelace", after.get("customer").get("name").asText(), "fields not sent are kept");
        assertEquals("+44 20 7946 0001", after.get("customer").get("phone").asText());
        assertEquals(List.of("li-1", "li-3"), after.get("items").findValuesAsText("external_id"));
        assertEquals(hatId, after.get("items").get(0).get("id").asLong(), "an item matched by external_id keeps its id");
        assertEquals(2, after.get("items").get(0).get("quantity").asInt());
        assertEquals(1, dsl.fetchCount(ORDERS, ORDERS.MERCHANT_ID.eq(merchant).and(ORDERS.ORDER_NUMBER.eq("SO-1001"))));
    }

    @Test
    void the_same_order_number_at_another_merchant_is_another_order() {
        String body = ORDER.replace("SO-1001", "SO-2002");
        assertEquals(201, post(body).statusCode());
        assertEquals(201, http.post("/api/v1/orders", otherKey, body).statusCode());
        assertEquals(2, dsl.fetchCount(ORDERS, ORDERS.ORDER_NUMBER.eq("SO-2002")));
    }

    @Test
    void bad_input_is_a_clear_4xx_and_writes_nothing() {
        int orders = dsl.fetchCount(ORDERS);
        assertProblem(post("{\"order_number\": "), 400, null);
        assertProblem(http.post("/api/v1/orders", key, new byte[] {'{', '"', (byte) 0xFF, '"', ':', '1', '}'}), 400, null);
        assertProblem(post("[1, 2]"), 422, "");
        assertProblem(post("{}"), 422, "order_number");
        assertProblem(post("{\"order_number\": 7}"), 422, "order_number");
        assertProblem(post(ORDER.replace("\"EUR\"", "\"euro\"")), 422, "currency");
        assertProblem(post(ORDER.replace("\"GB\"", "\"GBR\"")), 422, "shipping_address.country");
        assertProblem(post(ORDER.replace("\"90.00\"", "\"-1\"")), 422, "subtotal_amount");
        assertProblem(post(ORDER.replace("\"quantity\": 2", "\"quantity\": \"two\"")), 422, "items[1].quantity");
        assertProblem(post(ORDER.replace("\"Wool hat\"", "null")), 422, "items[0].title");
        assertProblem(post(ORDER.replace("2026-11-20T10:15:00+01:00", "last Tuesday")), 422, "placed_at");
        assertProblem(post(ORDER.replace("li-2", "li-1")), 422, "items[1]");
        Http.assertTooLarge(http.postOversize("/api/v1/orders", key, 10_000_000));
        assertProblem(http.post("/api/v1/orders", "lf_not-a-key", ORDER), 401, null);
        assertProblem(http.post("/api/v1/orders", null, ORDER), 401, null);
        assertEquals(orders, dsl.fetchCount(ORDERS));
    }

    @Test
    void a_retry_with_the_same_idempotency_key_gets_the_first_answer_and_acts_once() {
        String body = ORDER.replace("SO-1001", "SO-3003");
        HttpResponse<String> first = post(body, "Idempotency-Key", "order-3003-attempt");
        HttpResponse<String> retry = post(body, "Idempotency-Key", "order-3003-attempt");
        assertEquals(201, first.statusCode(), first.body());
        assertEquals(201, retry.statusCode(), "the replay repeats the first status, not 200 for an update");
        assertEquals(first.body(), retry.body());
        assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertFalse(first.headers().firstValue("Idempotent-Replayed").isPresent());
        assertEquals(1, dsl.fetchCount(ORDERS, ORDERS.ORDER_NUMBER.eq("SO-3003")));

        // the same key with another body is refused, and changes nothing
        assertProblem(post(body.replace("Ada Lovelace", "Grace Hopper"), "Idempotency-Key", "order-3003-attempt"), 422, null);
        assertEquals("Ada Lovelace", dsl.select(ORDERS.CUSTOMER_NAME).from(ORDERS)
                .where(ORDERS.ORDER_NUMBER.eq("SO-3003")).fetchOne().value1());

        // validation failures are answers too: replayed, not re-run
        HttpResponse<String> invalid = post("{}", "Idempotency-Key", "bad-order");
        assertProblem(invalid, 422, "order_number");
        assertEquals(invalid.body(), post("{}", "Idempotency-Key", "bad-order").body());

        // keys are per merchant: another merchant may use the same key for its own request
        assertEquals(201, http.post("/api/v1/orders", otherKey, body, "Idempotency-Key", "order-3003-attempt").statusCode());
        assertProblem(post(body, "Idempotency-Key", "x".repeat(256)), 400, null);
        assertEquals(2, dsl.fetchCount(API_IDEMPOTENCY_KEYS, API_IDEMPOTENCY_KEYS.IDEMPOTENCY_KEY.eq("order-3003-attempt")));
    }

    @Test
    void items_no_longer_listed_are_removed_unless_something_refers_to_them() {
        assertEquals(201, post(ORDER.replace("SO-1001", "SO-4004")).statusCode());
        long orderId = dsl.select(ORDERS.ID).from(ORDERS).where(ORDERS.ORDER_NUMBER.eq("SO-4004")).fetchOne().value1();
        // a shipment carries the socks
        HttpResponse<String> shipment = http.post("/api/v1/shipments", key, """
                {"order_number": "SO-4004", "tracking_number": "1Z5R89390357567127",
                 "items": [{"external_id": "li-2", "quantity": 2}]}""");
        assertEquals(201, shipment.statusCode(), shipment.body());
        assertEquals(200, post("{\"order_number\": \"SO-4004\", \"items\": []}").statusCode());
        assertEquals(List.of("li-2"), dsl.select(ORDER_ITEMS.EXTERNAL_ID).from(ORDER_ITEMS)
                .where(ORDER_ITEMS.ORDER_ID.eq(orderId)).fetch(ORDER_ITEMS.EXTERNAL_ID));
    }
}
