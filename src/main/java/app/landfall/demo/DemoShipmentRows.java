package app.landfall.demo;

import static app.landfall.db.schema.Tables.SHIPMENTS;

import app.landfall.auth.Tokens;
import app.landfall.db.schema.tables.records.ShipmentItemsRecord;
import app.landfall.db.schema.tables.records.ShipmentsRecord;
import app.landfall.db.schema.tables.records.TrackingEventsRecord;
import app.landfall.demo.DemoJourney.Event;
import app.landfall.demo.DemoOrder.Parcel;
import app.landfall.tracking.Substatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jooq.DSLContext;

/** Writes packages (outbound and returns), what is in them, and their carrier events. */
final class DemoShipmentRows {

    record Shipped(DemoOrder order, Parcel parcel) {
    }

    private DemoShipmentRows() {
    }

    /** Returns the new shipments' ids by tracking number. */
    static Map<String, Long> insert(DSLContext dsl, long merchantId, DemoRows.Ids ids, List<Shipped> all) {
        List<ShipmentsRecord> rows = all.stream().map(s -> shipment(merchantId, ids.order(s.order()), s.parcel())).toList();
        Map<String, Long> shipmentIds = new HashMap<>();
        DemoRows.insert(dsl, rows, SHIPMENTS.ID, SHIPMENTS.TRACKING_NUMBER)
                .forEach(r -> shipmentIds.put(r.getTrackingNumber(), r.getId()));

        List<ShipmentItemsRecord> items = new ArrayList<>();
        List<TrackingEventsRecord> events = new ArrayList<>();
        for (Shipped s : all) {
            long shipmentId = shipmentIds.get(s.parcel().trackingNumber());
            for (int line : s.parcel().lines()) {
                items.add(new ShipmentItemsRecord()
                        .setMerchantId(merchantId)
                        .setShipmentId(shipmentId)
                        .setOrderItemId(ids.item(s.order(), line))
                        .setQuantity(s.order().lines().get(line).quantity()));
            }
            List<Event> journey = s.parcel().journey().events();
            for (int n = 0; n < journey.size(); n++) {
                events.add(event(merchantId, shipmentId, journey.get(n), n + 1));
            }
        }
        DemoRows.insert(dsl, items);
        DemoRows.insert(dsl, events);
        return shipmentIds;
    }

    private static ShipmentsRecord shipment(long merchantId, long orderId, Parcel parcel) {
        DemoJourney journey = parcel.journey();
        Substatus substatus = journey.substatus();
        Instant statusChangedAt = journey.statusChangedAt(parcel.createdAt());
        Instant updatedAt = Stream.of(parcel.createdAt(), statusChangedAt, parcel.latest())
                .max(Instant::compareTo).orElseThrow();
        boolean waitingForPickup = journey.status() == app.landfall.tracking.ShipmentStatus.AvailableForPickup;
        return new ShipmentsRecord()
                .setMerchantId(merchantId)
                .setOrderId(orderId)
                .setDirection(parcel.direction())
                .setCarrier(parcel.carrier())
                .setService(parcel.service())
                .setTrackingNumber(parcel.trackingNumber())
                .setOriginCity(parcel.origin().city())
                .setOriginRegion(parcel.origin().region())
                .setOriginPostalCode(parcel.origin().postalCode())
                .setOriginCountry(parcel.origin().country())
                .setDestinationCity(parcel.destination().city())
                .setDestinationRegion(parcel.destination().region())
                .setDestinationPostalCode(parcel.destination().postalCode())
                .setDestinationCountry(parcel.destination().country())
                .setStatus(journey.status().code())
                .setSubstatus(substatus == null ? null : substatus.code())
                .setStatusChangedAt(DemoRows.at(statusChangedAt))
                .setCarrierEstimatedDelivery(journey.estimatedDelivery(parcel.destination().zone()))
                .setPickupLocation(waitingForPickup ? pickupPoint(parcel.carrier(), parcel.destination()) : null)
                .setPickupDeadline(waitingForPickup
                        ? statusChangedAt.plus(PICKUP_HOLD).atZone(parcel.destination().zone()).toLocalDate() : null)
                .setShippedAt(DemoRows.at(journey.shippedAt()))
                .setDeliveredAt(DemoRows.at(journey.deliveredAt()))
                .setLastEventAt(DemoRows.at(journey.lastEventAt()))
                .setPublicToken(Tokens.newToken())
                .setCreatedAt(DemoRows.at(parcel.createdAt()))
                .setUpdatedAt(DemoRows.at(updatedAt));
    }

    /** How long the demo carriers hold a parcel at a pickup point (UPS and USPS: 7 days; DHL: 7 working days). */
    static final Duration PICKUP_HOLD = Duration.ofDays(7);

    /** The carrier's kind of pickup place near the customer, as a tracking page would name it. */
    static String pickupPoint(String carrier, DemoPlace near) {
        String place = switch (carrier) {
            case "ups" -> "UPS Access Point";
            case "fedex" -> "FedEx Office";
            case "usps" -> "Post Office";
            case "dhl" -> "DHL Service Point";
            default -> "Pickup point";
        };
        return place + ", " + near.city() + (near.region() == null ? "" : ", " + near.region())
                + (near.postalCode() == null ? "" : " " + near.postalCode());
    }

    private static TrackingEventsRecord event(long merchantId, long shipmentId, Event event, int n) {
        DemoPlace place = event.place();
        Substatus substatus = event.step().substatus;
        return new TrackingEventsRecord()
                .setMerchantId(merchantId)
                .setShipmentId(shipmentId)
                .setOccurredAt(DemoRows.at(event.at()))
                .setOccurredTimezone(place.timezone())
                .setStatus(event.step().status().code())
                .setSubstatus(substatus == null ? null : substatus.code())
                .setRawStatus(event.rawStatus())
                .setRawMessage(event.rawMessage())
                .setLocation(place.location())
                .setCity(place.city())
                .setRegion(place.region())
                .setPostalCode(place.postalCode())
                .setCountry(place.country())
                .setSource("demo")
                .setDedupeKey("demo-" + n)
                // carriers' feeds reach us a minute or two after the scan
                .setReceivedAt(DemoRows.at(event.at().plus(Duration.ofSeconds(40 + 17L * n))));
    }
}
