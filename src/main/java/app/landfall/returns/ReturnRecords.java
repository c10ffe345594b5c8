package app.landfall.returns;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.ORDER_ITEMS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_ITEMS;
import static app.landfall.db.schema.Tables.RETURN_POLICIES;
import static app.landfall.db.schema.Tables.RETURN_REASONS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.TRACKING_EVENTS;
import static app.landfall.db.schema.Tables.STORE_LOCATIONS;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** A return as its shopper sees it, found by the token in their link; always with its merchant. */
public final class ReturnRecords {
    private final DSLContext dsl;

    public ReturnRecords(DSLContext dsl) {
        this.dsl = dsl;
    }

    public record Item(String title, String variant, int quantity, String reason, boolean keepItem, String exchangeVariant) {
    }

    /** A shop where an in-store return can be brought; {@code hours} as the merchant wrote them, line by line. */
    public record Location(String name, String line1, String line2, String cityLine, String country, List<String> hours) {
    }

    public record Summary(long merchantId, long id, String merchantName, Long brandId, String timezone, String rma, ReturnStatus status,
            String resolution, String method, String dropoffCode, String currency, BigDecimal itemsValue, BigDecimal restockingFee,
            BigDecimal shippingFee, BigDecimal bonus, BigDecimal total, String rejectionReason, String orderNumber,
            OffsetDateTime createdAt, OffsetDateTime approvedAt, OffsetDateTime receivedAt, OffsetDateTime completedAt,
            ReturnDocuments.Address from, ReturnDocuments.Address to, List<Item> items) {

        public boolean cancellable() {
            return status.cancellableByShopper();
        }

        /** The drop-off code is shown once approved and until the parcel is handed over, when something goes back at all. */
        public boolean showDropoff() {
            return dropoffCode != null && status == ReturnStatus.APPROVED && sendsSomething();
        }

        /** Whether any item travels back (a return of only kept items sends nothing). */
        public boolean sendsSomething() {
            return items.stream().anyMatch(i -> !i.keepItem());
        }

        /** The shops are listed once approved, while something is still to be brought in. */
        public boolean showStores() {
            return method.equals("in_store") && status == ReturnStatus.APPROVED && items.stream().anyMatch(i -> !i.keepItem());
        }

        /**
         * A label and packing slip are for a parcel the shopper packs: a label return. Not for a QR drop-off
         * (handed over as it is: no box, no printer), a return brought to a store, or one that sends nothing.
         */
        public boolean showPapers() {
            return (status == ReturnStatus.APPROVED || status == ReturnStatus.IN_TRANSIT) && method.equals("printable_label") && sendsSomething();
        }

        /** Only a return sent with a printed label gets a label. */
        public boolean showLabel() {
            return showPapers() && method.equals("printable_label");
        }

        public ReturnDocuments.Papers papers() {
            return new ReturnDocuments.Papers(merchantName, rma, orderNumber, from, to, dropoffCode != null ? dropoffCode : rma,
                    switch (method) {
                        case "qr_dropoff" -> "QR drop-off";
                        case "printable_label" -> "Printed label";
                        default -> "Return in store";
                    },
                    items.stream().map(i -> new ReturnDocuments.Item(i.title(), i.variant(), i.quantity(), i.reason())).toList());
        }
    }

    public Optional<Summary> byToken(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{22,128}")) {
            return Optional.empty();
        }
        Record r = dsl.select(RETURNS.asterisk(), MERCHANTS.NAME, MERCHANTS.TIMEZONE, ORDERS.ORDER_NUMBER, ORDERS.BRAND_ID,
                        ORDERS.CUSTOMER_NAME, ORDERS.SHIPPING_ADDRESS_LINE1, ORDERS.SHIPPING_ADDRESS_LINE2, ORDERS.SHIPPING_CITY,
                        ORDERS.SHIPPING_REGION, ORDERS.SHIPPING_POSTAL_CODE, ORDERS.SHIPPING_COUNTRY,
                        RETURN_POLICIES.RETURN_TO_NAME, RETURN_POLICIES.RETURN_TO_LINE1, RETURN_POLICIES.RETURN_TO_LINE2,
                        RETURN_POLICIES.RETURN_TO_CITY, RETURN_POLICIES.RETURN_TO_REGION, RETURN_POLICIES.RETURN_TO_POSTAL_CODE,
                        RETURN_POLICIES.RETURN_TO_COUNTRY)
                .from(RETURNS)
                .join(MERCHANTS).on(MERCHANTS.ID.eq(RETURNS.MERCHANT_ID))
                .join(ORDERS).on(ORDERS.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(ORDERS.ID.eq(RETURNS.ORDER_ID))
                .leftJoin(RETURN_POLICIES).on(RETURN_POLICIES.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(RETURN_POLICIES.IS_DEFAULT)
                .where(RETURNS.PUBLIC_TOKEN.eq(token))
                .fetchOne();
        if (r == null) {
            return Optional.empty();
        }
        long merchantId = r.get(RETURNS.MERCHANT_ID);
        long id = r.get(RETURNS.ID);
        List<Item> items = dsl.select(ORDER_ITEMS.TITLE, ORDER_ITEMS.VARIANT_TITLE, RETURN_ITEMS.QUANTITY, RETURN_REASONS.LABEL,
                        RETURN_ITEMS.KEEP_ITEM, RETURN_ITEMS.EXCHANGE_VARIANT_TITLE)
                .from(RETURN_ITEMS)
                .join(ORDER_ITEMS).on(ORDER_ITEMS.MERCHANT_ID.eq(RETURN_ITEMS.MERCHANT_ID)).and(ORDER_ITEMS.ID.eq(RETURN_ITEMS.ORDER_ITEM_ID))
                .leftJoin(RETURN_REASONS).on(RETURN_REASONS.MERCHANT_ID.eq(RETURN_ITEMS.MERCHANT_ID)).and(RETURN_REASONS.ID.eq(RETURN_ITEMS.REASON_ID))
                .where(RETURN_ITEMS.MERCHANT_ID.eq(merchantId)).and(RETURN_ITEMS.RETURN_ID.eq(id))
                .orderBy(RETURN_ITEMS.ID)
                .fetch(i -> new Item(i.value1(), i.value2(), i.value3(), i.value4(), i.value5(), i.value6()));
        ReturnDocuments.Address from = ReturnDocuments.Address.of(r.get(ORDERS.CUSTOMER_NAME), r.get(ORDERS.SHIPPING_ADDRESS_LINE1),
                r.get(ORDERS.SHIPPING_ADDRESS_LINE2), cityLine(r.get(ORDERS.SHIPPING_CITY), r.get(ORDERS.SHIPPING_REGION),
                        r.get(ORDERS.SHIPPING_POSTAL_CODE)), r.get(ORDERS.SHIPPING_COUNTRY));
        String toName = r.get(RETURN_POLICIES.RETURN_TO_NAME);
        ReturnDocuments.Address to = ReturnDocuments.Address.of(toName != null ? toName : r.get(MERCHANTS.NAME) + " Returns",
                r.get(RETURN_POLICIES.RETURN_TO_LINE1), r.get(RETURN_POLICIES.RETURN_TO_LINE2),
                cityLine(r.get(RETURN_POLICIES.RETURN_TO_CITY), r.get(RETURN_POLICIES.RETURN_TO_REGION),
                        r.get(RETURN_POLICIES.RETURN_TO_POSTAL_CODE)), r.get(RETURN_POLICIES.RETURN_TO_COUNTRY));
        return Optional.of(new Summary(merchantId, id, r.get(MERCHANTS.NAME), r.get(ORDERS.BRAND_ID), r.get(MERCHANTS.TIMEZONE),
                r.get(RETURNS.RMA_NUMBER), ReturnStatus.of(r.get(RETURNS.STATUS)).orElseThrow(), r.get(RETURNS.RESOLUTION),
                r.get(RETURNS.METHOD), r.get(RETURNS.DROPOFF_CODE), r.get(RETURNS.CURRENCY), r.get(RETURNS.ITEMS_VALUE),
                r.get(RETURNS.RESTOCKING_FEE), r.get(RETURNS.SHIPPING_FEE), r.get(RETURNS.BONUS), r.get(RETURNS.TOTAL),
                r.get(RETURNS.REJECTION_REASON), r.get(ORDERS.ORDER_NUMBER), r.get(RETURNS.CREATED_AT), r.get(RETURNS.APPROVED_AT),
                r.get(RETURNS.RECEIVED_AT), r.get(RETURNS.COMPLETED_AT), from, to, items));
    }

    /** The return's parcel as the shopper sees it: carrier, number, status and its latest scan. */
    public record Parcel(String carrier, String trackingNumber, String status, OffsetDateTime lastScanAt, String lastScanZone,
            String lastScanPlace, String publicToken) {
    }

    public Optional<Parcel> parcel(long merchantId, long returnId) {
        var latest = TRACKING_EVENTS.as("latest");
        return dsl.select(SHIPMENTS.CARRIER, SHIPMENTS.TRACKING_NUMBER, SHIPMENTS.STATUS, latest.OCCURRED_AT, latest.OCCURRED_TIMEZONE,
                        DSL.coalesce(latest.LOCATION, DSL.concat(latest.CITY, DSL.when(latest.COUNTRY.isNotNull(),
                                DSL.concat(DSL.inline(", "), latest.COUNTRY)).otherwise(DSL.inline("")))), SHIPMENTS.PUBLIC_TOKEN)
                .from(RETURNS)
                .join(SHIPMENTS).on(SHIPMENTS.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(SHIPMENTS.ID.eq(RETURNS.RETURN_SHIPMENT_ID))
                .leftJoin(DSL.lateral(DSL.selectFrom(TRACKING_EVENTS)
                        .where(TRACKING_EVENTS.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID)).and(TRACKING_EVENTS.SHIPMENT_ID.eq(SHIPMENTS.ID))
                        .orderBy(TRACKING_EVENTS.OCCURRED_AT.desc(), TRACKING_EVENTS.ID.desc()).limit(1)).as("latest")).on(DSL.trueCondition())
                .where(RETURNS.MERCHANT_ID.eq(merchantId)).and(RETURNS.ID.eq(returnId))
                .fetchOptional(r -> new Parcel(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6() == null || r.value6().isBlank() ? null : r.value6(), r.value7()));
    }

    /** The default policy's return address, line by line (no name line); empty when no street is set. */
    public List<String> returnAddress(long merchantId) {
        var r = dsl.select(RETURN_POLICIES.RETURN_TO_NAME, RETURN_POLICIES.RETURN_TO_LINE1, RETURN_POLICIES.RETURN_TO_LINE2,
                        RETURN_POLICIES.RETURN_TO_CITY, RETURN_POLICIES.RETURN_TO_REGION, RETURN_POLICIES.RETURN_TO_POSTAL_CODE,
                        RETURN_POLICIES.RETURN_TO_COUNTRY)
                .from(RETURN_POLICIES).where(RETURN_POLICIES.MERCHANT_ID.eq(merchantId)).and(RETURN_POLICIES.IS_DEFAULT).fetchOne();
        if (r == null || r.value2() == null) {
            return List.of();
        }
        return ReturnDocuments.Address.of(r.value1(), r.value2(), r.value3(), cityLine(r.value4(), r.value5(), r.value6()), r.value7()).lines();
    }

    /** The merchant's active shops, in the merchant's order. */
    public List<Location> locations(long merchantId) {
        return dsl.select(STORE_LOCATIONS.NAME, STORE_LOCATIONS.ADDRESS_LINE1, STORE_LOCATIONS.ADDRESS_LINE2, STORE_LOCATIONS.CITY,
                        STORE_LOCATIONS.REGION, STORE_LOCATIONS.POSTAL_CODE, STORE_LOCATIONS.COUNTRY, STORE_LOCATIONS.OPENING_HOURS)
                .from(STORE_LOCATIONS)
                .where(STORE_LOCATIONS.MERCHANT_ID.eq(merchantId)).and(STORE_LOCATIONS.ACTIVE)
                .orderBy(STORE_LOCATIONS.POSITION, STORE_LOCATIONS.ID)
                .fetch(l -> new Location(l.value1(), l.value2(), l.value3(), cityLine(l.value4(), l.value5(), l.value6()), l.value7(),
                        lines(l.value8())));
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static String cityLine(String city, String region, String postalCode) {
        StringBuilder line = new StringBuilder();
        if (city != null) {
            line.append(city);
        }
        if (region != null) {
            line.append(line.length() > 0 ? ", " : "").append(region);
        }
        if (postalCode != null) {
            line.append(line.length() > 0 ? " " : "").append(postalCode);
        }
        return line.toString();
    }
}
