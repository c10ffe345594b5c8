package app.landfall.demo;

import static app.landfall.db.schema.Tables.BRANDS;
import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.MERCHANT_USERS;
import static app.landfall.db.schema.Tables.RETURN_POLICIES;
import static app.landfall.db.schema.Tables.RETURN_REASONS;

import app.landfall.db.schema.tables.records.ReturnPoliciesRecord;
import app.landfall.returns.ReturnPolicies;
import app.landfall.db.schema.tables.records.BrandsRecord;
import app.landfall.branding.BrandStore;
import app.landfall.db.schema.tables.records.ProductVariantsRecord;

import app.landfall.db.schema.tables.records.ReturnReasonsRecord;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/** The demo merchant: Alder & Ash, its brand, its people, its shops, and how it takes things back. */
record DemoStore(long merchantId, long brandId, long policyId, Map<String, Long> reasonIds) {
    static final String NAME = "Alder & Ash Outfitters";
    static final String OWNER_EMAIL = "owner@alder-and-ash.example";
    private static final String SITE = "https://alder-and-ash.example";

    /** Empty when a merchant with the demo slug already exists (another instance got there first). */
    static Optional<DemoStore> create(DSLContext dsl, Instant now, String ownerHash, String staffHash) {
        OffsetDateTime opened = DemoRows.at(now.minus(Duration.ofDays(75)));
        Optional<Long> merchant = dsl.insertInto(MERCHANTS)
                .set(MERCHANTS.SLUG, DemoData.SLUG)
                .set(MERCHANTS.NAME, NAME)
                .set(MERCHANTS.TIMEZONE, "America/New_York")
                .set(MERCHANTS.CREATED_AT, opened)
                .set(MERCHANTS.IS_DEMO, true)
                .onConflict(MERCHANTS.SLUG).doNothing()
                .returning(MERCHANTS.ID)
                .fetchOptional(MERCHANTS.ID);
        if (merchant.isEmpty()) {
            return Optional.empty();
        }
        long merchantId = merchant.get();
        dsl.insertInto(MERCHANT_USERS, MERCHANT_USERS.MERCHANT_ID, MERCHANT_USERS.EMAIL, MERCHANT_USERS.NAME,
                        MERCHANT_USERS.PASSWORD_HASH, MERCHANT_USERS.ROLE, MERCHANT_USERS.CREATED_AT)
                .values(merchantId, OWNER_EMAIL, "Rowan Ashby", ownerHash, "owner", opened)
                .values(merchantId, "sam@alder-and-ash.example", "Sam Okafor", staffHash, "support",
                        DemoRows.at(now.minus(Duration.ofDays(41))))
                .execute();
        long brandId = BrandStore.create(dsl, new BrandsRecord()
                .with(BRANDS.MERCHANT_ID, merchantId)
                .with(BRANDS.NAME, NAME)
                .with(BRANDS.IS_DEFAULT, true)
                .with(BRANDS.LOGO_URL, "/static/img/demo/logo.svg")
                .with(BRANDS.PRIMARY_COLOR, "#2f5d50")
                .with(BRANDS.ACCENT_COLOR, "#b5542d")
                .with(BRANDS.BACKGROUND_COLOR, "#ffffff")
                .with(BRANDS.TEXT_COLOR, "#1b1b1b")
                .with(BRANDS.FONT, "humanist")
                .with(BRANDS.LANGUAGES, new String[] {"en", "de", "fr", "es"})
                .with(BRANDS.DEFAULT_LANGUAGE, "en")
                .with(BRANDS.SUPPORT_EMAIL, "support@alder-and-ash.example")
                .with(BRANDS.SUPPORT_PHONE, "+1 802-555-0147")
                .with(BRANDS.SUPPORT_URL, SITE + "/help")
                .with(BRANDS.HEADER_LINKS, json(List.of(
                        link("Shop", SITE + "/shop"),
                        link("Journal", SITE + "/journal"),
                        link("Help", SITE + "/help"))))
                .with(BRANDS.MARKETING, json(marketing()))
                .with(BRANDS.CREATED_AT, opened)
                .with(BRANDS.UPDATED_AT, opened));
        long policyId = ReturnPolicies.create(dsl, new ReturnPoliciesRecord()
                .with(RETURN_POLICIES.MERCHANT_ID, merchantId)
                .with(RETURN_POLICIES.NAME, "Standard returns")
                .with(RETURN_POLICIES.IS_DEFAULT, true)
                .with(RETURN_POLICIES.WINDOW_DAYS, 30)
                .with(RETURN_POLICIES.WINDOW_STARTS_AT, "delivered")
                .with(RETURN_POLICIES.ALLOW_REFUND, true)
                .with(RETURN_POLICIES.ALLOW_STORE_CREDIT, true)
                .with(RETURN_POLICIES.ALLOW_EXCHANGE, true)
                .with(RETURN_POLICIES.STORE_CREDIT_BONUS_PERCENT, new BigDecimal("10"))
                .with(RETURN_POLICIES.METHODS, new String[] {"qr_dropoff", "printable_label", "in_store"})
                .with(RETURN_POLICIES.EXCLUDED_PRODUCT_TAGS, new String[] {"gift-card"})
                .with(RETURN_POLICIES.FINAL_SALE_RETURNABLE, false)
                .with(RETURN_POLICIES.FEES_WAIVED_FOR_EXCHANGE, true)
                .with(RETURN_POLICIES.RETURN_TO_NAME, "Alder & Ash Returns")
                .with(RETURN_POLICIES.RETURN_TO_LINE1, "88 Harvest Lane, Dock 3")
                .with(RETURN_POLICIES.RETURN_TO_CITY, DemoRoutes.WAREHOUSE.city())
                .with(RETURN_POLICIES.RETURN_TO_REGION, DemoRoutes.WAREHOUSE.region())
                .with(RETURN_POLICIES.RETURN_TO_POSTAL_CODE, DemoRoutes.WAREHOUSE.postalCode())
                .with(RETURN_POLICIES.RETURN_TO_COUNTRY, DemoRoutes.WAREHOUSE.country())
                .with(RETURN_POLICIES.CREATED_AT, opened)
                .with(RETURN_POLICIES.UPDATED_AT, opened));
        List<ReturnReasonsRecord> reasons = List.of(
                reason(merchantId, "too_small", "Too small", false, 1),
                reason(merchantId, "too_large", "Too large", false, 2),
                reason(merchantId, "not_as_described", "Not as described", false, 3),
                reason(merchantId, "damaged", "Arrived damaged or faulty", true, 4),
                reason(merchantId, "changed_mind", "Changed my mind", false, 5),
                reason(merchantId, "wrong_item", "Received the wrong item", false, 6));
        Map<String, Long> reasonIds = new HashMap<>();
        DemoRows.insert(dsl, reasons, RETURN_REASONS.ID, RETURN_REASONS.CODE)
                .forEach(r -> reasonIds.put(r.getCode(), r.getId()));
        DemoRows.insert(dsl, variants(merchantId));
        DemoRows.insert(dsl, DemoLocations.of(merchantId, opened));
        return Optional.of(new DemoStore(merchantId, brandId, policyId, reasonIds));
    }

    private static Map<String, Object> marketing() {
        return Map.of(
                "headline", "Layers for the shoulder season",
                "body", "Crisp mornings, warm afternoons: our merino and insulated pieces are built to go on and off all day.",
                "banner_image_url", "/static/img/demo/banner.svg",
                "banner_url", SITE + "/collections/shoulder-season",
                "recommendations", List.of(
                        recommendation("Merino Rib Beanie", "beanie", "/products/merino-rib-beanie", "$32.00"),
                        recommendation("Enamel Camp Mug", "mug", "/products/enamel-camp-mug", "$18.00"),
                        recommendation("Switchback 28L Daypack", "backpack", "/products/switchback-28l-daypack", "$98.00")));
    }

    private static Map<String, String> recommendation(String title, String picture, String path, String price) {
        return Map.of("title", title, "image_url", "/static/img/demo/" + picture + ".svg", "url", SITE + path, "price", price);
    }

    private static Map<String, String> link(String label, String url) {
        return Map.of("label", label, "url", url);
    }

    private static ReturnReasonsRecord reason(long merchantId, String code, String label, boolean comment, int position) {
        // a damaged item is looked at by a person before the refund (the comment and photos show what happened)
        // a size is wrong only for things that come in sizes: no "too small" for a mug
        String[] sized = code.startsWith("too_") ? new String[] {"apparel", "footwear"} : new String[0];
        return new ReturnReasonsRecord().setMerchantId(merchantId).setCode(code).setLabel(label).setRequiresComment(comment)
                .setRequiresPhotos(code.equals("damaged")).setRequiresReview(code.equals("damaged")).setActive(true).setPosition(position)
                .setOnlyTags(sized);
    }

    /** Every size and colour of the catalog, in stock: what an exchange can offer instead. */
    private static List<ProductVariantsRecord> variants(long merchantId) {
        List<ProductVariantsRecord> rows = new java.util.ArrayList<>();
        for (DemoCatalog.Product product : DemoCatalog.PRODUCTS) {
            List<String> sizes = product.sizes().isEmpty() ? java.util.Collections.singletonList(null) : product.sizes();
            for (String size : sizes) {
                for (String colour : product.colours()) {
                    String title = product.variantTitle(size, colour);
                    if (title != null) {
                        rows.add(new ProductVariantsRecord().setMerchantId(merchantId).setProductTitle(product.title())
                                .setVariantTitle(title).setSku(product.sku(size, colour)).setInStock(true).setPosition(rows.size()));
                    }
                }
            }
        }
        return rows;
    }

    private static JSONB json(Object value) {
        try {
            return JSONB.valueOf(new ObjectMapper().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings always serialise", e);
        }
    }
}
