package app.landfall.testing;

import static app.landfall.db.schema.Tables.MERCHANTS;

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
}
