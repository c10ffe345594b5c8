package app.landfall.testing;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.NOTIFICATION_TIMING;

import org.jooq.DSLContext;

/** Merchants for integration tests: a slug, a name, nothing else. */
public final class TestMerchants {
    private TestMerchants() {
    }

    /** A new merchant with this slug (its name is the slug capitalised); returns its id. */
    public static long create(DSLContext dsl, String slug) {
        return dsl.insertInto(MERCHANTS)
                .set(MERCHANTS.SLUG, slug)
                .set(MERCHANTS.NAME, Character.toUpperCase(slug.charAt(0)) + slug.substring(1))
                .returning(MERCHANTS.ID).fetchOne().getId();
    }

    /**
     * Switches quiet hours off for every store there is, for tests about how messages are sent
     * rather than when: their customers (the demo's live in many time zones) are never held.
     */
    public static void withoutQuietHours(DSLContext dsl) {
        dsl.insertInto(NOTIFICATION_TIMING, NOTIFICATION_TIMING.MERCHANT_ID, NOTIFICATION_TIMING.QUIET_HOURS)
                .select(dsl.select(MERCHANTS.ID, org.jooq.impl.DSL.inline(false)).from(MERCHANTS))
                .onConflict(NOTIFICATION_TIMING.MERCHANT_ID).doUpdate().set(NOTIFICATION_TIMING.QUIET_HOURS, false)
                .execute();
    }
}
