package app.landfall.returns;

import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_ITEMS;
import static app.landfall.db.schema.Tables.RETURN_POLICIES;
import static app.landfall.db.schema.Tables.SHIPMENTS;

import app.landfall.notifications.Outbox;
import app.landfall.orders.Address;
import app.landfall.tracking.EventIngestion;
import app.landfall.tracking.ShipmentWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * A return's own parcel is a Landfall shipment with direction {@code return}, so carrier events
 * reach it the way they reach outbound parcels (API, carrier webhooks) and the status engine
 * derives its status. It is opened when a return that travels by carrier is approved, under the
 * number the carrier scans: the drop-off code for a QR drop-off, the RMA for a printed label. The
 * parcel's first scan puts the return in transit.
 */
public final class ReturnParcels implements EventIngestion.ReturnParcelListener {
    private final Outbox outbox;

    ReturnParcels(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Statuses of a parcel that mean the carrier has it (or had it). */
    private static final List<String> HANDED_OVER = List.of("InTransit", "OutForDelivery", "AttemptFail", "AvailableForPickup",
            "Delivered", "Exception");

    /**
     * Opens the parcel of an approved return, inside the approving transaction. Nothing happens for
     * a return kept at home, brought to a store, or that already has its parcel.
     */
    static void open(DSLContext tx, long merchantId, long returnId, OffsetDateTime now) {
        var r = tx.select(RETURNS.ORDER_ID, RETURN_POLICIES.RETURN_CARRIER,
                        DSL.when(RETURNS.METHOD.eq("qr_dropoff"), RETURNS.DROPOFF_CODE).otherwise(DSL.replace(RETURNS.RMA_NUMBER, "-", "")),
                        ORDERS.SHIPPING_CITY, ORDERS.SHIPPING_REGION, ORDERS.SHIPPING_POSTAL_CODE, ORDERS.SHIPPING_COUNTRY,
                        RETURN_POLICIES.RETURN_TO_CITY, RETURN_POLICIES.RETURN_TO_REGION, RETURN_POLICIES.RETURN_TO_POSTAL_CODE,
                        RETURN_POLICIES.RETURN_TO_COUNTRY)
                .from(RETURNS)
                .join(ORDERS).on(ORDERS.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(ORDERS.ID.eq(RETURNS.ORDER_ID))
                .leftJoin(RETURN_POLICIES).on(RETURN_POLICIES.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(RETURN_POLICIES.ID.eq(RETURNS.POLICY_ID))
                .where(RETURNS.MERCHANT_ID.eq(merchantId)).and(RETURNS.ID.eq(returnId)).and(RETURNS.RETURN_SHIPMENT_ID.isNull())
                .and(RETURNS.METHOD.eq("printable_label").or(RETURNS.METHOD.eq("qr_dropoff").and(RETURNS.DROPOFF_CODE.isNotNull())))
                .andExists(DSL.selectOne().from(RETURN_ITEMS)
                        .where(RETURN_ITEMS.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(RETURN_ITEMS.RETURN_ID.eq(RETURNS.ID))
                        .and(RETURN_ITEMS.KEEP_ITEM.isFalse()))
                .fetchOne();
        if (r == null) {
            return;
        }
        Address shopper = new Address(null, null, r.value4(), r.value5(), r.value6(), r.value7());
        Address merchant = new Address(null, null, r.value8(), r.value9(), r.value10(), r.value11());
        ShipmentWriter.openReturnParcel(tx, merchantId, r.value1(), r.value2(), r.value3(), shopper, merchant, now)
                .ifPresent(parcel -> tx.update(RETURNS).set(RETURNS.RETURN_SHIPMENT_ID, parcel)
                        .where(RETURNS.MERCHANT_ID.eq(merchantId)).and(RETURNS.ID.eq(returnId)).execute());
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
            outbox.announceReturn(tx, merchantId, r.getId(), r.getRmaNumber(), ReturnStatus.IN_TRANSIT.code(), email, at);
        }
    }
}
