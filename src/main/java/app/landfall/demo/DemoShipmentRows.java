package app.landfall.demo;

import static app.landfall.db.schema.Tables.SHIPMENTS;

import app.landfall.auth.Tokens;
import app.landfall.db.schema.tables.records.ShipmentItemsRecord;
import app.landfall.db.schema.tables.records.ShipmentStatusChangesRecord;
import app.landfall.db.schema.tables.records.ShipmentsRecord;
import app.landfall.db.schema.tables.records.TrackingEventsRecord;
import app.landfall.demo.DemoJourney.Event;
import app.landfall.demo.DemoOrder.Parcel;
import app.landfall.tracking.CanonicalStatus;
import app.landfall.tracking.ShipmentStatus;
import app.landfall.tracking.StatusDerivation;
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
        List<ShipmentStatusChangesRecord> changes = new ArrayList<>();
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
            changes.addAll(statusChanges(merchantId, shipmentId, s.parcel()));
        }
        DemoRows.insert(dsl, items);
        DemoRows.insert(dsl, events);
        DemoRows.insert(dsl, changes);
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

    /** Far enough that no demo parcel expires while its own events are replayed. */
    private static final Duration NEVER = Duration.ofDays(36_500);

    /**
     * The status changes the parcel's events caused, as ingestion records them when events arrive one
     * by one: the status derived after each event, a row whenever it differs from the one before. The
     * events are written here in bulk, back-dated, so without these rows the shipment's admin page had
     * events but no status change at all.
     */
    static List<ShipmentStatusChangesRecord> statusChanges(long merchantId, long shipmentId, Parcel parcel) {
        List<ShipmentStatusChangesRecord> out = new ArrayList<>();
        DemoJourney journey = parcel.journey();
        CanonicalStatus before = CanonicalStatus.of(ShipmentStatus.Pending);
        List<StatusDerivation.Event> seen = new ArrayList<>();
        for (Event event : journey.events()) {
            Substatus sub = event.step().substatus;
            seen.add(new StatusDerivation.Event(event.at(),
                    sub == null ? CanonicalStatus.of(event.step().status()) : CanonicalStatus.of(sub), "demo-" + (seen.size() + 1)));
            StatusDerivation.Derived derived = StatusDerivation.derive(seen, parcel.createdAt(), event.at(), NEVER);
            if (!derived.status().equals(before)) {
                out.add(change(merchantId, shipmentId, before, derived.status(), derived.statusSince()));
                before = derived.status();
            }
        }
        CanonicalStatus now = journey.substatus() == null ? CanonicalStatus.of(journey.status()) : CanonicalStatus.of(journey.substatus());
        if (!now.equals(before)) { // a parcel gone silent: Expired when the silence ran out
            out.add(change(merchantId, shipmentId, before, now, journey.statusChangedAt(parcel.createdAt())));
        }
        return out;
    }

    private static ShipmentStatusChangesRecord change(long merchantId, long shipmentId, CanonicalStatus from, CanonicalStatus to,
            Instant at) {
        return new ShipmentStatusChangesRecord()
                .setMerchantId(merchantId)
                .setShipmentId(shipmentId)
                .setFromStatus(from.status().code())
                .setFromSubstatus(from.substatus() == null ? null : from.substatus().code())
                .setToStatus(to.status().code())
                .setToSubstatus(to.substatus() == null ? null : to.substatus().code())
                .setChangedAt(DemoRows.at(at))
                .setRecordedAt(DemoRows.at(at.plus(Duration.ofMinutes(1))));
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
