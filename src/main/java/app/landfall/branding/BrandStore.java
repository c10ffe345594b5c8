package app.landfall.branding;

import static app.landfall.db.schema.Tables.BRANDS;
import static app.landfall.db.schema.Tables.BRAND_VERSIONS;
import static app.landfall.db.schema.Tables.MERCHANTS;

import app.landfall.db.schema.tables.records.BrandVersionsRecord;
import app.landfall.db.schema.tables.records.BrandsRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/**
 * The one writer of {@code brands} and {@code brand_versions}: a store's brand as it is created
 * (with the store, by the demo or the benchmark data) and changed in the branding editor, each
 * change keeping the values before it so the last save can be undone. All in the caller's transaction.
 */
public final class BrandStore {
    private BrandStore() {
    }

    /** A new brand as given (its merchant, name and whatever else the record sets); returns its id. */
    public static long create(DSLContext tx, BrandsRecord brand) {
        return tx.insertInto(BRANDS).set(brand).returning(BRANDS.ID).fetchSingle(BRANDS.ID);
    }

    /** The merchant's default brand, made (named after the store) when it has none yet, e.g. a store made from the command line. */
    static BrandsRecord defaultBrand(DSLContext tx, long merchantId) {
        var brand = tx.selectFrom(BRANDS).where(BRANDS.MERCHANT_ID.eq(merchantId)).and(BRANDS.IS_DEFAULT).fetchOne();
        if (brand != null) {
            return brand;
        }
        String name = tx.select(MERCHANTS.NAME).from(MERCHANTS).where(MERCHANTS.ID.eq(merchantId)).fetchSingle(MERCHANTS.NAME);
        return tx.insertInto(BRANDS).set(BRANDS.MERCHANT_ID, merchantId).set(BRANDS.NAME, name).set(BRANDS.IS_DEFAULT, true)
                .onConflictDoNothing().returning().fetchOptional()
                .orElseGet(() -> tx.selectFrom(BRANDS).where(BRANDS.MERCHANT_ID.eq(merchantId)).and(BRANDS.IS_DEFAULT).fetchSingle());
    }

    /** The editor's fields of a brand (colours, font, support contact, languages, header links as JSON). */
    static void apply(DSLContext tx, long merchantId, long brandId, BrandingEditor.Draft d, String headerLinks) {
        tx.update(BRANDS)
                .set(BRANDS.PRIMARY_COLOR, d.primary()).set(BRANDS.ACCENT_COLOR, d.accent())
                .set(BRANDS.BACKGROUND_COLOR, d.background()).set(BRANDS.TEXT_COLOR, d.text()).set(BRANDS.FONT, d.font())
                .set(BRANDS.SUPPORT_EMAIL, d.supportEmail()).set(BRANDS.SUPPORT_PHONE, d.supportPhone())
                .set(BRANDS.SUPPORT_URL, d.supportUrl())
                .set(BRANDS.LANGUAGES, d.languages().toArray(String[]::new)).set(BRANDS.DEFAULT_LANGUAGE, d.defaultLanguage())
                .set(BRANDS.HEADER_LINKS, JSONB.valueOf(headerLinks))
                .where(BRANDS.MERCHANT_ID.eq(merchantId)).and(BRANDS.ID.eq(brandId)).execute();
    }

    static void setLogo(DSLContext tx, long merchantId, long brandId, String url) {
        tx.update(BRANDS).set(BRANDS.LOGO_URL, url).where(BRANDS.MERCHANT_ID.eq(merchantId)).and(BRANDS.ID.eq(brandId)).execute();
    }

    static void setMarketing(DSLContext tx, long merchantId, long brandId, String json) {
        tx.update(BRANDS).set(BRANDS.MARKETING, JSONB.valueOf(json))
                .where(BRANDS.MERCHANT_ID.eq(merchantId)).and(BRANDS.ID.eq(brandId)).execute();
    }

    /** Keeps the brand as it is before a change ({@code snapshot}), for "Undo the last save". */
    static void keepVersion(DSLContext tx, long merchantId, long brandId, long savedBy, String snapshot) {
        tx.insertInto(BRAND_VERSIONS).set(BRAND_VERSIONS.MERCHANT_ID, merchantId).set(BRAND_VERSIONS.BRAND_ID, brandId)
                .set(BRAND_VERSIONS.SNAPSHOT, JSONB.valueOf(snapshot)).set(BRAND_VERSIONS.SAVED_BY, savedBy)
                .execute();
    }

    /** The last kept version, locked until the transaction ends; null when there is none. */
    static BrandVersionsRecord lastVersion(DSLContext tx, long merchantId, long brandId) {
        return tx.selectFrom(BRAND_VERSIONS).where(BRAND_VERSIONS.MERCHANT_ID.eq(merchantId))
                .and(BRAND_VERSIONS.BRAND_ID.eq(brandId)).orderBy(BRAND_VERSIONS.ID.desc()).limit(1).forUpdate().fetchOne();
    }

    /** A version restored by an undo is used up. */
    static void dropVersion(DSLContext tx, long merchantId, long versionId) {
        tx.deleteFrom(BRAND_VERSIONS).where(BRAND_VERSIONS.MERCHANT_ID.eq(merchantId)).and(BRAND_VERSIONS.ID.eq(versionId)).execute();
    }
}
