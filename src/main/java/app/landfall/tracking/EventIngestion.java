package app.landfall.tracking;

import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.SHIPMENT_STATUS_CHANGES;
import static app.landfall.db.schema.Tables.TRACKING_EVENTS;

import app.landfall.db.schema.tables.records.ShipmentsRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Appends tracking events to a shipment and re-derives its state, all in one transaction: the
 * events, the shipment's new status and a status-change row commit together or not at all.
 * Redelivered events (same dedupe key) are ignored.
 */
public final class EventIngestion {
    private final DSLContext dsl;
    private final Clock clock;
    private final Duration expireAfter;

    public EventIngestion(DSLContext dsl, Clock clock, Duration expireAfter) {
        this.dsl = dsl;
        this.clock = clock;
        this.expireAfter = expireAfter;
    }

    public record Result(int stored, int duplicates, boolean statusChanged) {
    }

    /** Empty when the merchant has no such shipment. */
    public Optional<Result> append(long merchantId, long shipmentId, List<IncomingEvent> events, String source) {
        return dsl.transactionResult(cfg -> appendTo(DSL.using(cfg), merchantId, shipmentId, events, source));
    }

    /**
     * Appends events for many shipments in one transaction: all of them or, when any shipment is
     * not the merchant's, none. Returns the ids it could not find (empty on success) and the totals.
     */
    public BatchResult appendBatch(long merchantId, Map<Long, List<IncomingEvent>> eventsByShipment, String source) {
        try {
            return dsl.transactionResult(cfg -> appendAllTo(DSL.using(cfg), merchantId, eventsByShipment, source));
        } catch (UnknownShipment e) {
            return new BatchResult(List.of(e.shipmentId), 0, 0, 0);
        }
    }

    private BatchResult appendAllTo(DSLContext tx, long merchantId, Map<Long, List<IncomingEvent>> eventsByShipment,
                                    String source) {
        int stored = 0;
        int duplicates = 0;
        int changes = 0;
        // lock shipments in id order, so concurrent batches cannot deadlock each other
        for (Map.Entry<Long, List<IncomingEvent>> entry : new TreeMap<>(eventsByShipment).entrySet()) {
            Optional<Result> result = appendTo(tx, merchantId, entry.getKey(), entry.getValue(), source);
            if (result.isEmpty()) {
                throw new UnknownShipment(entry.getKey()); // rolls the whole batch back
            }
            stored += result.get().stored();
            duplicates += result.get().duplicates();
            changes += result.get().statusChanged() ? 1 : 0;
        }
        return new BatchResult(List.of(), stored, duplicates, changes);
    }

    private static final class UnknownShipment extends RuntimeException {
        private final long shipmentId;

        UnknownShipment(long shipmentId) {
            super(null, null, false, false);
            this.shipmentId = shipmentId;
        }
    }

    public record BatchResult(List<Long> unknownShipments, int stored, int duplicates, int statusChanges) {
    }

    private Optional<Result> appendTo(DSLContext tx, long merchantId, long shipmentId, List<IncomingEvent> events,
                                      String source) {
        // one writer per shipment at a time, so concurrent deliveries derive from all events
        ShipmentsRecord shipment = tx.selectFrom(SHIPMENTS)
                .where(SHIPMENTS.MERCHANT_ID.eq(merchantId)).and(SHIPMENTS.ID.eq(shipmentId))
                .forUpdate().fetchOne();
        if (shipment == null) {
            return Optional.empty();
        }
        int stored = 0;
        for (IncomingEvent event : events) {
            stored += insert(tx, merchantId, shipmentId, event, source);
        }
        boolean changed = stored > 0 && rederive(tx, shipment);
        return Optional.of(new Result(stored, events.size() - stored, changed));
    }

    private static int insert(DSLContext tx, long merchantId, long shipmentId, IncomingEvent event, String source) {
        return tx.insertInto(TRACKING_EVENTS)
                .set(TRACKING_EVENTS.MERCHANT_ID, merchantId)
                .set(TRACKING_EVENTS.SHIPMENT_ID, shipmentId)
                .set(TRACKING_EVENTS.OCCURRED_AT, event.occurredAt())
                .set(TRACKING_EVENTS.OCCURRED_TIMEZONE, event.timezone())
                .set(TRACKING_EVENTS.STATUS, event.status().status().code())
                .set(TRACKING_EVENTS.SUBSTATUS, event.status().substatus() == null ? null : event.status().substatus().code())
                .set(TRACKING_EVENTS.RAW_STATUS, event.rawStatus())
                .set(TRACKING_EVENTS.RAW_MESSAGE, event.message())
                .set(TRACKING_EVENTS.LOCATION, event.location())
                .set(TRACKING_EVENTS.CITY, event.city())
                .set(TRACKING_EVENTS.REGION, event.region())
                .set(TRACKING_EVENTS.POSTAL_CODE, event.postalCode())
                .set(TRACKING_EVENTS.COUNTRY, event.country())
                .set(TRACKING_EVENTS.SOURCE, source)
                .set(TRACKING_EVENTS.DEDUPE_KEY, event.dedupeKey())
                .onConflict(TRACKING_EVENTS.MERCHANT_ID, TRACKING_EVENTS.SHIPMENT_ID, TRACKING_EVENTS.DEDUPE_KEY)
                .doNothing()
                .execute();
    }

    /** Derives the state from every stored event; true when the status or substatus changed. */
    private boolean rederive(DSLContext tx, ShipmentsRecord shipment) {
        List<StatusDerivation.Event> all = tx.select(TRACKING_EVENTS.OCCURRED_AT, TRACKING_EVENTS.STATUS,
                        TRACKING_EVENTS.SUBSTATUS, TRACKING_EVENTS.DEDUPE_KEY)
                .from(TRACKING_EVENTS)
                .where(TRACKING_EVENTS.MERCHANT_ID.eq(shipment.getMerchantId()))
                .and(TRACKING_EVENTS.SHIPMENT_ID.eq(shipment.getId()))
                .fetch(r -> new StatusDerivation.Event(r.value1().toInstant(), canonical(r.value2(), r.value3()), r.value4()));
        Instant now = clock.instant();
        StatusDerivation.Derived derived = StatusDerivation.derive(all, shipment.getCreatedAt().toInstant(), now, expireAfter);
        CanonicalStatus before = canonical(shipment.getStatus(), shipment.getSubstatus());
        boolean changed = !derived.status().equals(before);
        String substatus = derived.status().substatus() == null ? null : derived.status().substatus().code();
        shipment.setStatus(derived.status().status().code())
                .setSubstatus(substatus)
                .setShippedAt(utc(derived.shippedAt()))
                .setDeliveredAt(utc(derived.deliveredAt()))
                .setLastEventAt(utc(derived.lastEventAt()))
                .setUpdatedAt(utc(now));
        if (changed) {
            shipment.setStatusChangedAt(utc(derived.statusSince()));
        }
        shipment.update();
        if (changed) {
            tx.insertInto(SHIPMENT_STATUS_CHANGES)
                    .set(SHIPMENT_STATUS_CHANGES.MERCHANT_ID, shipment.getMerchantId())
                    .set(SHIPMENT_STATUS_CHANGES.SHIPMENT_ID, shipment.getId())
                    .set(SHIPMENT_STATUS_CHANGES.FROM_STATUS, before.status().code())
                    .set(SHIPMENT_STATUS_CHANGES.FROM_SUBSTATUS, before.substatus() == null ? null : before.substatus().code())
                    .set(SHIPMENT_STATUS_CHANGES.TO_STATUS, derived.status().status().code())
                    .set(SHIPMENT_STATUS_CHANGES.TO_SUBSTATUS, substatus)
                    .set(SHIPMENT_STATUS_CHANGES.CHANGED_AT, utc(derived.statusSince()))
                    .execute();
        }
        return changed;
    }

    private static CanonicalStatus canonical(String status, String substatus) {
        ShipmentStatus parent = ShipmentStatus.fromCode(status).orElseThrow();
        return substatus == null ? CanonicalStatus.of(parent)
                : CanonicalStatus.of(Substatus.fromCode(substatus).filter(s -> s.status() == parent).orElseThrow());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
