package app.landfall.api;

import static app.landfall.db.schema.Tables.API_KEYS;
import static app.landfall.db.schema.Tables.MERCHANTS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.landfall.db.Database;
import app.landfall.testing.TestDatabase;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keys are remembered for a few seconds: a revoked key stops working within that time. */
class ApiKeysIT {
    private static Database database;
    private static DSLContext dsl;

    @BeforeAll
    static void start() {
        database = Database.start(TestDatabase.config());
        dsl = database.dsl();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void a_revoked_key_stops_working_once_the_cached_lookup_expires() {
        long merchant = dsl.insertInto(MERCHANTS).set(MERCHANTS.SLUG, "keys").set(MERCHANTS.NAME, "Keys")
                .returning(MERCHANTS.ID).fetchOne().getId();
        AtomicLong nanos = new AtomicLong();
        ApiKeys keys = new ApiKeys(dsl, nanos::get);
        String key = keys.create(merchant, "test");
        assertEquals(Optional.of(merchant), keys.merchantFor(key));
        assertEquals(Optional.empty(), keys.merchantFor(key + "x"));

        dsl.update(API_KEYS).set(API_KEYS.REVOKED_AT, OffsetDateTime.now()).where(API_KEYS.MERCHANT_ID.eq(merchant)).execute();
        nanos.addAndGet(ApiKeys.CACHE_FOR.toNanos() - 1);
        assertEquals(Optional.of(merchant), keys.merchantFor(key), "still cached");
        nanos.addAndGet(1);
        assertEquals(Optional.empty(), keys.merchantFor(key));
        assertEquals(Optional.empty(), new ApiKeys(dsl).merchantFor(key));
    }
}
