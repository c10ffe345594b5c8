package app.landfall.merchants;

import static app.landfall.db.schema.Tables.BRANDS;
import static app.landfall.db.schema.Tables.MERCHANTS;

import java.util.Optional;
import org.jooq.DSLContext;

/** Looks merchants up by the slug in their public URLs. */
public final class Merchants {
    private final DSLContext dsl;

    public Merchants(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<Merchant> bySlug(String slug) {
        return dsl.select(MERCHANTS.ID, MERCHANTS.SLUG, MERCHANTS.NAME, BRANDS.NAME)
                .from(MERCHANTS)
                .leftJoin(BRANDS).on(BRANDS.MERCHANT_ID.eq(MERCHANTS.ID)).and(BRANDS.IS_DEFAULT)
                .where(MERCHANTS.SLUG.eq(slug))
                .fetchOptional(r -> new Merchant(r.value1(), r.value2(), r.value4() == null ? r.value3() : r.value4()));
    }

    /** A merchant as its customers know it: the default brand's name, else the merchant's. */
    public record Merchant(long id, String slug, String displayName) {
    }
}
