package app.landfall;

import static app.landfall.db.schema.Tables.API_KEYS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.api.ApiKeys;
import app.landfall.demo.DemoCredentials;
import app.landfall.testing.Http;
import app.landfall.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo store's published API key and webhook secrets are printed at start-up and work. */
class DemoCredentialsIT {

    private static String banner(Landfall landfall) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        landfall.printWelcome(new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void prints_the_demo_key_and_secrets_and_the_key_works() {
        try (Landfall landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_DEMO", "true")))) {
            String banner = banner(landfall);
            assertTrue(banner.contains("API key: " + DemoCredentials.API_KEY + "\n"), banner);
            assertTrue(banner.contains("AfterShip webhook secret: demo-aftership-webhook-secret\n"), banner);
            assertTrue(banner.contains("EasyPost webhook secret: demo-easypost-webhook-secret\n"), banner);
            assertTrue(banner.contains("Shopify webhook secret: demo-shopify-webhook-secret\n"), banner);
            assertEquals(200, new Http(landfall.baseUrl()).get("/api/v1/shipments?limit=1", DemoCredentials.API_KEY).statusCode());

            // a revoked demo key stays revoked and is no longer advertised
            landfall.database().dsl().update(API_KEYS).set(API_KEYS.REVOKED_AT, java.time.OffsetDateTime.now()).execute();
            DemoCredentials.ensure(landfall.database().dsl());
            assertFalse(banner(landfall).contains("API key:"));
            // key checks refuse it (the running server's 5-second memory of keys is ApiKeysIT's subject)
            assertTrue(new ApiKeys(landfall.database().dsl()).merchantFor(DemoCredentials.API_KEY).isEmpty());
        }
    }

    @Test
    void without_the_demo_there_is_no_published_key() {
        try (Landfall landfall = Landfall.start(TestDatabase.config())) {
            String banner = banner(landfall);
            assertFalse(banner.contains("API key:"), banner);
            assertFalse(banner.contains("webhook secret"), banner);
            assertEquals(401, new Http(landfall.baseUrl()).get("/api/v1/shipments", DemoCredentials.API_KEY).statusCode());
        }
    }
}
