package app.landfall.outbound;

import static app.landfall.db.schema.Tables.MERCHANT_USERS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_ITEMS;
import static app.landfall.db.schema.Tables.WEBHOOK_DELIVERIES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.Landfall;
import app.landfall.testing.AdminClient;
import app.landfall.auth.Passwords;
import app.landfall.auth.Tokens;
import app.landfall.returns.ReturnActions;
import app.landfall.testing.TestClock;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import app.landfall.testing.TestOrders;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/** A merchant's endpoint (a real HTTP server here) receives signed return events, and a refused delivery is tried again. */
class OutboundWebhooksIT {
    record Received(String event, String delivery, String signature, String body) {
    }

    @Test
    void an_approved_return_reaches_the_endpoint_signed_and_a_failed_delivery_is_retried() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger answer = new AtomicInteger(500);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst("Landfall-Event"),
                    exchange.getRequestHeaders().getFirst("Landfall-Delivery"),
                    exchange.getRequestHeaders().getFirst("Landfall-Signature"), new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        server.start();
        // the server's own jobs are off: only this test's runs send, on its clock, so none can race it
        try (Landfall landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_WEBHOOKS_TO_ANY_HOST", "true",
                "LANDFALL_BACKGROUND_JOBS", "false")))) {
            DSLContext dsl = landfall.database().dsl();
            long merchant = TestMerchants.create(dsl, "hooked");
            dsl.insertInto(MERCHANT_USERS).set(MERCHANT_USERS.MERCHANT_ID, merchant).set(MERCHANT_USERS.EMAIL, "owner@hooked.example")
                    .set(MERCHANT_USERS.NAME, "Owner").set(MERCHANT_USERS.PASSWORD_HASH, Passwords.hash("a long test passphrase"))
                    .set(MERCHANT_USERS.ROLE, "owner").execute();
            AdminClient client = new AdminClient(landfall.baseUrl());
            assertEquals(303, client.signIn("owner@hooked.example", "a long test passphrase").statusCode());
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
            String page = client.submit("/admin/integrations", "/admin/integrations/endpoints", Map.of("url", url)).body();
            String secret = page.replaceAll("(?s).*id=\"new-secret\"[^>]*value=\"(whsec_[A-Za-z0-9_-]+)\".*", "$1");
            assertTrue(secret.startsWith("whsec_"), "the secret is shown once");

            var order = TestOrders.delivered(dsl, merchant, "H-1", OffsetDateTime.now());
            long returnId = dsl.insertInto(RETURNS).set(RETURNS.MERCHANT_ID, merchant).set(RETURNS.RMA_NUMBER, "R-HHHHHH")
                    .set(RETURNS.ORDER_ID, order.orderId()).set(RETURNS.RESOLUTION, "refund").set(RETURNS.METHOD, "printable_label")
                    .set(RETURNS.PUBLIC_TOKEN, Tokens.newToken()).returning(RETURNS.ID).fetchSingle(RETURNS.ID);
            dsl.insertInto(RETURN_ITEMS).set(RETURN_ITEMS.MERCHANT_ID, merchant).set(RETURN_ITEMS.RETURN_ID, returnId)
                    .set(RETURN_ITEMS.ORDER_ITEM_ID, order.itemId()).set(RETURN_ITEMS.QUANTITY, 1).execute();
            assertTrue(new ReturnActions(dsl, Clock.systemUTC(), new app.landfall.notifications.Outbox()).approve(merchant, returnId).done());

            TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.MICROS));
            OutboundWebhooks webhooks = new OutboundWebhooks(dsl, new app.landfall.notifications.Outbox(), clock, true);
            var approved = WEBHOOK_DELIVERIES.MERCHANT_ID.eq(merchant).and(WEBHOOK_DELIVERIES.EVENT_TYPE.eq("return.approved"));
            webhooks.enqueue();
            assertEquals(0, webhooks.send(), "the endpoint answered 500");
            var delivery = dsl.selectFrom(WEBHOOK_DELIVERIES).where(approved).fetchSingle();
            assertEquals("pending", delivery.getStatus(), "a 500 is tried again later");
            assertEquals(1, delivery.getAttempts());
            assertEquals(500, delivery.getLastStatus());
            assertEquals(clock.instant().plus(Duration.ofMinutes(1)), delivery.getNextAttemptAt().toInstant(), "after a minute");

            answer.set(204);
            clock.advance(Duration.ofSeconds(59));
            assertEquals(0, webhooks.send(), "not before its minute is over");
            clock.advance(Duration.ofSeconds(1));
            assertEquals(1, webhooks.send());
            assertEquals("delivered", dsl.select(WEBHOOK_DELIVERIES.STATUS).from(WEBHOOK_DELIVERIES)
                    .where(WEBHOOK_DELIVERIES.ID.eq(delivery.getId())).fetchSingle(WEBHOOK_DELIVERIES.STATUS));

            Received last = received.stream().filter(r -> "return.approved".equals(r.event())).reduce((a, b) -> b).orElseThrow();
            assertEquals(String.valueOf(delivery.getId()), last.delivery(), "the same delivery id on every try");
            assertTrue(last.body().replace(" ", "").contains("\"rma\":\"R-HHHHHH\""), last.body());
            String t = last.signature().replaceAll("t=(\\d+),v1=.*", "$1");
            assertEquals("t=" + t + ",v1=" + OutboundWebhooks.sign(secret, t + "." + last.body()), last.signature());

            // a parcel's status change after the endpoint was added becomes a shipment.* event
            long shipment = dsl.select(app.landfall.db.schema.Tables.SHIPMENTS.ID).from(app.landfall.db.schema.Tables.SHIPMENTS)
                    .where(app.landfall.db.schema.Tables.SHIPMENTS.MERCHANT_ID.eq(merchant))
                    .and(app.landfall.db.schema.Tables.SHIPMENTS.DIRECTION.eq("outbound")).fetchSingle(app.landfall.db.schema.Tables.SHIPMENTS.ID);
            var C = app.landfall.db.schema.Tables.SHIPMENT_STATUS_CHANGES;
            dsl.insertInto(C).set(C.MERCHANT_ID, merchant).set(C.SHIPMENT_ID, shipment).set(C.FROM_STATUS, "InTransit")
                    .set(C.TO_STATUS, "OutForDelivery").set(C.CHANGED_AT, OffsetDateTime.now()).execute();
            var outForDelivery = WEBHOOK_DELIVERIES.MERCHANT_ID.eq(merchant).and(WEBHOOK_DELIVERIES.EVENT_TYPE.eq("shipment.out_for_delivery"));
            webhooks.enqueue();
            assertEquals(1, webhooks.send());
            Received parcel = received.stream().filter(r -> "shipment.out_for_delivery".equals(r.event())).findFirst().orElseThrow();
            assertTrue(parcel.body().replace(" ", "").contains("\"tracking_number\":\"1ZH1\""), parcel.body());
            assertEquals(1, dsl.fetchCount(WEBHOOK_DELIVERIES, outForDelivery), "each change once");
            assertEquals(List.of("return.approved", "return.approved", "shipment.out_for_delivery"),
                    received.stream().map(Received::event).toList(), "only this test's three sends reached the endpoint");
            assertTrue(client.get("/admin/integrations").body().contains("return.approved"), "the delivery log lists it");
        } finally {
            server.stop(0);
        }
    }
}
