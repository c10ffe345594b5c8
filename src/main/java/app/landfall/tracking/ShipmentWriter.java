package app.landfall.tracking;

import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.ORDER_ITEMS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.SHIPMENT_ITEMS;

import app.landfall.orders.Address;
import app.landfall.auth.Tokens;
import app.landfall.carriers.CarrierDirectory;
import app.landfall.carriers.TrackingNumbers;
import app.landfall.db.schema.tables.records.ShipmentsRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Creates or updates a shipment by carrier and tracking number inside the caller's transaction, then
 * appends its events. Strict callers (the API) get {@link Unresolved} for an order, item or carrier
 * that cannot be resolved; lenient ones (webhooks, which must accept what the provider knows) get a
 * shipment without an order, without those items, or with carrier {@code unknown}.
 */
public final class ShipmentWriter {
    public static final String UNKNOWN_CARRIER = "unknown";

    /**
     * The columns, in order, of the rows {@link #insertReturnParcel} takes (direction is
     * {@code return}; origin is the shopper's address, destination the merchant's return address).
     */
    public static final String RETURN_PARCEL_COLUMNS = """
            merchant_id, order_id, direction, carrier, tracking_number, origin_city, origin_region, origin_postal_code,
            origin_country, destination_city, destination_region, destination_postal_code, destination_country, public_token,
            created_at, updated_at, status_changed_at""";

    /**
     * For the return submit's one statement (docs/benchmarks.md, "Submitting a return"), which makes
     * the return's parcel, the return and its announcement in one round trip: the insert of the
     * parcel from the caller's {@code select} of {@link #RETURN_PARCEL_COLUMNS}, returning its id.
     * A number the merchant already tracks under that carrier is not taken over (no row).
     */
    public static String insertReturnParcel(String select) {
        return "INSERT INTO shipments (" + RETURN_PARCEL_COLUMNS + ")\n" + select
                + "\nON CONFLICT (merchant_id, carrier, tracking_number) DO NOTHING\nRETURNING id";
    }

    /**
     * A return's parcel, coming back from the shopper ({@code from}) to the merchant ({@code to}),
     * under the number the carrier will scan; empty when the merchant already tracks that number
     * under that carrier (it is not taken over).
     */
    public static Optional<Long> openReturnParcel(DSLContext tx, long merchantId, long orderId, String carrier, String number,
            Address from, Address to, OffsetDateTime now) {
        return tx.insertInto(SHIPMENTS)
                .set(SHIPMENTS.MERCHANT_ID, merchantId)
                .set(SHIPMENTS.ORDER_ID, orderId)
                .set(SHIPMENTS.DIRECTION, "return")
                .set(SHIPMENTS.CARRIER, carrier == null ? UNKNOWN_CARRIER : carrier)
                .set(SHIPMENTS.TRACKING_NUMBER, number)
                .set(SHIPMENTS.ORIGIN_CITY, from.city()).set(SHIPMENTS.ORIGIN_REGION, from.region())
                .set(SHIPMENTS.ORIGIN_POSTAL_CODE, from.postalCode()).set(SHIPMENTS.ORIGIN_COUNTRY, from.country())
                .set(SHIPMENTS.DESTINATION_CITY, to.city()).set(SHIPMENTS.DESTINATION_REGION, to.region())
                .set(SHIPMENTS.DESTINATION_POSTAL_CODE, to.postalCode()).set(SHIPMENTS.DESTINATION_COUNTRY, to.country())
                .set(SHIPMENTS.PUBLIC_TOKEN, Tokens.newToken())
                .set(SHIPMENTS.CREATED_AT, now).set(SHIPMENTS.UPDATED_AT, now).set(SHIPMENTS.STATUS_CHANGED_AT, now)
                .onConflict(SHIPMENTS.MERCHANT_ID, SHIPMENTS.CARRIER, SHIPMENTS.TRACKING_NUMBER).doNothing()
                .returning(SHIPMENTS.ID)
                .fetchOptional(SHIPMENTS.ID);
    }

    /**
     * Puts a bought label's carrier and tracking number on a return parcel, so the carrier's scans
     * (the EasyPost webhook keys on carrier and number) reach it. False when it is not this store's return parcel.
     */
    public static boolean labelReturnParcel(DSLContext tx, long merchantId, long parcelId, String carrier, String number, String service,
            OffsetDateTime now) {
        return tx.update(SHIPMENTS).set(SHIPMENTS.CARRIER, carrier).set(SHIPMENTS.TRACKING_NUMBER, number).set(SHIPMENTS.SERVICE, service)
                .set(SHIPMENTS.UPDATED_AT, now)
                .where(SHIPMENTS.MERCHANT_ID.eq(merchantId)).and(SHIPMENTS.ID.eq(parcelId)).and(SHIPMENTS.DIRECTION.eq("return"))
                .execute() == 1;
    }

    /** Removes a return parcel that its return did not keep (the submit lost its RMA or drop-off code to another). */
    public static void forgetReturnParcel(DSLContext tx, long merchantId, long parcelId) {
        tx.deleteFrom(SHIPMENTS).where(SHIPMENTS.MERCHANT_ID.eq(merchantId)).and(SHIPMENTS.ID.eq(parcelId))
                .and(SHIPMENTS.DIRECTION.eq("return")).execute();
    }

    private final EventIngestion ingestion;
    private final Clock clock;

    public ShipmentWriter(EventIngestion ingestion, Clock clock) {
        this.ingestion = ingestion;
        this.clock = clock;
    }

    public enum Mode { STRICT, LENIENT }

    public record Written(long id, boolean created, int eventsStored, int duplicates) {
    }

    /** A reference the request makes that does not resolve; {@code field} is its path in the request. */
    public static final class Unresolved extends RuntimeException {
        private final String field;

        public Unresolved(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public Written upsert(DSLContext tx, long merchantId, ShipmentUpsert shipment, Mode mode, String source) {
        String number = TrackingNumbers.normalize(shipment.trackingNumber());
        String carrier = shipment.carrier() != null ? shipment.carrier() : carrier(tx, merchantId, number, mode);
        Long orderId = order(tx, merchantId, shipment, mode);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);

        ShipmentsRecord stored = lock(tx, merchantId, carrier, number);
        boolean created = false;
        if (stored == null) {
            Long id = tx.insertInto(SHIPMENTS)
                    .set(SHIPMENTS.MERCHANT_ID, merchantId)
                    .set(SHIPMENTS.ORDER_ID, orderId)
                    .set(SHIPMENTS.DIRECTION, shipment.direction() != null ? shipment.direction() : "outbound")
                    .set(SHIPMENTS.CARRIER, carrier)
                    .set(SHIPMENTS.SERVICE, shipment.service() != null ? shipment.service() : service(carrier, number))
                    .set(SHIPMENTS.TRACKING_NUMBER, number)
                    .set(SHIPMENTS.CARRIER_ESTIMATED_DELIVERY, shipment.carrierEstimatedDelivery())
                    .set(SHIPMENTS.PICKUP_LOCATION, shipment.pickup() == null ? null : shipment.pickup().location())
                    .set(SHIPMENTS.PICKUP_DEADLINE, shipment.pickup() == null ? null : shipment.pickup().deadline())
                    .set(SHIPMENTS.PUBLIC_TOKEN, Tokens.newToken())
                    .set(SHIPMENTS.CREATED_AT, now)
                    .set(SHIPMENTS.UPDATED_AT, now)
                    .set(SHIPMENTS.STATUS_CHANGED_AT, now)
                    .onConflict(SHIPMENTS.MERCHANT_ID, SHIPMENTS.CARRIER, SHIPMENTS.TRACKING_NUMBER).doNothing()
                    .returning(SHIPMENTS.ID)
                    .fetchOptional(SHIPMENTS.ID).orElse(null);
            if (id != null) {
                created = true;
                stored = tx.newRecord(SHIPMENTS);
                stored.setId(id);
                stored.setOrderId(orderId);
            } else {
                stored = lock(tx, merchantId, carrier, number); // another delivery created it just now
            }
        }
        if (!created) {
            boolean changed = false;
            if (orderId != null && !orderId.equals(stored.getOrderId())) {
                stored.setOrderId(orderId);
                changed = true;
            }
            if (shipment.service() != null && !shipment.service().equals(stored.getService())) {
                stored.setService(shipment.service());
                changed = true;
            }
            if (shipment.carrierEstimatedDelivery() != null
                    && !shipment.carrierEstimatedDelivery().equals(stored.getCarrierEstimatedDelivery())) {
                stored.setCarrierEstimatedDelivery(shipment.carrierEstimatedDelivery());
                changed = true;
            }
            ShipmentUpsert.Pickup pickup = shipment.pickup();
            if (pickup != null && (!pickup.location().equals(stored.getPickupLocation())
                    || !java.util.Objects.equals(pickup.deadline(), stored.getPickupDeadline()))) {
                stored.setPickupLocation(pickup.location());
                stored.setPickupDeadline(pickup.deadline());
                changed = true;
            }
            if (changed) {
                tx.update(SHIPMENTS)
                        .set(SHIPMENTS.ORDER_ID, stored.getOrderId())
                        .set(SHIPMENTS.SERVICE, stored.getService())
                        .set(SHIPMENTS.CARRIER_ESTIMATED_DELIVERY, stored.getCarrierEstimatedDelivery())
                        .set(SHIPMENTS.PICKUP_LOCATION, stored.getPickupLocation())
                        .set(SHIPMENTS.PICKUP_DEADLINE, stored.getPickupDeadline())
                        .set(SHIPMENTS.UPDATED_AT, now)
                        .where(SHIPMENTS.MERCHANT_ID.eq(merchantId)).and(SHIPMENTS.ID.eq(stored.getId()))
                        .execute();
            }
        }
        long id = stored.getId();
        if (shipment.items() != null && stored.getOrderId() != null) {
            writeItems(tx, merchantId, id, stored.getOrderId(), shipment.items(), mode);
        }
        int eventsStored = 0;
        int duplicates = 0;
        if (shipment.events() != null && !shipment.events().isEmpty()) {
            EventIngestion.BatchResult result = ingestion.appendInTransaction(tx, merchantId,
                    Map.of(id, shipment.events()), source);
            eventsStored = result.stored();
            duplicates = result.duplicates();
        }
        return new Written(id, created, eventsStored, duplicates);
    }

    /** The service the number itself encodes for that carrier ("UPS Ground", "FedEx Express" …), if any. */
    private static String service(String carrier, String number) {
        String name = CarrierDirectory.byCode(carrier).map(CarrierDirectory.Carrier::displayName).orElse("");
        return TrackingNumbers.detect(number).candidates().stream()
                .filter(c -> c.carrierCode().equals(carrier))
                .map(TrackingNumbers.Candidate::service)
                .filter(Objects::nonNull)
                .map(service -> service.startsWith(name) ? service : name + " " + service)
                .findFirst().orElse(null);
    }

    private static ShipmentsRecord lock(DSLContext tx, long merchantId, String carrier, String number) {
        return tx.selectFrom(SHIPMENTS)
                .where(SHIPMENTS.MERCHANT_ID.eq(merchantId))
                .and(SHIPMENTS.CARRIER.eq(carrier))
                .and(SHIPMENTS.TRACKING_NUMBER.eq(number))
                .forUpdate()
                .fetchOne();
    }

    /** The carrier of a shipment whose source did not name one. */
    private static String carrier(DSLContext tx, long merchantId, String number, Mode mode) {
        // a shipment the merchant already has under this number settles it
        List<String> known = tx.select(SHIPMENTS.CARRIER).from(SHIPMENTS)
                .where(SHIPMENTS.MERCHANT_ID.eq(merchantId)).and(SHIPMENTS.TRACKING_NUMBER.eq(number))
                .fetch(SHIPMENTS.CARRIER);
        if (known.size() == 1) {
            return known.get(0);
        }
        var candidates = TrackingNumbers.detect(number).candidates();
        if (candidates.size() == 1) {
            return candidates.get(0).carrierCode();
        }
        if (mode == Mode.LENIENT) {
            return UNKNOWN_CARRIER;
        }
        if (candidates.isEmpty()) {
            throw new Unresolved("carrier", "could not tell the carrier from the tracking number; name it (e.g. \"ups\")");
        }
        throw new Unresolved("carrier", "the tracking number fits several carriers ("
                + String.join(", ", candidates.stream().map(TrackingNumbers.Candidate::carrierCode).toList())
                + "); name the one that carries it");
    }

    private static Long order(DSLContext tx, long merchantId, ShipmentUpsert shipment, Mode mode) {
        if (shipment.orderNumber() == null && shipment.orderExternalId() == null) {
            return null;
        }
        var query = tx.select(ORDERS.ID).from(ORDERS).where(ORDERS.MERCHANT_ID.eq(merchantId));
        Long id = shipment.orderNumber() != null
                ? query.and(ORDERS.ORDER_NUMBER.eq(shipment.orderNumber())).fetchOptional(ORDERS.ID).orElse(null)
                : query.and(ORDERS.EXTERNAL_ID.eq(shipment.orderExternalId())).fetchOptional(ORDERS.ID).orElse(null);
        if (id == null && mode == Mode.STRICT) {
            throw new Unresolved("order_number", "no order with this order number; create it first (POST /api/v1/orders)");
        }
        return id;
    }

    /** Replaces the package's contents with the given items (quantities of repeated items add up). */
    private static void writeItems(DSLContext tx, long merchantId, long shipmentId, long orderId,
                                   List<ShipmentUpsert.Item> items, Mode mode) {
        var orderItems = tx.select(ORDER_ITEMS.ID, ORDER_ITEMS.EXTERNAL_ID, ORDER_ITEMS.SKU)
                .from(ORDER_ITEMS)
                .where(ORDER_ITEMS.MERCHANT_ID.eq(merchantId)).and(ORDER_ITEMS.ORDER_ID.eq(orderId))
                .orderBy(ORDER_ITEMS.ID)
                .fetch();
        Map<Long, Integer> quantities = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ShipmentUpsert.Item item = items.get(i);
            Long itemId = orderItems.stream()
                    .filter(r -> item.externalId() != null ? item.externalId().equals(r.value2())
                            : Objects.equals(item.sku(), r.value3()))
                    .map(r -> r.value1())
                    .findFirst().orElse(null);
            if (itemId == null) {
                if (mode == Mode.STRICT) {
                    throw new Unresolved("items[" + i + "]", "the order has no item with this "
                            + (item.externalId() != null ? "external_id" : "sku"));
                }
                continue;
            }
            quantities.merge(itemId, item.quantity(), Integer::sum);
        }
        tx.deleteFrom(SHIPMENT_ITEMS)
                .where(SHIPMENT_ITEMS.MERCHANT_ID.eq(merchantId)).and(SHIPMENT_ITEMS.SHIPMENT_ID.eq(shipmentId))
                .execute();
        if (!quantities.isEmpty()) {
            var insert = tx.insertInto(SHIPMENT_ITEMS, SHIPMENT_ITEMS.MERCHANT_ID, SHIPMENT_ITEMS.SHIPMENT_ID,
                    SHIPMENT_ITEMS.ORDER_ITEM_ID, SHIPMENT_ITEMS.QUANTITY);
            for (var entry : quantities.entrySet()) {
                insert = insert.values(merchantId, shipmentId, entry.getKey(), entry.getValue());
            }
            insert.execute();
        }
    }
}
