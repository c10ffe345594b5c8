package app.landfall.tracking;

import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.ORDER_ITEMS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_ITEMS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.SHIPMENT_ITEMS;
import static app.landfall.db.schema.Tables.TRACKING_EVENTS;

import app.landfall.auth.Tokens;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Parcels in the states a tracking page must word without contradicting itself, written straight
 * to the tables of one store. All of them ship to Los Angeles (US, CA): at {@link #NOW} the store's
 * day (New York, the demo store's zone) is already Tuesday 24 November, the customer's still Monday 23.
 */
public final class TrackingScenarios {
    /** 06:00 UTC: 01:00 on the 24th in New York, 22:00 on the 23rd in Los Angeles. */
    public static final String NOW = "2026-11-24T06:00:00Z";
    public static final LocalDate CUSTOMER_TODAY = LocalDate.parse("2026-11-23");

    private final DSLContext dsl;
    private final long merchantId;
    private final OffsetDateTime now = OffsetDateTime.parse(NOW);

    public TrackingScenarios(DSLContext dsl, long merchantId) {
        this.dsl = dsl;
        this.merchantId = merchantId;
    }

    /** An order shipped to Los Angeles with one line of two units; {@code promised} may be null. */
    public long order(String number, LocalDate promised) {
        return dsl.insertInto(ORDERS).set(ORDERS.MERCHANT_ID, merchantId).set(ORDERS.ORDER_NUMBER, number)
                .set(ORDERS.CUSTOMER_NAME, "Zoë Müller").set(ORDERS.CUSTOMER_EMAIL, number.toLowerCase() + "@example.com")
                .set(ORDERS.SHIPPING_ADDRESS_LINE1, "1 Sunset Blvd").set(ORDERS.SHIPPING_CITY, "Los Angeles")
                .set(ORDERS.SHIPPING_REGION, "CA").set(ORDERS.SHIPPING_POSTAL_CODE, "90012").set(ORDERS.SHIPPING_COUNTRY, "US")
                .set(ORDERS.PLACED_AT, now.minusDays(10)).set(ORDERS.PROMISED_DELIVERY_DATE, promised)
                .returning(ORDERS.ID).fetchSingle(ORDERS.ID);
    }

    public long item(long orderId, String title) {
        return dsl.insertInto(ORDER_ITEMS).set(ORDER_ITEMS.MERCHANT_ID, merchantId).set(ORDER_ITEMS.ORDER_ID, orderId)
                .set(ORDER_ITEMS.SKU, "SKU-" + orderId).set(ORDER_ITEMS.TITLE, title).set(ORDER_ITEMS.QUANTITY, 2)
                .set(ORDER_ITEMS.UNIT_PRICE, new BigDecimal("40.00"))
                .returning(ORDER_ITEMS.ID).fetchSingle(ORDER_ITEMS.ID);
    }

    /** A parcel of the order in {@code status}, carried by UPS; returns its tracking-link token. */
    public String parcel(long orderId, String direction, String status, String substatus, LocalDate carrierEstimate) {
        String token = Tokens.newToken();
        dsl.insertInto(SHIPMENTS).set(SHIPMENTS.MERCHANT_ID, merchantId).set(SHIPMENTS.ORDER_ID, orderId)
                .set(SHIPMENTS.CARRIER, "ups").set(SHIPMENTS.TRACKING_NUMBER, "1Z" + token.replaceAll("[^A-Za-z0-9]", "").substring(0, 14).toUpperCase())
                .set(SHIPMENTS.STATUS, status).set(SHIPMENTS.SUBSTATUS, substatus).set(SHIPMENTS.DIRECTION, direction)
                .set(SHIPMENTS.CARRIER_ESTIMATED_DELIVERY, carrierEstimate).set(SHIPMENTS.PUBLIC_TOKEN, token)
                .set(SHIPMENTS.SHIPPED_AT, now.minusDays(3))
                .set(SHIPMENTS.DELIVERED_AT, "Delivered".equals(status) ? now.minusDays(2) : null)
                .execute();
        return token;
    }

    public long shipmentId(String token) {
        return dsl.select(SHIPMENTS.ID).from(SHIPMENTS).where(SHIPMENTS.PUBLIC_TOKEN.eq(token)).fetchSingle(SHIPMENTS.ID);
    }

    public void contains(String token, long itemId, int quantity) {
        dsl.insertInto(SHIPMENT_ITEMS).set(SHIPMENT_ITEMS.MERCHANT_ID, merchantId).set(SHIPMENT_ITEMS.SHIPMENT_ID, shipmentId(token))
                .set(SHIPMENT_ITEMS.ORDER_ITEM_ID, itemId).set(SHIPMENT_ITEMS.QUANTITY, quantity).execute();
    }

    /** A scan, {@code hoursAgo} before {@link #NOW}. */
    public void scan(String token, String status, String substatus, String location, int hoursAgo) {
        dsl.insertInto(TRACKING_EVENTS).set(TRACKING_EVENTS.MERCHANT_ID, merchantId).set(TRACKING_EVENTS.SHIPMENT_ID, shipmentId(token))
                .set(TRACKING_EVENTS.OCCURRED_AT, now.minusHours(hoursAgo)).set(TRACKING_EVENTS.OCCURRED_TIMEZONE, "America/Los_Angeles")
                .set(TRACKING_EVENTS.STATUS, status).set(TRACKING_EVENTS.SUBSTATUS, substatus)
                .set(TRACKING_EVENTS.LOCATION, location).set(TRACKING_EVENTS.SOURCE, "manual")
                .set(TRACKING_EVENTS.DEDUPE_KEY, status + "-" + hoursAgo).execute();
    }

    public void pickup(String token, String location, LocalDate deadline) {
        dsl.update(SHIPMENTS).set(SHIPMENTS.PICKUP_LOCATION, location).set(SHIPMENTS.PICKUP_DEADLINE, deadline)
                .where(SHIPMENTS.PUBLIC_TOKEN.eq(token)).execute();
    }

    /** A requested return of {@code quantity} units of the item; the return's own parcel when {@code parcelToken} is not null. */
    public void returned(long orderId, long itemId, int quantity, String parcelToken) {
        long id = dsl.insertInto(RETURNS).set(RETURNS.MERCHANT_ID, merchantId).set(RETURNS.RMA_NUMBER, "R-" + orderId + "X" + itemId)
                .set(RETURNS.ORDER_ID, orderId).set(RETURNS.RESOLUTION, "refund").set(RETURNS.METHOD, "printable_label")
                .set(RETURNS.PUBLIC_TOKEN, Tokens.newToken())
                .set(RETURNS.RETURN_SHIPMENT_ID, parcelToken == null ? null : shipmentId(parcelToken))
                .returning(RETURNS.ID).fetchSingle(RETURNS.ID);
        dsl.insertInto(RETURN_ITEMS).set(RETURN_ITEMS.MERCHANT_ID, merchantId).set(RETURN_ITEMS.RETURN_ID, id)
                .set(RETURN_ITEMS.ORDER_ITEM_ID, itemId).set(RETURN_ITEMS.QUANTITY, quantity).execute();
    }

    /** The pages of every state, by name, for tests that walk through them all. */
    public record Named(String name, String token) {
    }

    /** One parcel per state, each in its own order (a split order has three). */
    public List<Named> all() {
        List<Named> pages = new ArrayList<>();
        long ofd = order("OFD-1", null);
        String outForDelivery = parcel(ofd, "outbound", "OutForDelivery", null, CUSTOMER_TODAY);
        scan(outForDelivery, "InTransit", "InTransit_ArrivedAtFacility", "Commerce, CA", 20);
        scan(outForDelivery, "OutForDelivery", null, "Los Angeles, CA", 2);
        pages.add(new Named("out-for-delivery", outForDelivery));

        long pickupOrder = order("PICK-1", null);
        String pickup = parcel(pickupOrder, "outbound", "AvailableForPickup", "AvailableForPickup_PickupPoint", null);
        scan(pickup, "InTransit", null, "Commerce, CA", 40);
        scan(pickup, "AvailableForPickup", "AvailableForPickup_PickupPoint", "UPS Access Point, 350 S Grand Ave, Los Angeles, CA", 10);
        pickup(pickup, null, LocalDate.parse("2026-11-30"));
        pages.add(new Named("pickup", pickup));

        long promisedOrder = order("LATE-P", LocalDate.parse("2026-11-20"));
        String latePromised = parcel(promisedOrder, "outbound", "InTransit", "InTransit_ArrivedAtFacility", LocalDate.parse("2026-11-25"));
        scan(latePromised, "InTransit", "InTransit_ArrivedAtFacility", "Phoenix, AZ", 8);
        pages.add(new Named("late-promised", latePromised));

        long estimateOrder = order("LATE-E", null);
        String lateEstimate = parcel(estimateOrder, "outbound", "InTransit", "InTransit_ArrivedAtFacility", LocalDate.parse("2026-11-21"));
        scan(lateEstimate, "InTransit", "InTransit_ArrivedAtFacility", "Phoenix, AZ", 30);
        pages.add(new Named("late-estimate", lateEstimate));

        long dueOrder = order("DUE-1", null);
        String dueToday = parcel(dueOrder, "outbound", "InTransit", "InTransit_ArrivedAtFacility", CUSTOMER_TODAY);
        scan(dueToday, "InTransit", "InTransit_ArrivedAtFacility", "Commerce, CA", 6);
        pages.add(new Named("due-today", dueToday));

        long split = order("SPLIT-3", null);
        for (int i = 1; i <= 3; i++) {
            String token = parcel(split, "outbound", i == 1 ? "Delivered" : "InTransit", null, LocalDate.parse("2026-11-2" + (4 + i)));
            scan(token, "InTransit", null, "Commerce, CA", 30 + i);
            if (i == 2) {
                pages.add(new Named("split-order", token));
            }
        }

        long returnedOrder = order("RET-1", null);
        long jacket = item(returnedOrder, "Rain jacket");
        String outbound = parcel(returnedOrder, "outbound", "Delivered", "Delivered_SafePlace", null);
        contains(outbound, jacket, 2);
        String back = parcel(returnedOrder, "return", "InTransit", null, LocalDate.parse("2026-11-26"));
        scan(back, "InTransit", "InTransit_PickedUp", "Los Angeles, CA", 5);
        returned(returnedOrder, jacket, 2, back);
        pages.add(new Named("return-parcel", back));
        pages.add(new Named("nothing-left-to-return", outbound));

        long keepOrder = order("KEEP-1", null);
        long scarf = item(keepOrder, "Wool scarf");
        String delivered = parcel(keepOrder, "outbound", "Delivered", "Delivered_SafePlace", null);
        contains(delivered, scarf, 2);
        scan(delivered, "Delivered", "Delivered_SafePlace", "Los Angeles, CA", 48);
        pages.add(new Named("returnable", delivered));
        return pages;
    }
}
