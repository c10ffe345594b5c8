package app.landfall.outbound;

import static app.landfall.db.schema.Tables.WEBHOOK_DELIVERIES;
import static app.landfall.db.schema.Tables.WEBHOOK_ENDPOINTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import app.landfall.db.Database;
import app.landfall.images.PublicHttp;
import app.landfall.notifications.Outbox;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding against webhooks: an endpoint whose name answers an allowed address to the check and
 * a forbidden one a moment later is not posted to at the forbidden one. On loopback only: 127.0.0.1
 * (a server listens) plays the private network, 127.0.0.2 (nothing listens) the public internet.
 */
class PinnedWebhookIT {
    @Test
    void a_delivery_goes_to_the_address_that_was_checked_not_to_a_later_answer() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer local = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        local.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        local.start();
        AtomicInteger lookups = new AtomicInteger();
        PublicHttp.Resolver rebinding = host -> new InetAddress[] {
                InetAddress.getByName(lookups.incrementAndGet() == 1 ? "127.0.0.2" : "127.0.0.1")};
        try (Database db = Database.start(TestDatabase.config())) {
            DSLContext dsl = db.dsl();
            long merchant = TestMerchants.create(dsl, "rebound");
            long endpoint = dsl.insertInto(WEBHOOK_ENDPOINTS).set(WEBHOOK_ENDPOINTS.MERCHANT_ID, merchant)
                    .set(WEBHOOK_ENDPOINTS.URL, "http://localhost:" + local.getAddress().getPort() + "/hooks")
                    .set(WEBHOOK_ENDPOINTS.SECRET, "whsec_0123456789abcdefghijklmnopqrstuvwxyz")
                    .returning(WEBHOOK_ENDPOINTS.ID).fetchSingle(WEBHOOK_ENDPOINTS.ID);
            long delivery = dsl.insertInto(WEBHOOK_DELIVERIES).set(WEBHOOK_DELIVERIES.MERCHANT_ID, merchant)
                    .set(WEBHOOK_DELIVERIES.ENDPOINT_ID, endpoint).set(WEBHOOK_DELIVERIES.EVENT_TYPE, "test.ping")
                    .set(WEBHOOK_DELIVERIES.EVENT_KEY, "test:1").set(WEBHOOK_DELIVERIES.PAYLOAD, JSONB.valueOf("{\"type\":\"test.ping\"}"))
                    .set(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT, OffsetDateTime.now().minusSeconds(1))
                    .returning(WEBHOOK_DELIVERIES.ID).fetchSingle(WEBHOOK_DELIVERIES.ID);
            OutboundWebhooks webhooks = new OutboundWebhooks(dsl, new Outbox(), Clock.systemUTC(), true,
                    new PublicHttp("test-webhooks", rebinding, address -> !address.getHostAddress().equals("127.0.0.1"),
                            Duration.ofSeconds(2)));

            assertEquals(0, webhooks.send());
            assertEquals(0, hits.get(), "the server on the forbidden address was reached");
            var row = dsl.selectFrom(WEBHOOK_DELIVERIES).where(WEBHOOK_DELIVERIES.ID.eq(delivery)).fetchSingle();
            assertEquals("pending", row.getStatus(), "a failed try is tried again later");
            assertNotNull(row.getLastError());
        } finally {
            local.stop(0);
        }
    }
}
