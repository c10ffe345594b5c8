package app.landfall.tracking;

import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.SHIPMENT_STATUS_CHANGES;
import static app.landfall.db.schema.Tables.TRACKING_EVENTS;

import app.landfall.db.schema.tables.records.ShipmentStatusChangesRecord;
import app.landfall.db.schema.tables.records.ShipmentsRecord;
import app.landfall.db.schema.tables.records.TrackingEventsRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Appends tracking events and re-derives the state of the shipments they belong to, all in one
 * transaction: events, new statuses and status-change rows commit together or not at all.
 * Redelivered events (same dedupe key) are ignored. Set-based, so a batch of a thousand events
 * costs a handful of statements, not thousands.
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

    public record BatchResult(List<Long> unknownShipments, int stored, int duplicates, int statusChanges) {
    }

    /** Empty when the merchant has no such shipment. */
    public Optional<Result> append(long merchantId, long shipmentId, List<IncomingEvent> events, String source) {
        BatchResult result = appendBatch(merchantId, Map.of(shipmentId, events), source);
        return result.unknownShipments().isEmpty()
                ? Optional.of(new Result(result.stored(), result.duplicates(), result.statusChanges() > 0))
                : Optional.empty();
    }

    /** Events for many shipments: all stored or, when any shipment is not the merchant's, none. */
    public BatchResult appendBatch(long merchantId, Map<Long, List<IncomingEvent>> eventsByShipment, String source) {
        try {
            return dsl.transactionResult(cfg -> write(DSL.using(cfg), merchantId, eventsByShipment, source));
        } catch (UnknownShipment e) {
            return new BatchResult(List.of(e.shipmentId), 0, 0, 0);
        }
    }

    /**
     * Like {@link #appendBatch} inside the caller's transaction {@code tx}, for callers that write
     * more in the same transaction (webhooks upsert orders and shipments first). The shipments must be
     * the merchant's: an unknown id throws and so rolls the caller's transaction back.
     */
    public BatchResult appendInTransaction(DSLContext tx, long merchantId, Map<Long, List<IncomingEvent>> eventsByShipment,
                                           String source) {
        return write(tx, merchantId, eventsByShipment, source);
    }

    /**
     * Derives the given shipments again from their stored events, as of now: how a shipment that
     * hears nothing becomes Expired. Returns how many changed status.
     */
    public int refresh(long merchantId, Collection<Long> shipmentIds) {
        Set<Long> ids = new TreeSet<>(shipmentIds);
        if (ids.isEmpty()) {
            return 0;
        }
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            Map<Long, ShipmentsRecord> shipments = tx.selectFrom(SHIPMENTS)
                    .where(SHIPMENTS.MERCHANT_ID.eq(merchantId)).and(SHIPMENTS.ID.in(ids))
                    .orderBy(SHIPMENTS.ID)
                    .forUpdate()
                    .fetchMap(SHIPMENTS.ID);
            return rederive(tx, merchantId, shipments.keySet(), shipments);
        });
    }

    private BatchResult write(DSLContext tx, long merchantId, Map<Long, List<IncomingEvent>> eventsByShipment,
                              String source) {
        Set<Long> ids = new TreeSet<>(eventsByShipment.keySet());
        // one writer per shipment at a time, locked in id order so concurrent batches cannot deadlock
        Map<Long, ShipmentsRecord> shipments = tx.selectFrom(SHIPMENTS)
                .where(SHIPMENTS.MERCHANT_ID.eq(merchantId)).and(SHIPMENTS.ID.in(ids))
                .orderBy(SHIPMENTS.ID)
                .forUpdate()
                .fetchMap(SHIPMENTS.ID);
        for (long id : ids) {
            if (!shipments.containsKey(id)) {
                throw new UnknownShipment(id); // rolls the whole batch back
            }
        }
        List<TrackingEventsRecord> rows = new ArrayList<>();
        eventsByShipment.forEach((shipmentId, events) -> events.forEach(e -> rows.add(row(merchantId, shipmentId, e, source))));
        if (rows.isEmpty()) {
            return new BatchResult(List.of(), 0, 0, 0);
        }
        var insert = tx.insertInto(TRACKING_EVENTS).set(rows.get(0));
        for (TrackingEventsRecord row : rows.subList(1, rows.size())) {
            insert = insert.newRecord().set(row);
        }
        // RETURNING yields only the rows actually inserted: redelivered events are skipped
        List<Long> inserted = insert
                .onConflict(TRACKING_EVENTS.MERCHANT_ID, TRACKING_EVENTS.SHIPMENT_ID, TRACKING_EVENTS.DEDUPE_KEY)
                .doNothing()
                .returning(TRACKING_EVENTS.SHIPMENT_ID)
                .fetch(TRACKING_EVENTS.SHIPMENT_ID);
        Set<Long> touched = new TreeSet<>(inserted);
        int changes = touched.isEmpty() ? 0 : rederive(tx, merchantId, touched, shipments);
        return new BatchResult(List.of(), inserted.size(), rows.size() - inserted.size(), changes);
    }

    /** Derives every touched shipment from all its stored events; returns how many changed status. */
    private int rederive(DSLContext tx, long merchantId, Set<Long> touched, Map<Long, ShipmentsRecord> shipments) {
        Map<Long, List<StatusDerivation.Event>> events = tx.select(TRACKING_EVENTS.SHIPMENT_ID, TRACKING_EVENTS.OCCURRED_AT,
                        TRACKING_EVENTS.STATUS, TRACKING_EVENTS.SUBSTATUS, TRACKING_EVENTS.DEDUPE_KEY)
                .from(TRACKING_EVENTS)
                .where(TRACKING_EVENTS.MERCHANT_ID.eq(merchantId))
                .and(TRACKING_EVENTS.SHIPMENT_ID.in(touched))
                .fetchGroups(r -> r.value1(), r -> new StatusDerivation.Event(r.value2().toInstant(),
                        canonical(r.value3(), r.value4()), r.value5()));
        Instant now = clock.instant();
        List<ShipmentsRecord> updates = new ArrayList<>();
        List<ShipmentStatusChangesRecord> changes = new ArrayList<>();
        for (long id : touched) {
            ShipmentsRecord shipment = shipments.get(id);
            StatusDerivation.Derived derived = StatusDerivation.derive(events.getOrDefault(id, List.of()), shipment.getCreatedAt().toInstant(),
                    now, expireAfter);
            CanonicalStatus before = canonical(shipment.getStatus(), shipment.getSubstatus());
            String substatus = code(derived.status().substatus());
            shipment.setStatus(derived.status().status().code())
                    .setSubstatus(substatus)
                    .setShippedAt(utc(derived.shippedAt()))
                    .setDeliveredAt(utc(derived.deliveredAt()))
                    .setLastEventAt(utc(derived.lastEventAt()))
                    .setUpdatedAt(utc(now));
            if (!derived.status().equals(before)) {
                shipment.setStatusChangedAt(utc(derived.statusSince()));
                changes.add(new ShipmentStatusChangesRecord()
                        .setMerchantId(merchantId)
                        .setShipmentId(id)
                        .setFromStatus(before.status().code())
                        .setFromSubstatus(code(before.substatus()))
                        .setToStatus(derived.status().status().code())
                        .setToSubstatus(substatus)
                        .setChangedAt(utc(derived.statusSince())));
            }
            updates.add(shipment);
        }
        tx.batchUpdate(updates).execute();
        if (!changes.isEmpty()) {
            var insert = tx.insertInto(SHIPMENT_STATUS_CHANGES).set(changes.get(0));
            for (ShipmentStatusChangesRecord change : changes.subList(1, changes.size())) {
                insert = insert.newRecord().set(change);
            }
            insert.execute();
        }
        return changes.size();
    }

    private static TrackingEventsRecord row(long merchantId, long shipmentId, IncomingEvent event, String source) {
        return new TrackingEventsRecord()
                .setMerchantId(merchantId)
                .setShipmentId(shipmentId)
                .setOccurredAt(event.occurredAt())
                .setOccurredTimezone(event.timezone())
                .setStatus(event.status().status().code())
                .setSubstatus(code(event.status().substatus()))
                .setRawStatus(event.rawStatus())
                .setRawMessage(event.message())
                .setLocation(event.location())
                .setCity(event.city())
                .setRegion(event.region())
                .setPostalCode(event.postalCode())
                .setCountry(event.country())
                .setSource(source)
                .setDedupeKey(event.dedupeKey());
    }

    private static String code(Substatus substatus) {
        return substatus == null ? null : substatus.code();
    }

    private static CanonicalStatus canonical(String status, String substatus) {
        ShipmentStatus parent = ShipmentStatus.fromCode(status).orElseThrow();
        return substatus == null ? CanonicalStatus.of(parent)
                : CanonicalStatus.of(Substatus.fromCode(substatus).filter(s -> s.status() == parent).orElseThrow());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** Thrown inside the transaction when a shipment id is not the merchant's. */
    public static final class UnknownShipment extends RuntimeException {
        private final long shipmentId;

        UnknownShipment(long shipmentId) {
            super(null, null, false, false);
            this.shipmentId = shipmentId;
        }
    }
}
