package app.landfall.bench;

import static app.landfall.db.schema.Tables.BRANDS;
import static app.landfall.db.schema.Tables.MERCHANTS;

import app.landfall.db.schema.tables.records.BrandsRecord;
import app.landfall.branding.BrandStore;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/** The merchants bench-1 .. bench-N the generated data belongs to. */
final class BenchMerchants {
    record Merchant(int index, long id, long brandId) {
    }

    private BenchMerchants() {
    }

    /** bench-1 .. bench-N with a default brand each, created when missing and reused otherwise. */
    static List<Merchant> createOrReuse(DSLContext dsl, int count, Totals totals) {
        return dsl.transactionResult(tx -> {
            List<Merchant> merchants = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String slug = "bench-" + (i + 1);
                String name = "Bench Store " + (i + 1);
                totals.merchants += tx.dsl().insertInto(MERCHANTS, MERCHANTS.SLUG, MERCHANTS.NAME)
                        .values(slug, name)
                        .onConflict(MERCHANTS.SLUG).doNothing()
                        .execute();
                long id = tx.dsl().select(MERCHANTS.ID).from(MERCHANTS).where(MERCHANTS.SLUG.eq(slug)).fetchSingle(MERCHANTS.ID);
                Long brandId = tx.dsl().select(BRANDS.ID).from(BRANDS)
                        .where(BRANDS.MERCHANT_ID.eq(id)).and(BRANDS.IS_DEFAULT)
                        .fetchOne(BRANDS.ID);
                if (brandId == null) {
                    brandId = BrandStore.create(tx.dsl(), new BrandsRecord()
                            .with(BRANDS.MERCHANT_ID, id)
                            .with(BRANDS.NAME, name)
                            .with(BRANDS.IS_DEFAULT, true)
                            .with(BRANDS.SUPPORT_EMAIL, "support@" + slug + ".example.com"));
                    totals.brands++;
                }
                merchants.add(new Merchant(i, id, brandId));
            }
            return merchants;
        });
    }
}
