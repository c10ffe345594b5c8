package app.landfall.tracking;

import static app.landfall.db.schema.Tables.BRANDS;
import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.ORDER_ITEMS;
import static app.landfall.db.schema.Tables.RETURN_POLICIES;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.SHIPMENT_ITEMS;
import static app.landfall.db.schema.Tables.TRACKING_EVENTS;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.arrayOverlap;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.left;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.upper;

import app.landfall.db.RenderedQuery;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SelectConditionStep;
import org.jooq.Table;

/** What the public tracking pages read, always within one merchant. */
public final class TrackingQueries {
    static final int SELECTOR_LENGTH = 16;

    private final DSLContext dsl;

    private final UnaryOperator<String> imageSrc;

    /** {@code imageSrc} turns an item's stored image URL into what pages load (see {@code RemoteImages#src}). */
    public TrackingQueries(DSLContext dsl, UnaryOperator<String> imageSrc) {
        this.dsl = dsl;
        this.imageSrc = imageSrc;
    }

    /** Everything a cached page depends on, read in one small query before deciding to render. */
    record Version(long merchantId, long shipmentId, Long orderId, String token, String slug, String merchantName, String timezone,
            String direction, OffsetDateTime shipment, OffsetDateTime order, Long brandId, OffsetDateTime brand, OffsetDateTime policy,
            String shippingCountry, String shippingRegion) {
        /** The customer's time zone, from the order's shipping address (the store's when it tells nothing). */
        java.time.ZoneId customerZone() {
            return app.landfall.i18n.RecipientZones.of(shippingCountry, shippingRegion, app.landfall.merchants.Merchants.zone(timezone));
        }

        /** A shopper's parcel on its way back to the merchant (a return's own shipment). */
        boolean isReturnParcel() {
            return "return".equals(direction);
        }
    }

    record Event(OffsetDateTime occurredAt, String timezone, String status, String substatus, String message, String location) {
    }

    record Item(String title, String variant, int quantity, String imageUrl) {
    }

    /** One shipment with its order, history and contents, as the page shows it. */
    record ShipmentData(String carrier, String service, String trackingNumber, String status, String substatus,
            LocalDate carrierEstimate, LocalDate predictedFrom, LocalDate predictedTo, OffsetDateTime shippedAt,
            OffsetDateTime deliveredAt, String pickupLocation, LocalDate pickupDeadline, String orderNumber,
            OffsetDateTime placedAt, LocalDate promised, String destinationCity, String destinationCountry,
            String windowStartsAt, Integer windowDays, boolean anyItemReturnable, List<Event> events, List<Item> items) {
    }

    /** A package of an order, for the order page. */
    record Package(String token, String carrier, String trackingNumber, String status, String substatus,
            LocalDate carrierEstimate, OffsetDateTime deliveredAt, List<Item> items, LocalDate predictedFrom, LocalDate predictedTo,
            LocalDate pickupDeadline, LocalDate promised) {
        public String carrierName() {
            return app.landfall.carriers.CarrierDirectory.byCode(carrier)
                    .map(app.landfall.carriers.CarrierDirectory.Carrier::displayName).orElse(carrier);
        }

        public String tone() {
            return TrackingView.tone(status);
        }
    }

    /** The shipment a tracking link names; the full token is compared in constant time. */
    Optional<Version> versionByToken(String token) {
        if (!plausibleToken(token)) {
            return Optional.empty();
        }
        return matching(token, versionsBySelectors(List.of(selector(token))));
    }

    static boolean plausibleToken(String token) {
        return token != null && token.length() >= 22 && token.length() <= 128;
    }

    static String selector(String token) {
        return token.substring(0, SELECTOR_LENGTH);
    }

    /** The one of {@code candidates} whose token equals {@code token}, compared in constant time. */
    static Optional<Version> matching(String token, List<Version> candidates) {
        byte[] wanted = token.getBytes(StandardCharsets.UTF_8);
        Version found = null;
        for (Version v : candidates) { // no early exit: the time does not depend on where a match is
            if (MessageDigest.isEqual(v.token().getBytes(StandardCharsets.UTF_8), wanted)) {
                found = v;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The shipments whose token starts with one of these selectors: one query for many requests
     * ({@link TokenVersions} gathers them). The caller compares the whole token.
     */
    List<Version> versionsBySelectors(List<String> selectors) {
        return versionQuery(left(SHIPMENTS.PUBLIC_TOKEN, inline(SELECTOR_LENGTH)).eq(any(selectors.toArray(String[]::new))))
                .fetch(TrackingQueries::version);
    }

    /** An outgoing parcel of this merchant by its (normalised) tracking number; the newest if several. */
    Optional<Version> versionByNumber(long merchantId, String trackingNumber) {
        return versionQuery(SHIPMENTS.MERCHANT_ID.eq(merchantId)
                        .and(SHIPMENTS.TRACKING_NUMBER.eq(trackingNumber))
                        .and(SHIPMENTS.DIRECTION.eq("outbound")))
                .orderBy(SHIPMENTS.ID.desc()).limit(1)
                .fetchOptional(TrackingQueries::version);
    }

    private SelectConditionStep<? extends Record> versionQuery(Condition which) {
        return dsl.select(SHIPMENTS.MERCHANT_ID, SHIPMENTS.ID, SHIPMENTS.ORDER_ID, SHIPMENTS.PUBLIC_TOKEN, MERCHANTS.SLUG, MERCHANTS.NAME, MERCHANTS.TIMEZONE,
                        SHIPMENTS.DIRECTION, SHIPMENTS.UPDATED_AT, ORDERS.UPDATED_AT, BRANDS.ID, BRANDS.UPDATED_AT,
                        RETURN_POLICIES.UPDATED_AT, ORDERS.SHIPPING_COUNTRY, ORDERS.SHIPPING_REGION)
                .from(withOrderBrandAndPolicy())
                .where(which);
    }

    private static Version version(Record r) {
        return new Version(r.get(SHIPMENTS.MERCHANT_ID), r.get(SHIPMENTS.ID), r.get(SHIPMENTS.ORDER_ID), r.get(SHIPMENTS.PUBLIC_TOKEN),
                r.get(MERCHANTS.SLUG), r.get(MERCHANTS.NAME), r.get(MERCHANTS.TIMEZONE), r.get(SHIPMENTS.DIRECTION), r.get(SHIPMENTS.UPDATED_AT),
                r.get(ORDERS.UPDATED_AT), r.get(BRANDS.ID), r.get(BRANDS.UPDATED_AT), r.get(RETURN_POLICIES.UPDATED_AT),
                r.get(ORDERS.SHIPPING_COUNTRY), r.get(ORDERS.SHIPPING_REGION));
    }

    /** The shipment with its merchant, order, the order's brand (else the default) and the default policy. */
    private static Table<?> withOrderBrandAndPolicy() {
        return SHIPMENTS
                .join(MERCHANTS).on(MERCHANTS.ID.eq(SHIPMENTS.MERCHANT_ID))
                .leftJoin(ORDERS).on(ORDERS.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID)).and(ORDERS.ID.eq(SHIPMENTS.ORDER_ID))
                .leftJoin(BRANDS).on(BRANDS.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID))
                .and(BRANDS.ID.eq(ORDERS.BRAND_ID).or(ORDERS.BRAND_ID.isNull().and(BRANDS.IS_DEFAULT)))
                .leftJoin(RETURN_POLICIES).on(RETURN_POLICIES.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID)).and(RETURN_POLICIES.IS_DEFAULT);
    }

    ShipmentData load(long merchantId, long shipmentId) {
        var rows = LOAD.fetch(dsl, java.util.Map.of("lf_merchant", merchantId, "lf_shipment", shipmentId));
        if (rows.isEmpty()) {
            return null;
        }
        Record r = rows.get(0);
        Boolean returnable = (Boolean) r.get(19);
        @SuppressWarnings("unchecked")
        List<Event> events = (List<Event>) r.get(20);
        @SuppressWarnings("unchecked")
        List<Item> items = withImages((List<Item>) r.get(21));
        return new ShipmentData(r.get(SHIPMENTS.CARRIER), r.get(SHIPMENTS.SERVICE), r.get(SHIPMENTS.TRACKING_NUMBER),
                r.get(SHIPMENTS.STATUS), r.get(SHIPMENTS.SUBSTATUS), r.get(SHIPMENTS.CARRIER_ESTIMATED_DELIVERY),
                r.get(SHIPMENTS.PREDICTED_DELIVERY_FROM), r.get(SHIPMENTS.PREDICTED_DELIVERY_TO), r.get(SHIPMENTS.SHIPPED_AT),
                r.get(SHIPMENTS.DELIVERED_AT), r.get(SHIPMENTS.PICKUP_LOCATION), r.get(SHIPMENTS.PICKUP_DEADLINE),
                r.get(ORDERS.ORDER_NUMBER), r.get(ORDERS.PLACED_AT), r.get(PROMISED),
                r.get(DESTINATION_CITY), r.get(DESTINATION_COUNTRY), r.get(RETURN_POLICIES.WINDOW_STARTS_AT),
                r.get(RETURN_POLICIES.WINDOW_DAYS), returnable != null && returnable && r.get(ORDERS.ORDER_NUMBER) != null,
                events, items);
    }

    /** A return parcel goes to the merchant's return address, and the order's delivery promise is not its own. */
    private static final Condition RETURN_PARCEL = SHIPMENTS.DIRECTION.eq(inline("return"));
    private static final org.jooq.Field<LocalDate> PROMISED = org.jooq.impl.DSL.when(RETURN_PARCEL, inline(null, ORDERS.PROMISED_DELIVERY_DATE))
            .otherwise(ORDERS.PROMISED_DELIVERY_DATE).as("promised");
    private static final org.jooq.Field<String> DESTINATION_CITY = org.jooq.impl.DSL.when(RETURN_PARCEL, SHIPMENTS.DESTINATION_CITY)
            .otherwise(ORDERS.SHIPPING_CITY).as("destination_city");
    private static final org.jooq.Field<String> DESTINATION_COUNTRY = org.jooq.impl.DSL.when(RETURN_PARCEL, SHIPMENTS.DESTINATION_COUNTRY)
            .otherwise(ORDERS.SHIPPING_COUNTRY).as("destination_country");

    /**
     * One shipment with its order, the default return policy, its events and items (as JSON arrays
     * jOOQ turns back into lists). Rendering this query was a good part of a page's cost, and it never
     * changes, so it is rendered once with two parameters (docs/benchmarks.md, "Tracking page", what
     * changed, item 4).
     */
    private static final RenderedQuery LOAD = RenderedQuery.of(loadQuery());

    private static Select<?> loadQuery() {
        var returnable = exists(selectOne().from(ORDER_ITEMS)
                .where(ORDER_ITEMS.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID)).and(ORDER_ITEMS.ORDER_ID.eq(SHIPMENTS.ORDER_ID))
                .and(ORDER_ITEMS.FINAL_SALE.isFalse().or(RETURN_POLICIES.FINAL_SALE_RETURNABLE))
                .and(not(arrayOverlap(ORDER_ITEMS.PRODUCT_TAGS, RETURN_POLICIES.EXCLUDED_PRODUCT_TAGS))));
        var events = multiset(select(TRACKING_EVENTS.OCCURRED_AT, TRACKING_EVENTS.OCCURRED_TIMEZONE, TRACKING_EVENTS.STATUS,
                        TRACKING_EVENTS.SUBSTATUS, TRACKING_EVENTS.RAW_MESSAGE, TRACKING_EVENTS.LOCATION)
                .from(TRACKING_EVENTS)
                .where(TRACKING_EVENTS.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID)).and(TRACKING_EVENTS.SHIPMENT_ID.eq(SHIPMENTS.ID))
                .orderBy(TRACKING_EVENTS.OCCURRED_AT.desc(), TRACKING_EVENTS.ID.desc()))
                .convertFrom(r -> r.map(e -> new Event(e.value1(), e.value2(), e.value3(), e.value4(), e.value5(), e.value6())));
        return select(SHIPMENTS.CARRIER, SHIPMENTS.SERVICE, SHIPMENTS.TRACKING_NUMBER, SHIPMENTS.STATUS, SHIPMENTS.SUBSTATUS,
                        SHIPMENTS.CARRIER_ESTIMATED_DELIVERY, SHIPMENTS.PREDICTED_DELIVERY_FROM, SHIPMENTS.PREDICTED_DELIVERY_TO,
                        SHIPMENTS.SHIPPED_AT, SHIPMENTS.DELIVERED_AT, SHIPMENTS.PICKUP_LOCATION, SHIPMENTS.PICKUP_DEADLINE,
                        ORDERS.ORDER_NUMBER, ORDERS.PLACED_AT, PROMISED, DESTINATION_CITY, DESTINATION_COUNTRY,
                        RETURN_POLICIES.WINDOW_STARTS_AT, RETURN_POLICIES.WINDOW_DAYS,
                        field(returnable), events, items(SHIPMENTS.MERCHANT_ID, SHIPMENTS.ID))
                .from(SHIPMENTS)
                .leftJoin(ORDERS).on(ORDERS.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID)).and(ORDERS.ID.eq(SHIPMENTS.ORDER_ID))
                .leftJoin(RETURN_POLICIES).on(RETURN_POLICIES.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID)).and(RETURN_POLICIES.IS_DEFAULT)
                .where(SHIPMENTS.MERCHANT_ID.eq(param("lf_merchant", Long.class))).and(SHIPMENTS.ID.eq(param("lf_shipment", Long.class)));
    }

    private List<Item> withImages(List<Item> items) {
        return items.stream().map(i -> new Item(i.title(), i.variant(), i.quantity(), imageSrc.apply(i.imageUrl()))).toList();
    }

    /** The items travelling in a shipment, with the quantity in this package. */
    private static org.jooq.Field<List<Item>> items(org.jooq.Field<Long> merchantId, org.jooq.Field<Long> shipmentId) {
        return multiset(select(ORDER_ITEMS.TITLE, ORDER_ITEMS.VARIANT_TITLE, SHIPMENT_ITEMS.QUANTITY, ORDER_ITEMS.IMAGE_URL)
                .from(SHIPMENT_ITEMS)
                .join(ORDER_ITEMS).on(ORDER_ITEMS.MERCHANT_ID.eq(SHIPMENT_ITEMS.MERCHANT_ID)).and(ORDER_ITEMS.ID.eq(SHIPMENT_ITEMS.ORDER_ITEM_ID))
                .where(SHIPMENT_ITEMS.MERCHANT_ID.eq(merchantId)).and(SHIPMENT_ITEMS.SHIPMENT_ID.eq(shipmentId))
                .orderBy(ORDER_ITEMS.ID))
                .convertFrom(r -> r.map(i -> new Item(i.value1(), i.value2(), i.value3(), i.value4())));
    }

    /** The order of a shipment of this merchant, by the shipment's tracking-link token (compared in full, in constant time). */
    public Optional<Long> orderIdByToken(long merchantId, String token) {
        if (!plausibleToken(token)) {
            return Optional.empty();
        }
        return matching(token, versionsBySelectors(List.of(selector(token)))).filter(v -> v.merchantId() == merchantId)
                .map(Version::orderId);
    }

    String orderNumber(long merchantId, long orderId) {
        return dsl.select(ORDERS.ORDER_NUMBER).from(ORDERS)
                .where(ORDERS.MERCHANT_ID.eq(merchantId)).and(ORDERS.ID.eq(orderId))
                .fetchOne(ORDERS.ORDER_NUMBER);
    }

    /** The outgoing packages of an order, oldest first. */
    List<Package> packages(long merchantId, long orderId) {
        return dsl.select(SHIPMENTS.PUBLIC_TOKEN, SHIPMENTS.CARRIER, SHIPMENTS.TRACKING_NUMBER, SHIPMENTS.STATUS,
                        SHIPMENTS.SUBSTATUS, SHIPMENTS.CARRIER_ESTIMATED_DELIVERY, SHIPMENTS.DELIVERED_AT,
                        items(SHIPMENTS.MERCHANT_ID, SHIPMENTS.ID), SHIPMENTS.PREDICTED_DELIVERY_FROM, SHIPMENTS.PREDICTED_DELIVERY_TO,
                        SHIPMENTS.PICKUP_DEADLINE, ORDERS.PROMISED_DELIVERY_DATE)
                .from(SHIPMENTS)
                .join(ORDERS).on(ORDERS.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID)).and(ORDERS.ID.eq(SHIPMENTS.ORDER_ID))
                .where(SHIPMENTS.MERCHANT_ID.eq(merchantId)).and(SHIPMENTS.ORDER_ID.eq(orderId))
                .and(SHIPMENTS.DIRECTION.eq("outbound"))
                .orderBy(SHIPMENTS.CREATED_AT, SHIPMENTS.ID)
                .fetch(r -> new Package(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(),
                        withImages(r.value8()), r.value9(), r.value10(), r.value11(), r.value12()));
    }

    /** The tracking-link tokens of an order's outgoing parcels, oldest first: the numbering "Parcel 2 of 3" uses. */
    List<String> parcelTokens(long merchantId, long orderId) {
        return dsl.select(SHIPMENTS.PUBLIC_TOKEN).from(SHIPMENTS)
                .where(SHIPMENTS.MERCHANT_ID.eq(merchantId)).and(SHIPMENTS.ORDER_ID.eq(orderId))
                .and(SHIPMENTS.DIRECTION.eq("outbound"))
                .orderBy(SHIPMENTS.CREATED_AT, SHIPMENTS.ID)
                .fetch(SHIPMENTS.PUBLIC_TOKEN);
    }

    /** The shipping country and region of an order, for its customer's time zone. */
    java.time.ZoneId customerZone(long merchantId, long orderId, java.time.ZoneId store) {
        return dsl.select(ORDERS.SHIPPING_COUNTRY, ORDERS.SHIPPING_REGION).from(ORDERS)
                .where(ORDERS.MERCHANT_ID.eq(merchantId)).and(ORDERS.ID.eq(orderId))
                .fetchOptional(r -> app.landfall.i18n.RecipientZones.of(r.value1(), r.value2(), store)).orElse(store);
    }
}
