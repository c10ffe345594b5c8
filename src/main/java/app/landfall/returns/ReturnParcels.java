package app.landfall.returns;

import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_ITEMS;
import static app.landfall.db.schema.Tables.RETURN_POLICIES;
import static app.landfall.db.schema.Tables.SHIPMENTS;

import app.landfall.notifications.Outbox;
import app.landfall.auth.Tokens;
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
        // one statement: the parcel is made from the return, its order and policy, and linked
        var parcel = DSL.name("parcel").as(tx.insertInto(SHIPMENTS, SHIPMENTS.MERCHANT_ID, SHIPMENTS.ORDER_ID, SHIPMENTS.DIRECTION,
                        SHIPMENTS.CARRIER, SHIPMENTS.TRACKING_NUMBER, SHIPMENTS.ORIGIN_CITY, SHIPMENTS.ORIGIN_REGION,
                        SHIPMENTS.ORIGIN_POSTAL_CODE, SHIPMENTS.ORIGIN_COUNTRY, SHIPMENTS.DESTINATION_CITY, SHIPMENTS.DESTINATION_REGION,
                        SHIPMENTS.DESTINATION_POSTAL_CODE, SHIPMENTS.DESTINATION_COUNTRY, SHIPMENTS.PUBLIC_TOKEN, SHIPMENTS.CREATED_AT,
                        SHIPMENTS.UPDATED_AT, SHIPMENTS.STATUS_CHANGED_AT)
                .select(DSL.select(RETURNS.MERCHANT_ID, RETURNS.ORDER_ID, DSL.inline("return"),
                                DSL.coalesce(RETURN_POLICIES.RETURN_CARRIER, DSL.inline(ShipmentWriter.UNKNOWN_CARRIER)),
                                DSL.when(RETURNS.METHOD.eq("qr_dropoff"), RETURNS.DROPOFF_CODE)
                                        .otherwise(DSL.replace(RETURNS.RMA_NUMBER, "-", "")),
                                ORDERS.SHIPPING_CITY, ORDERS.SHIPPING_REGION, ORDERS.SHIPPING_POSTAL_CODE, ORDERS.SHIPPING_COUNTRY,
                                RETURN_POLICIES.RETURN_TO_CITY, RETURN_POLICIES.RETURN_TO_REGION, RETURN_POLICIES.RETURN_TO_POSTAL_CODE,
                                RETURN_POLICIES.RETURN_TO_COUNTRY, DSL.val(Tokens.newToken()), DSL.val(now), DSL.val(now), DSL.val(now))
                        .from(RETURNS)
                        .join(ORDERS).on(ORDERS.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(ORDERS.ID.eq(RETURNS.ORDER_ID))
                        .leftJoin(RETURN_POLICIES).on(RETURN_POLICIES.MERCHANT_ID.eq(RETURNS.MERCHANT_ID))
                        .and(RETURN_POLICIES.ID.eq(RETURNS.POLICY_ID))
                        .where(RETURNS.MERCHANT_ID.eq(merchantId)).and(RETURNS.ID.eq(returnId)).and(RETURNS.RETURN_SHIPMENT_ID.isNull())
                        .and(RETURNS.METHOD.eq("printable_label").or(RETURNS.METHOD.eq("qr_dropoff").and(RETURNS.DROPOFF_CODE.isNotNull())))
                        .andExists(DSL.selectOne().from(RETURN_ITEMS)
                                .where(RETURN_ITEMS.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(RETURN_ITEMS.RETURN_ID.eq(RETURNS.ID))
                                .and(RETURN_ITEMS.KEEP_ITEM.isFalse())))
                // a number the merchant already tracks under that carrier is not taken over
                .onConflict(SHIPMENTS.MERCHANT_ID, SHIPMENTS.CARRIER, SHIPMENTS.TRACKING_NUMBER).doNothing()
                .returningResult(SHIPMENTS.MERCHANT_ID, SHIPMENTS.ID));
        tx.with(parcel)
                .update(RETURNS).set(RETURNS.RETURN_SHIPMENT_ID, parcel.field(SHIPMENTS.ID))
                .from(parcel)
                .where(RETURNS.MERCHANT_ID.eq(parcel.field(SHIPMENTS.MERCHANT_ID))).and(RETURNS.ID.eq(returnId))
                .execute();
    }

    /** The columns a submit's one write inserts its return parcel with (the parcel {@link #open} makes). */
    static final String COLUMNS = """
            merchant_id, order_id, direction, carrier, tracking_number, origin_city, origin_region, origin_postal_code,
            origin_country, destination_city, destination_region, destination_postal_code, destination_country, public_token,
            created_at, updated_at, status_changed_at""";

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
