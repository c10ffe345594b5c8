package app.landfall.returns;

import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.RETURNS;
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
        app.landfall.db.RenderedQuery.execute(tx, OPEN, Tokens.newToken(), now, now, now, merchantId, returnId, returnId);
    }

    /** The columns a return parcel is inserted with (here and in a submit's one write). */
    static final String COLUMNS = """
            merchant_id, order_id, direction, carrier, tracking_number, origin_city, origin_region, origin_postal_code,
            origin_country, destination_city, destination_region, destination_postal_code, destination_country, public_token,
            created_at, updated_at, status_changed_at""";

    private static final String OPEN = """
            WITH parcel AS (
                INSERT INTO shipments (%s)
                SELECT r.merchant_id, r.order_id, 'return', coalesce(p.return_carrier, '%s'),
                       CASE r.method WHEN 'qr_dropoff' THEN r.dropoff_code ELSE replace(r.rma_number, '-', '') END,
                       o.shipping_city, o.shipping_region, o.shipping_postal_code, o.shipping_country,
                       p.return_to_city, p.return_to_region, p.return_to_postal_code, p.return_to_country,
                       ?, ?::timestamptz, ?::timestamptz, ?::timestamptz
                FROM returns r
                JOIN orders o ON o.merchant_id = r.merchant_id AND o.id = r.order_id
                LEFT JOIN return_policies p ON p.merchant_id = r.merchant_id AND p.id = r.policy_id
                WHERE r.merchant_id = ? AND r.id = ? AND r.return_shipment_id IS NULL
                  AND (r.method = 'printable_label' OR (r.method = 'qr_dropoff' AND r.dropoff_code IS NOT NULL))
                  AND EXISTS (SELECT 1 FROM return_items i
                              WHERE i.merchant_id = r.merchant_id AND i.return_id = r.id AND NOT i.keep_item)
                -- a number the merchant already tracks under that carrier is not taken over
                ON CONFLICT (merchant_id, carrier, tracking_number) DO NOTHING
                RETURNING merchant_id, id, tracking_number)
            UPDATE returns r SET return_shipment_id = parcel.id
            FROM parcel
            WHERE r.merchant_id = parcel.merchant_id AND r.id = ?""".formatted(COLUMNS, ShipmentWriter.UNKNOWN_CARRIER);

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
