package app.landfall;

import static app.landfall.db.schema.Tables.API_KEYS;
import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.MERCHANT_USERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.api.ApiKeys;
import app.landfall.auth.Passwords;
import app.landfall.config.Config;
import app.landfall.db.Database;
import app.landfall.demo.DemoCredentials;
import app.landfall.demo.DemoData;
import app.landfall.testing.Http;
import app.landfall.testing.TestDatabase;
import app.landfall.testing.TestMerchants;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/** The demo store's published password, API key and webhook secrets: printed at start-up and working, and only ever the demo's. */
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
            assertTrue(banner.contains("Admin password: " + DemoData.OWNER_PASSWORD + "\nMessages: "
                    + landfall.baseUrl() + "/admin/messages\n"), "the mailbox follows the admin's lines: " + banner);
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
    void the_demo_is_seeded_only_into_an_empty_database_and_never_comes_back_after_it_is_deleted() {
        Config config = TestDatabase.config(Map.of("LANDFALL_DEMO", "true"));
        try (Landfall landfall = Landfall.start(config)) {
            DSLContext dsl = landfall.database().dsl();
            TestMerchants.create(dsl, "real-store");
            dsl.transaction(cfg -> { // as the README says to delete a store
                DSLContext tx = org.jooq.impl.DSL.using(cfg);
                tx.execute("SET CONSTRAINTS ALL DEFERRED");
                assertEquals(1, tx.deleteFrom(MERCHANTS).where(MERCHANTS.SLUG.eq(DemoData.SLUG)).execute());
            });
        }
        try (Landfall restarted = Landfall.start(config)) {
            DSLContext dsl = restarted.database().dsl();
            assertFalse(dsl.fetchExists(MERCHANTS, MERCHANTS.SLUG.eq(DemoData.SLUG)), "a deleted demo store stays deleted");
            String banner = banner(restarted);
            assertFalse(banner.contains("password"), banner);
            assertEquals(401, new Http(restarted.baseUrl()).get("/api/v1/shipments", DemoCredentials.API_KEY).statusCode());
        }
        // a database that already holds a store is not empty: no demo beside it, even on its first start with the demo on
        Config occupied = TestDatabase.config(Map.of("LANDFALL_DEMO", "true"));
        try (Landfall first = Landfall.start(occupiedBy(occupied, "our-shop"))) {
            assertFalse(first.database().dsl().fetchExists(MERCHANTS, MERCHANTS.SLUG.eq(DemoData.SLUG)));
            assertFalse(banner(first).contains("Admin password"));
        }
    }

    @Test
    void a_store_that_merely_has_the_demo_slug_gets_no_published_credentials() {
        Config config = TestDatabase.config(Map.of("LANDFALL_DEMO", "true"));
        try (Landfall landfall = Landfall.start(occupiedBy(config, DemoData.SLUG))) {
            DSLContext dsl = landfall.database().dsl();
            long store = dsl.select(MERCHANTS.ID).from(MERCHANTS).where(MERCHANTS.SLUG.eq(DemoData.SLUG)).fetchSingle(MERCHANTS.ID);
            assertTrue(new ApiKeys(dsl).merchantFor(DemoCredentials.API_KEY).isEmpty(), "no published key for a real store called demo");
            assertTrue(new app.landfall.hooks.WebhookSecrets(dsl).all(store).isEmpty(), "no published webhook secrets either");
            String banner = banner(landfall);
            assertFalse(banner.contains("API key:") || banner.contains("webhook secret") || banner.contains("Admin password"), banner);
        }
    }

    @Test
    void the_banner_does_not_print_a_demo_password_that_was_changed() {
        try (Landfall landfall = Landfall.start(TestDatabase.config(Map.of("LANDFALL_DEMO", "true")))) {
            assertTrue(banner(landfall).contains("Admin password: " + DemoData.OWNER_PASSWORD + "\n"));
            landfall.database().dsl().update(MERCHANT_USERS).set(MERCHANT_USERS.PASSWORD_HASH, Passwords.hash("a-new-secret-passphrase"))
                    .where(MERCHANT_USERS.ROLE.eq("owner")).execute();
            String banner = banner(landfall);
            assertFalse(banner.contains(DemoData.OWNER_PASSWORD), banner);
            assertTrue(banner.contains("Admin email: "), "the rest of the demo's addresses are still printed: " + banner);
        }
    }

    /** The configuration's database, with one store already in it, as on a real installation. */
    private static Config occupiedBy(Config config, String slug) {
        try (Database db = Database.start(config)) {
            TestMerchants.create(db.dsl(), slug);
        }
        return config;
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
