package app.landfall.returns;

import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_ITEMS;
import static app.landfall.db.schema.Tables.RETURN_POLICIES;
import static app.landfall.db.schema.Tables.SHIPMENTS;

import app.landfall.auth.Tokens;
import app.landfall.tracking.EventIngestion;
import app.landfall.tracking.ShipmentWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * A return's own parcel is a Landfall shipment with direction {@code return}, so carrier events
 * reach it the way they reach outbound parcels (API, carrier webhooks) and the status engine
 * derives its status. It is opened when a return that travels by carrier is approved, under the
 * number the carrier scans: the drop-off code for a QR drop-off, the RMA for a printed label. The
 * parcel's first scan puts the return in transit.
 */
public final class ReturnParcels implements EventIngestion.ReturnParcelListener {
    /** Statuses of a parcel that mean the carrier has it (or had it). */
    private static final List<String> HANDED_OVER = List.of("InTransit", "OutForDelivery", "AttemptFail", "AvailableForPickup",
            "Delivered", "Exception");

    /**
     * Opens the parcel of an approved return, inside the approving transaction. Nothing happens for
     * a return kept at home, brought to a store, or that already has its parcel.
     */
    static void open(DSLContext tx, long merchantId, long returnId, OffsetDateTime now) {
        Record r = tx.select(RETURNS.METHOD, RETURNS.DROPOFF_CODE, RETURNS.RMA_NUMBER, RETURNS.ORDER_ID, RETURNS.RETURN_SHIPMENT_ID,
                        RETURN_POLICIES.RETURN_CARRIER, RETURN_POLICIES.RETURN_TO_CITY, RETURN_POLICIES.RETURN_TO_REGION,
                        RETURN_POLICIES.RETURN_TO_POSTAL_CODE, RETURN_POLICIES.RETURN_TO_COUNTRY, ORDERS.SHIPPING_CITY, ORDERS.SHIPPING_REGION,
                        ORDERS.SHIPPING_POSTAL_CODE, ORDERS.SHIPPING_COUNTRY,
                        DSL.field(DSL.exists(DSL.selectOne().from(RETURN_ITEMS).where(RETURN_ITEMS.MERCHANT_ID.eq(RETURNS.MERCHANT_ID))
                                .and(RETURN_ITEMS.RETURN_ID.eq(RETURNS.ID)).and(RETURN_ITEMS.KEEP_ITEM.isFalse()))).as("ships"))
                .from(RETURNS)
                .join(ORDERS).on(ORDERS.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(ORDERS.ID.eq(RETURNS.ORDER_ID))
                .leftJoin(RETURN_POLICIES).on(RETURN_POLICIES.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(RETURN_POLICIES.ID.eq(RETURNS.POLICY_ID))
                .where(RETURNS.MERCHANT_ID.eq(merchantId)).and(RETURNS.ID.eq(returnId))
                .fetchOne();
        if (r == null || r.get(RETURNS.RETURN_SHIPMENT_ID) != null || !r.get("ships", Boolean.class)) {
            return;
        }
        String number = switch (r.get(RETURNS.METHOD)) {
            case "qr_dropoff" -> r.get(RETURNS.DROPOFF_CODE);
            case "printable_label" -> r.get(RETURNS.RMA_NUMBER).replace("-", "");
            default -> null;
        };
        if (number == null) {
            return;
        }
        String carrier = r.get(RETURN_POLICIES.RETURN_CARRIER) != null ? r.get(RETURN_POLICIES.RETURN_CARRIER) : ShipmentWriter.UNKNOWN_CARRIER;
        Long shipmentId = tx.insertInto(SHIPMENTS)
                .set(SHIPMENTS.MERCHANT_ID, merchantId)
                .set(SHIPMENTS.ORDER_ID, r.get(RETURNS.ORDER_ID))
                .set(SHIPMENTS.DIRECTION, "return")
                .set(SHIPMENTS.CARRIER, carrier)
                .set(SHIPMENTS.TRACKING_NUMBER, number)
                .set(SHIPMENTS.ORIGIN_CITY, r.get(ORDERS.SHIPPING_CITY))
                .set(SHIPMENTS.ORIGIN_REGION, r.get(ORDERS.SHIPPING_REGION))
                .set(SHIPMENTS.ORIGIN_POSTAL_CODE, r.get(ORDERS.SHIPPING_POSTAL_CODE))
                .set(SHIPMENTS.ORIGIN_COUNTRY, r.get(ORDERS.SHIPPING_COUNTRY))
                .set(SHIPMENTS.DESTINATION_CITY, r.get(RETURN_POLICIES.RETURN_TO_CITY))
                .set(SHIPMENTS.DESTINATION_REGION, r.get(RETURN_POLICIES.RETURN_TO_REGION))
                .set(SHIPMENTS.DESTINATION_POSTAL_CODE, r.get(RETURN_POLICIES.RETURN_TO_POSTAL_CODE))
                .set(SHIPMENTS.DESTINATION_COUNTRY, r.get(RETURN_POLICIES.RETURN_TO_COUNTRY))
                .set(SHIPMENTS.PUBLIC_TOKEN, Tokens.newToken())
                .set(SHIPMENTS.CREATED_AT, now)
                .set(SHIPMENTS.UPDATED_AT, now)
                .set(SHIPMENTS.STATUS_CHANGED_AT, now)
                // a number the merchant already tracks under that carrier is not taken over
                .onConflict(SHIPMENTS.MERCHANT_ID, SHIPMENTS.CARRIER, SHIPMENTS.TRACKING_NUMBER).doNothing()
                .returning(SHIPMENTS.ID)
                .fetchOptional(SHIPMENTS.ID).orElse(null);
        if (shipmentId != null) {
            tx.update(RETURNS).set(RETURNS.RETURN_SHIPMENT_ID, shipmentId)
                    .where(RETURNS.MERCHANT_ID.eq(merchantId)).and(RETURNS.ID.eq(returnId)).execute();
        }
    }

    /** An approved return whose parcel the carrier now has is in transit (in the ingesting transaction). */
    @Override
    public void changed(DSLContext tx, long merchantId, List<Long> shipmentIds, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        var moved = tx.update(RETURNS)
                .set(RETURNS.STATUS, ReturnStatus.IN_TRANSIT.code())
                .set(RETURNS.UPDATED_AT, at)
                .from(SHIPMENTS)
                .where(RETURNS.MERCHANT_ID.eq(merchantId))
                .and(RETURNS.RETURN_SHIPMENT_ID.in(shipmentIds))
                .and(RETURNS.STATUS.eq(ReturnStatus.APPROVED.code()))
                .and(SHIPMENTS.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(SHIPMENTS.ID.eq(RETURNS.RETURN_SHIPMENT_ID))
                .and(SHIPMENTS.STATUS.in(HANDED_OVER))
                .returning(RETURNS.ID, RETURNS.RMA_NUMBER, RETURNS.ORDER_ID)
                .fetch();
        for (var r : moved) {
            String email = tx.select(ORDERS.CUSTOMER_EMAIL).from(ORDERS)
                    .where(ORDERS.MERCHANT_ID.eq(merchantId)).and(ORDERS.ID.eq(r.getOrderId())).fetchOne(ORDERS.CUSTOMER_EMAIL);
            ReturnEvents.record(tx, merchantId, r.getId(), r.getRmaNumber(), ReturnStatus.IN_TRANSIT, email, at);
        }
    }
}
