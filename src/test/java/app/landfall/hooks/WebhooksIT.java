package app.landfall.hooks;

import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.ORDER_ITEMS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.SHIPMENT_ITEMS;
import static app.landfall.db.schema.Tables.TRACKING_EVENTS;
import static app.landfall.db.schema.Tables.WEBHOOK_INBOX;
import static app.landfall.testing.Http.assertProblem;
import static app.landfall.testing.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.orders.OrderWriter;
import app.landfall.testing.Http;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import app.landfall.tracking.EventIngestion;
import app.landfall.tracking.ShipmentWriter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /hooks/{provider}/{merchant} with the providers' documented payloads, signed as they sign them. */
class WebhooksIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "test-secret-aftership";
    private static Landfall landfall;
    private static DSLContext dsl;
    private static Http http;
    private static long merchant;
    private static final java.util.Map<Provider, String> SECRETS = java.util.Map.of(
            Provider.AFTERSHIP, SECRET, Provider.EASYPOST, "test-secret-easypost", Provider.SHOPIFY, "test-secret-shopify");

    @BeforeAll
    static void start() {
        landfall = Landfall.start(TestDatabase.config());
        dsl = landfall.database().dsl();
        http = new Http(landfall.baseUrl());
        merchant = TestMerchants.create(dsl, "shop");
        long other = TestMerchants.create(dsl, "other");
        TestMerchants.create(dsl, "nosecrets");
        WebhookSecrets secrets = new WebhookSecrets(dsl);
        SECRETS.forEach((provider, secret) -> secrets.set(merchant, provider, secret));
        secrets.set(other, Provider.AFTERSHIP, "the-other-merchants-secret");
    }

    @AfterAll
    static void stop() {
        landfall.close();
    }

    static byte[] fixture(String name) {
        try (InputStream in = WebhooksIT.class.getResourceAsStream("/hooks/" + name + ".json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> deliver(Provider provider, String slug, byte[] body, String secret, String... headers) {
        List<String> all = new ArrayList<>(List.of(provider.signatureHeader(), provider.signatures().sign(body, secret)));
        all.addAll(List.of(headers));
        return http.post("/hooks/" + provider.code() + "/" + slug, null, body, all.toArray(String[]::new));
    }

    private static HttpResponse<String> deliver(Provider provider, byte[] body, String... headers) {
        return deliver(provider, "shop", body, SECRETS.get(provider), headers);
    }

    /** Everything deliveries leave behind for one tracking number: the shipment and its events. */
    private static String state(String trackingNumber) {
        var shipment = dsl.select(SHIPMENTS.ID, SHIPMENTS.CARRIER, SHIPMENTS.ORDER_ID, SHIPMENTS.STATUS, SHIPMENTS.SUBSTATUS,
                        SHIPMENTS.STATUS_CHANGED_AT, SHIPMENTS.SHIPPED_AT, SHIPMENTS.DELIVERED_AT, SHIPMENTS.LAST_EVENT_AT,
                        SHIPMENTS.CARRIER_ESTIMATED_DELIVERY)
                .from(SHIPMENTS).where(SHIPMENTS.MERCHANT_ID.eq(merchant)).and(SHIPMENTS.TRACKING_NUMBER.eq(trackingNumber))
                .fetchSingle();
        var events = dsl.select(TRACKING_EVENTS.ID, TRACKING_EVENTS.DEDUPE_KEY, TRACKING_EVENTS.OCCURRED_AT,
                        TRACKING_EVENTS.STATUS, TRACKING_EVENTS.SUBSTATUS, TRACKING_EVENTS.RAW_STATUS,
                        TRACKING_EVENTS.RAW_MESSAGE, TRACKING_EVENTS.LOCATION, TRACKING_EVENTS.SOURCE)
                .from(TRACKING_EVENTS).where(TRACKING_EVENTS.SHIPMENT_ID.eq(shipment.value1()))
                .orderBy(TRACKING_EVENTS.ID).fetch();
        return shipment.formatCSV() + events.formatCSV();
    }

    @Test
    void an_aftership_delivery_replayed_three_times_leaves_the_state_of_one() throws Exception {
        byte[] body = fixture("aftership-tracking-update");
        HttpResponse<String> first = deliver(Provider.AFTERSHIP, body);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("processed", json(first).get("status").asText());
        String number = JSON.readTree(body).get("msg").get("tracking_number").asText();
        String after = state(number);
        assertTrue(after.contains("usps") && after.contains("Delivered"), after);
        int events = dsl.fetchCount(TRACKING_EVENTS, TRACKING_EVENTS.SOURCE.eq("aftership"));
        assertTrue(events >= 4, "one event per checkpoint");

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> again = deliver(Provider.AFTERSHIP, body);
            assertEquals(200, again.statusCode(), again.body());
            assertEquals("duplicate", json(again).get("status").asText());
        }
        assertEquals(after, state(number));
        assertEquals(1, dsl.fetchCount(WEBHOOK_INBOX, WEBHOOK_INBOX.PROVIDER.eq("aftership").and(WEBHOOK_INBOX.MERCHANT_ID.eq(merchant))));

        // an operator replaying the stored delivery changes nothing either
        long inboxId = json(first).get("inbox_id").asLong();
        assertTrue(inbox().replay(merchant, inboxId).isPresent());
        assertEquals(after, state(number));

        // the same checkpoints in another order, as a new delivery (new event_id): nothing new
        ObjectNode shuffled = (ObjectNode) JSON.readTree(body);
        shuffled.put("event_id", "another-delivery");
        List<com.fasterxml.jackson.databind.JsonNode> checkpoints = new ArrayList<>();
        shuffled.get("msg").get("checkpoints").forEach(checkpoints::add);
        Collections.shuffle(checkpoints, new Random(3));
        ((ArrayNode) shuffled.get("msg").get("checkpoints")).removeAll().addAll(checkpoints);
        HttpResponse<String> reordered = deliver(Provider.AFTERSHIP, JSON.writeValueAsBytes(shuffled));
        assertEquals(200, reordered.statusCode(), reordered.body());
        assertEquals(0, json(reordered).get("events_stored").asInt());
        assertEquals(after, state(number));
    }

    @Test
    void an_easypost_tracker_update_creates_the_shipment_with_its_events() throws Exception {
        byte[] body = fixture("easypost-tracker-updated");
        HttpResponse<String> response = deliver(Provider.EASYPOST, body);
        assertEquals(200, response.statusCode(), response.body());
        var shipment = dsl.selectFrom(SHIPMENTS).where(SHIPMENTS.MERCHANT_ID.eq(merchant))
                .and(SHIPMENTS.TRACKING_NUMBER.eq("EZ1000000001")).fetchSingle();
        assertEquals("usps", shipment.getCarrier());
        // the documented example's scans are years old: in transit, then silent for more than 30 days
        assertEquals("Expired", shipment.getStatus());
        assertEquals("InTransit", dsl.select(TRACKING_EVENTS.STATUS).from(TRACKING_EVENTS)
                .where(TRACKING_EVENTS.SHIPMENT_ID.eq(shipment.getId()))
                .orderBy(TRACKING_EVENTS.OCCURRED_AT.desc()).limit(1).fetchOne().value1());
        assertNull(shipment.getOrderId(), "EasyPost trackers name no order");
        assertEquals(3, dsl.fetchCount(TRACKING_EVENTS, TRACKING_EVENTS.SHIPMENT_ID.eq(shipment.getId())));
        assertEquals("duplicate", json(deliver(Provider.EASYPOST, body)).get("status").asText());
    }

    @Test
    void shopify_orders_and_fulfillments_become_orders_and_shipments() {
        HttpResponse<String> order = deliver(Provider.SHOPIFY, fixture("shopify-orders-create"),
                "X-Shopify-Topic", "orders/create", "X-Shopify-Webhook-Id", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043");
        assertEquals(200, order.statusCode(), order.body());
        var stored = dsl.selectFrom(ORDERS).where(ORDERS.MERCHANT_ID.eq(merchant)).and(ORDERS.EXTERNAL_ID.eq("450789469"))
                .fetchSingle();
        assertEquals("1001", stored.getOrderNumber());
        assertEquals(3, dsl.fetchCount(ORDER_ITEMS, ORDER_ITEMS.ORDER_ID.eq(stored.getId())));

        // Shopify's documented fulfillment names a line item of another example order; use one of this order's
        byte[] fulfillmentBody = new String(fixture("shopify-fulfillments-create"), StandardCharsets.UTF_8)
                .replace("1071823198", "466157049").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> fulfillment = deliver(Provider.SHOPIFY, fulfillmentBody,
                "X-Shopify-Topic", "fulfillments/create", "X-Shopify-Webhook-Id", "0f4a3c1e-1111-4c33-9d0e-4f3a8c2b7e01");
        assertEquals(200, fulfillment.statusCode(), fulfillment.body());
        var shipment = dsl.selectFrom(SHIPMENTS).where(SHIPMENTS.MERCHANT_ID.eq(merchant))
                .and(SHIPMENTS.TRACKING_NUMBER.eq("1Z001985YW99744790")).fetchSingle();
        assertEquals("ups", shipment.getCarrier());
        assertEquals(stored.getId(), shipment.getOrderId(), "attached to its order by Shopify's order id");
        assertEquals(1, dsl.fetchCount(SHIPMENT_ITEMS, SHIPMENT_ITEMS.SHIPMENT_ID.eq(shipment.getId())));

        // as if the carrier's scan came in an hour ago (the example's date is years old, which would read as Expired)
        byte[] updateBody = new String(fixture("shopify-fulfillments-update"), StandardCharsets.UTF_8)
                .replace("2023-10-04T08:15:00-04:00", java.time.OffsetDateTime.now().minusHours(1).toString())
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> update = deliver(Provider.SHOPIFY, updateBody,
                "X-Shopify-Topic", "fulfillments/update", "X-Shopify-Webhook-Id", "0f4a3c1e-2222-4c33-9d0e-4f3a8c2b7e02");
        assertEquals(200, update.statusCode(), update.body());
        assertEquals("InTransit", dsl.select(SHIPMENTS.STATUS).from(SHIPMENTS).where(SHIPMENTS.ID.eq(shipment.getId()))
                .fetchOne().value1());

        // a topic Landfall has no use for is acknowledged and stored, and changes nothing
        HttpResponse<String> other = deliver(Provider.SHOPIFY, "{\"id\": 1}".getBytes(StandardCharsets.UTF_8),
                "X-Shopify-Topic", "products/update", "X-Shopify-Webhook-Id", "0f4a3c1e-3333-4c33-9d0e-4f3a8c2b7e03");
        assertEquals(200, other.statusCode(), other.body());
        assertEquals(0, json(other).get("shipments").asInt());
    }

    @Test
    void bad_deliveries_get_a_clear_4xx_and_store_nothing() {
        int inbox = dsl.fetchCount(WEBHOOK_INBOX);
        int shipments = dsl.fetchCount(SHIPMENTS);
        byte[] body = fixture("aftership-tracking-update");
        String path = "/hooks/aftership/shop";

        assertProblem(http.post(path, null, body), 401, null);
        assertProblem(http.post(path, null, body, "aftership-hmac-sha256", "bm90IGEgc2lnbmF0dXJl"), 401, null);
        assertProblem(deliver(Provider.AFTERSHIP, "shop", body, "the-other-merchants-secret"), 401, null);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("Delivered", "Exception").getBytes(StandardCharsets.UTF_8);
        assertProblem(http.post(path, null, tampered, "aftership-hmac-sha256", Provider.AFTERSHIP.signatures().sign(body, SECRET)),
                401, null);
        assertProblem(deliver(Provider.AFTERSHIP, "nosecrets", body, SECRET), 401, null);
        assertProblem(deliver(Provider.AFTERSHIP, "no-such-shop", body, SECRET), 404, null);
        assertProblem(deliver(Provider.AFTERSHIP, "{\"event\": ".getBytes(StandardCharsets.UTF_8)), 400, null);
        assertProblem(deliver(Provider.AFTERSHIP, new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}), 400, null);
        assertProblem(deliver(Provider.AFTERSHIP, "[1, 2, 3]".getBytes(StandardCharsets.UTF_8)), 400, null);
        assertProblem(deliver(Provider.AFTERSHIP, ("{\"event\": \"tracking_update\", \"event_id\": \"x\", "
                + "\"msg\": {\"slug\": \"ups\"}}").getBytes(StandardCharsets.UTF_8)), 422, "msg.tracking_number");
        assertProblem(deliver(Provider.EASYPOST, "{\"object\": \"Event\", \"id\": \"evt_1\", \"description\": \"tracker.updated\", \"result\": 5}"
                .getBytes(StandardCharsets.UTF_8)), 422, null);
        Http.assertTooLarge(http.postOversize(path, null, 10_000_000, "aftership-hmac-sha256", "c2lnbmF0dXJl"));
        assertEquals(inbox, dsl.fetchCount(WEBHOOK_INBOX));
        assertEquals(shipments, dsl.fetchCount(SHIPMENTS));
    }

    @Test
    void a_delivery_that_cannot_be_applied_is_kept_and_applied_on_replay() throws Exception {
        // the database refuses this one tracking number for a while (think: a deadlock, a full disk)
        dsl.execute(DSL.sql("CREATE FUNCTION refuse_shipment() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "IF NEW.tracking_number = 'EZ2000000002' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$"));
        dsl.execute(DSL.sql("CREATE TRIGGER refuse_shipment BEFORE INSERT ON shipments FOR EACH ROW EXECUTE FUNCTION refuse_shipment()"));
        byte[] body = new String(fixture("easypost-tracker-updated"), StandardCharsets.UTF_8)
                .replace("EZ1000000001", "EZ2000000002").replace("evt_55a53eb2556b11ed8945059f515d2b6d", "evt_refused")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> refused = deliver(Provider.EASYPOST, body);
        assertProblem(refused, 500, null);
        var kept = dsl.selectFrom(WEBHOOK_INBOX).where(WEBHOOK_INBOX.DELIVERY_ID.eq("evt_refused")).fetchSingle();
        assertEquals("failed", kept.getStatus());
        assertNotNull(kept.getLastError());
        assertEquals(0, dsl.fetchCount(SHIPMENTS, SHIPMENTS.TRACKING_NUMBER.eq("EZ2000000002")));

        // the provider retries while the problem lasts: still kept, attempts counted
        assertProblem(deliver(Provider.EASYPOST, body), 500, null);
        assertEquals(2, dsl.select(WEBHOOK_INBOX.ATTEMPTS).from(WEBHOOK_INBOX).where(WEBHOOK_INBOX.ID.eq(kept.getId()))
                .fetchOne().value1());

        dsl.execute(DSL.sql("DROP TRIGGER refuse_shipment ON shipments"));
        assertEquals(List.of(kept.getId()), inbox().failed(merchant));
        var outcome = inbox().replay(merchant, kept.getId()).orElseThrow();
        assertEquals(3, outcome.eventsStored());
        assertEquals("processed", dsl.select(WEBHOOK_INBOX.STATUS).from(WEBHOOK_INBOX).where(WEBHOOK_INBOX.ID.eq(kept.getId()))
                .fetchOne().value1());
        assertEquals("duplicate", json(deliver(Provider.EASYPOST, body)).get("status").asText());
    }

    private static WebhookInbox inbox() {
        Clock clock = Clock.systemUTC();
        EventIngestion ingestion = new EventIngestion(dsl, clock, Duration.ofDays(30));
        return new WebhookInbox(dsl, new OrderWriter(clock), new ShipmentWriter(ingestion, clock), clock);
    }
}
