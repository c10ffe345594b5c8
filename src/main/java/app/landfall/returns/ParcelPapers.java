package app.landfall.returns;

import static app.landfall.db.schema.Tables.BRANDS;
import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.ORDER_ITEMS;
import static app.landfall.db.schema.Tables.RETURN_POLICIES;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.SHIPMENT_ITEMS;

import app.landfall.i18n.Languages;
import app.landfall.merchants.Merchants;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * What goes in an outbound parcel so its return starts from a scan: the QR code of the parcel's
 * return link and the packing slip with it, one parcel's or a day's; and the store-wide QR code of
 * its returns page. Read-only, always within one merchant.
 */
public final class ParcelPapers {
    /** A day's slips in one PDF: more parcels than this come in parts (a PDF of thousands of pages helps no printer). */
    public static final int DAY_LIMIT = 200;
    private final DSLContext dsl;

    ParcelPapers(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Where a shopper starts a return of this parcel's order (its tracking page's link); none for a return parcel. */
    public static String returnStartUrl(String site, String direction, String publicToken) {
        return "return".equals(direction) ? null : site + "/t/" + publicToken + "/return";
    }

    /** The store's returns page, where anyone starts a return with an order number and email. */
    public static String storeReturnsUrl(String site, String slug) {
        return site + "/" + slug + "/returns";
    }

    /** One of the merchant's parcels; {@code returnStartUrl} is null for a parcel on its way back. */
    public record Parcel(long id, String trackingNumber, String returnStartUrl) {
    }

    public Optional<Parcel> parcel(long merchantId, long shipmentId, String site) {
        return dsl.select(SHIPMENTS.ID, SHIPMENTS.TRACKING_NUMBER, SHIPMENTS.DIRECTION, SHIPMENTS.PUBLIC_TOKEN).from(SHIPMENTS)
                .where(SHIPMENTS.MERCHANT_ID.eq(merchantId)).and(SHIPMENTS.ID.eq(shipmentId))
                .fetchOptional(r -> new Parcel(r.value1(), r.value2(), returnStartUrl(site, r.value3(), r.value4())));
    }

    /** The outbound parcels created on a day in the store's time zone, oldest first; {@code part} counts from 1. */
    public record Day(LocalDate date, int parcels, List<Long> ids) {
        public int parts() {
            return (parcels + DAY_LIMIT - 1) / DAY_LIMIT;
        }
    }

    public Day day(long merchantId, ZoneId zone, LocalDate date, int part) {
        OffsetDateTime from = date.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime until = date.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        var where = SHIPMENTS.MERCHANT_ID.eq(merchantId).and(SHIPMENTS.DIRECTION.eq("outbound"))
                .and(SHIPMENTS.CREATED_AT.ge(from)).and(SHIPMENTS.CREATED_AT.lt(until));
        int count = dsl.fetchCount(SHIPMENTS, where);
        List<Long> ids = dsl.select(SHIPMENTS.ID).from(SHIPMENTS).where(where).orderBy(SHIPMENTS.CREATED_AT, SHIPMENTS.ID)
                .limit(DAY_LIMIT).offset((long) (part - 1) * DAY_LIMIT).fetch(SHIPMENTS.ID);
        return new Day(date, count, ids);
    }

    /** The slips of these parcels (outbound ones only; the others are left out) as one PDF, in the order given. */
    public void packingSlips(long merchantId, List<Long> shipmentIds, String site, String title, OutputStream out) {
        List<OutboundSlips.Slip> slips = slips(merchantId, shipmentIds, site);
        OutboundSlips.write(slips, title, storeName(merchantId), out);
    }

    String storeName(long merchantId) {
        return dsl.select(MERCHANTS.NAME).from(MERCHANTS).where(MERCHANTS.ID.eq(merchantId)).fetchSingle(MERCHANTS.NAME);
    }

    /** The store's name, the URL of its returns page and the language its printed sign is in. */
    public record Store(String name, String returnsUrl, Locale language) {
    }

    public Store store(long merchantId, String site) {
        var m = dsl.select(MERCHANTS.NAME, MERCHANTS.SLUG, brandLanguage(null)).from(MERCHANTS).where(MERCHANTS.ID.eq(merchantId))
                .fetchSingle();
        return new Store(m.value1(), storeReturnsUrl(site, m.value2()), locale(m.value3()));
    }

    /** The order's brand's language (null: the store's default brand's). */
    private static org.jooq.Field<String> brandLanguage(org.jooq.Field<Long> brand) {
        var own = brand == null ? BRANDS.IS_DEFAULT : BRANDS.ID.eq(brand).or(brand.isNull().and(BRANDS.IS_DEFAULT));
        return DSL.field(DSL.select(BRANDS.DEFAULT_LANGUAGE).from(BRANDS).where(BRANDS.MERCHANT_ID.eq(MERCHANTS.ID)).and(own)
                .orderBy(BRANDS.ID).limit(1)).as("brand_language");
    }

    private static Locale locale(String language) {
        return Locale.forLanguageTag(language != null && Languages.SUPPORTED.contains(language) ? language : "en");
    }

    List<OutboundSlips.Slip> slips(long merchantId, List<Long> shipmentIds, String site) {
        if (shipmentIds.isEmpty()) {
            return List.of();
        }
        var policyRow = dsl.selectFrom(RETURN_POLICIES).where(RETURN_POLICIES.MERCHANT_ID.eq(merchantId)).and(RETURN_POLICIES.IS_DEFAULT)
                .fetchOne();
        ReturnPolicy policy = policyRow == null ? ReturnFacts.DEFAULT_POLICY : ReturnFacts.policy(policyRow, List.of());
        var rows = dsl.select(SHIPMENTS.ID, SHIPMENTS.PUBLIC_TOKEN, SHIPMENTS.ORDER_ID, SHIPMENTS.TRACKING_NUMBER, ORDERS.ORDER_NUMBER,
                        ORDERS.PLACED_AT, ORDERS.LANGUAGE, ORDERS.PAGE_LANGUAGE, ORDERS.CURRENCY, ORDERS.CUSTOMER_NAME,
                        ORDERS.SHIPPING_ADDRESS_LINE1, ORDERS.SHIPPING_ADDRESS_LINE2, ORDERS.SHIPPING_CITY, ORDERS.SHIPPING_REGION,
                        ORDERS.SHIPPING_POSTAL_CODE, ORDERS.SHIPPING_COUNTRY, MERCHANTS.NAME, MERCHANTS.TIMEZONE, brandLanguage(ORDERS.BRAND_ID))
                .from(SHIPMENTS)
                .join(MERCHANTS).on(MERCHANTS.ID.eq(SHIPMENTS.MERCHANT_ID))
                .leftJoin(ORDERS).on(ORDERS.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID)).and(ORDERS.ID.eq(SHIPMENTS.ORDER_ID))
                .where(SHIPMENTS.MERCHANT_ID.eq(merchantId)).and(SHIPMENTS.ID.in(shipmentIds)).and(SHIPMENTS.DIRECTION.eq("outbound"))
                .fetchMap(SHIPMENTS.ID);
        Map<Long, List<OutboundSlips.Line>> items = items(merchantId, shipmentIds);
        List<OutboundSlips.Slip> slips = new ArrayList<>();
        for (long id : shipmentIds) {
            var r = rows.get(id);
            if (r == null) {
                continue;
            }
            // the order's language (from the store's system), else the one its customer chose on a page, else its brand's
            Locale locale = locale(Optional.ofNullable(r.get(ORDERS.LANGUAGE)).or(() -> Optional.ofNullable(r.get(ORDERS.PAGE_LANGUAGE)))
                    .orElse(r.get("brand_language", String.class)));
            String currency = Optional.ofNullable(r.get(ORDERS.CURRENCY)).orElse("USD");
            ZoneId zone = Merchants.zone(r.get(MERCHANTS.TIMEZONE));
            OffsetDateTime placed = r.get(ORDERS.PLACED_AT);
            String orderNumber = r.get(ORDERS.ORDER_NUMBER) == null ? r.get(SHIPMENTS.TRACKING_NUMBER) : r.get(ORDERS.ORDER_NUMBER);
            ReturnDocuments.Address shipTo = ReturnDocuments.Address.of(r.get(ORDERS.CUSTOMER_NAME), r.get(ORDERS.SHIPPING_ADDRESS_LINE1),
                    r.get(ORDERS.SHIPPING_ADDRESS_LINE2), cityLine(r.get(ORDERS.SHIPPING_COUNTRY), r.get(ORDERS.SHIPPING_POSTAL_CODE),
                            r.get(ORDERS.SHIPPING_CITY), r.get(ORDERS.SHIPPING_REGION)), r.get(ORDERS.SHIPPING_COUNTRY));
            // a parcel that matches no order has no return to start: the slip says what is in it, without a QR code
            String returnUrl = r.get(SHIPMENTS.ORDER_ID) == null || policy.windowDays() == 0 ? null
                    : returnStartUrl(site, "outbound", r.get(SHIPMENTS.PUBLIC_TOKEN));
            slips.add(new OutboundSlips.Slip(r.get(MERCHANTS.NAME), orderNumber,
                    placed == null ? null : placed.atZoneSameInstant(zone).toLocalDate(), shipTo, items.getOrDefault(id, List.of()),
                    locale, PolicySummary.lines(policy, currency, locale), returnUrl));
        }
        return slips;
    }

    /** Each parcel's items: those packed in it, or the whole order's when the parcel does not list them. */
    private Map<Long, List<OutboundSlips.Line>> items(long merchantId, List<Long> shipmentIds) {
        Map<Long, List<OutboundSlips.Line>> byParcel = new HashMap<>();
        var listsItems = DSL.exists(DSL.selectOne().from(SHIPMENT_ITEMS).where(SHIPMENT_ITEMS.MERCHANT_ID.eq(merchantId))
                .and(SHIPMENT_ITEMS.SHIPMENT_ID.eq(SHIPMENTS.ID)));
        dsl.select(SHIPMENTS.ID, ORDER_ITEMS.TITLE, ORDER_ITEMS.VARIANT_TITLE, ORDER_ITEMS.SKU,
                        DSL.coalesce(SHIPMENT_ITEMS.QUANTITY, ORDER_ITEMS.QUANTITY))
                .from(SHIPMENTS)
                .join(ORDER_ITEMS).on(ORDER_ITEMS.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID)).and(ORDER_ITEMS.ORDER_ID.eq(SHIPMENTS.ORDER_ID))
                .leftJoin(SHIPMENT_ITEMS).on(SHIPMENT_ITEMS.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID))
                .and(SHIPMENT_ITEMS.SHIPMENT_ID.eq(SHIPMENTS.ID)).and(SHIPMENT_ITEMS.ORDER_ITEM_ID.eq(ORDER_ITEMS.ID))
                .where(SHIPMENTS.MERCHANT_ID.eq(merchantId)).and(SHIPMENTS.ID.in(shipmentIds))
                .and(SHIPMENT_ITEMS.ORDER_ITEM_ID.isNotNull().or(DSL.not(listsItems)))
                .orderBy(SHIPMENTS.ID, ORDER_ITEMS.ID)
                .forEach(r -> byParcel.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new OutboundSlips.Line(r.value2(), r.value3(), r.value4(), r.value5())));
        return byParcel;
    }

    /** "Ann Arbor, MI 48104" where the post writes it so, else "10115 Berlin". */
    static String cityLine(String country, String postalCode, String city, String region) {
        if (country != null && java.util.Set.of("US", "CA", "AU", "GB", "IE").contains(country)) {
            String place = join(city) + (region == null || region.isBlank() || city == null ? "" : ",");
            return join(place, region, postalCode);
        }
        return join(postalCode, city, region);
    }

    private static String join(String... parts) {
        StringBuilder s = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                s.append(s.isEmpty() ? "" : " ").append(p.strip());
            }
        }
        return s.toString();
    }
}
