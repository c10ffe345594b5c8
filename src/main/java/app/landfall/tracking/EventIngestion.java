package app.landfall.tracking;

import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.SHIPMENTS;

import app.landfall.db.RenderedQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Appends tracking events and re-derives the state of the shipments they belong to, all in one
 * transaction: events, new statuses and status-change rows commit together or not at all.
 * Redelivered events (same dedupe key) are ignored.
 *
 * <p>A write costs three statements whatever the number of events, each with fixed SQL text (so
 * the driver prepares it once per connection) and the rows passed as arrays:
 * <ol>
 *   <li>lock the shipments ({@code SELECT … FOR UPDATE}, in id order so concurrent writers cannot
 *       deadlock) and read their stored state;</li>
 *   <li>insert the events ({@code INSERT … SELECT FROM unnest(…) ON CONFLICT DO NOTHING RETURNING},
 *       which yields only the rows actually stored) and, in the same statement, read the stored events
 *       of the shipments that need them;</li>
 *   <li>update the shipments and insert the status-change rows ({@code UPDATE … FROM unnest(…)} in a
 *       CTE of the {@code INSERT}).</li>
 * </ol>
 * A shipment's stored events are read only when the new ones are not all newer than its newest
 * event (late arrivals) or its stored state is Expired; otherwise its state is carried forward with
 * {@link StatusDerivation#continueFrom}, which gives what deriving from all events gives.
 *
 * <p>Every statement here is rendered once ({@link RenderedQuery}) and sent to JDBC with its arrays:
 * this is the hottest path, and rendering a batch's thousands of parameters through jOOQ cost a
 * fifth of its Java time (docs/benchmarks.md, "Event ingestion through the API", "Profiled, then
 * rewritten"). The insert and the update are written as SQL text in a jOOQ template, because
 * they {@code unnest} several arrays {@code WITH ORDINALITY}, which the DSL does not express. The
 * integration tests (EventIngestionIT, the API and webhook tests) check them against the schema.
 */
public final class EventIngestion {
    // the parameters of the statements below
    private static final Param<Long> MERCHANT = DSL.param("lf_merchant", SQLDataType.BIGINT);
    private static final Param<Long[]> SHIPMENT_IDS = DSL.param("lf_shipments", SQLDataType.BIGINT.array());
    private static final Param<String> SOURCE = DSL.param("lf_source", SQLDataType.CLOB);
    private static final Param<Long[]> READ_IDS = DSL.param("lf_read", SQLDataType.BIGINT.array());
    private static final Param<String> NOW = DSL.param("lf_now", SQLDataType.CLOB);
    private static final Param<Long[]> CHANGED_IDS = DSL.param("lf_changed", SQLDataType.BIGINT.array());
    /** The events' columns after the shipment id, as text arrays, in the order of {@code INSERT_RETURNING}'s unnest. */
    private static final List<Param<String[]>> EVENT_COLUMNS = texts("occurred_at", "occurred_timezone", "status", "substatus",
            "raw_status", "raw_message", "location", "city", "region", "postal_code", "country", "dedupe_key");
    /** The shipments' new state after the id, in the order of {@code UPDATE}'s first unnest. */
    private static final List<Param<String[]>> STATE_COLUMNS = texts("status", "substatus", "status_changed_at", "shipped_at",
            "delivered_at", "last_event_at");
    /** The status changes after the shipment id, in the order of {@code UPDATE}'s second unnest. */
    private static final List<Param<String[]>> CHANGE_COLUMNS = texts("from_status", "from_substatus", "to_status",
            "to_substatus", "changed_at");

    // lock the shipments in id order (concurrent writers cannot deadlock) and read their stored state
    private static final List<Field<?>> STATE = List.of(SHIPMENTS.ID, SHIPMENTS.STATUS, SHIPMENTS.SUBSTATUS,
            SHIPMENTS.STATUS_CHANGED_AT, SHIPMENTS.SHIPPED_AT, SHIPMENTS.DELIVERED_AT, SHIPMENTS.LAST_EVENT_AT,
            SHIPMENTS.CREATED_AT, SHIPMENTS.DIRECTION);
    private static final RenderedQuery LOCK = RenderedQuery.of(DSL.select(STATE).from(SHIPMENTS)
            .where(SHIPMENTS.MERCHANT_ID.eq(MERCHANT)).and(SHIPMENTS.ID.eq(DSL.any(SHIPMENT_IDS)))
            .orderBy(SHIPMENTS.ID).forUpdate());
    private static final RenderedQuery LOCK_AND_SHOW = RenderedQuery.of(DSL.select(STATE)
            .select(SHIPMENTS.CARRIER, SHIPMENTS.SERVICE, SHIPMENTS.TRACKING_NUMBER, SHIPMENTS.CARRIER_ESTIMATED_DELIVERY,
                    SHIPMENTS.UPDATED_AT, SHIPMENTS.PUBLIC_TOKEN,
                    DSL.field(DSL.select(ORDERS.ORDER_NUMBER).from(ORDERS)
                            .where(ORDERS.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID)).and(ORDERS.ID.eq(SHIPMENTS.ORDER_ID))))
            .from(SHIPMENTS)
            .where(SHIPMENTS.MERCHANT_ID.eq(MERCHANT)).and(SHIPMENTS.ID.eq(DSL.any(SHIPMENT_IDS)))
            .orderBy(SHIPMENTS.ID).forUpdate().of(SHIPMENTS));
    // the stored events are read in the same statement: its snapshot is taken after the lock, and it
    // does not see the rows its own INSERT adds (those come from RETURNING), so each event comes once
    private static final String INSERT_RETURNING = """
            WITH incoming AS (
                SELECT * FROM unnest(?::bigint[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[],
                                     ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    WITH ORDINALITY AS e (shipment_id, occurred_at, occurred_timezone, status, substatus, raw_status,
                                          raw_message, location, city, region, postal_code, country, dedupe_key, n)
            ), inserted AS (
                INSERT INTO tracking_events (merchant_id, shipment_id, occurred_at, occurred_timezone, status, substatus,
                                             raw_status, raw_message, location, city, region, postal_code, country,
                                             source, dedupe_key)
                SELECT ?, shipment_id, occurred_at, occurred_timezone, status, substatus, raw_status, raw_message,
                       location, city, region, postal_code, country, ?, dedupe_key
                FROM incoming ORDER BY n
                ON CONFLICT (merchant_id, shipment_id, dedupe_key) DO NOTHING
                RETURNING id, shipment_id, occurred_at, status, substatus, raw_status, raw_message, location, source,
                          dedupe_key
            )
            SELECT true, * FROM inserted
            UNION ALL
            """;
    private static final RenderedQuery INSERT = insert(INSERT_RETURNING + """
            SELECT false, id, shipment_id, occurred_at, status, substatus, raw_status, raw_message, location, source,
                   dedupe_key
            FROM tracking_events WHERE merchant_id = ? AND shipment_id = ANY (?)""");
    // the same for batches, which need only what the derivation reads
    private static final RenderedQuery INSERT_FOR_DERIVATION = insert(INSERT_RETURNING + """
            SELECT false, null, shipment_id, occurred_at, status, substatus, null, null, null, null, dedupe_key
            FROM tracking_events WHERE merchant_id = ? AND shipment_id = ANY (?)""");
    private static final RenderedQuery UPDATE = update("""
            WITH updated AS (
                UPDATE shipments s
                SET status = u.status, substatus = u.substatus, status_changed_at = u.status_changed_at,
                    shipped_at = u.shipped_at, delivered_at = u.delivered_at, last_event_at = u.last_event_at,
                    updated_at = ?::timestamptz
                FROM unnest(?::bigint[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[],
                            ?::timestamptz[])
                    AS u (id, status, substatus, status_changed_at, shipped_at, delivered_at, last_event_at)
                WHERE s.merchant_id = ? AND s.id = u.id
            )
            INSERT INTO shipment_status_changes (merchant_id, shipment_id, from_status, from_substatus, to_status,
                                                 to_substatus, changed_at)
            SELECT ?, c.shipment_id, c.from_status, c.from_substatus, c.to_status, c.to_substatus, c.changed_at
            FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[]) WITH ORDINALITY
                AS c (shipment_id, from_status, from_substatus, to_status, to_substatus, changed_at, n)
            ORDER BY c.n""");

    private static RenderedQuery insert(String sql) {
        List<Field<?>> params = new ArrayList<>();
        params.add(SHIPMENT_IDS);
        params.addAll(EVENT_COLUMNS);
        params.addAll(List.of(MERCHANT, SOURCE, MERCHANT, READ_IDS));
        return RenderedQuery.of(DSL.resultQuery(sql, params.toArray()));
    }

    private static RenderedQuery update(String sql) {
        List<Field<?>> params = new ArrayList<>();
        params.addAll(List.of(NOW, SHIPMENT_IDS));
        params.addAll(STATE_COLUMNS);
        params.addAll(List.of(MERCHANT, MERCHANT, CHANGED_IDS));
        params.addAll(CHANGE_COLUMNS);
        return RenderedQuery.of(DSL.query(sql, params.toArray()));
    }

    private static List<Param<String[]>> texts(String... names) {
        return java.util.Arrays.stream(names).map(name -> DSL.param("lf_" + name, SQLDataType.CLOB.array())).toList();
    }

    private static final Comparator<ShipmentView.Event> NEWEST_FIRST =
            Comparator.comparing(ShipmentView.Event::occurredAt).thenComparingLong(ShipmentView.Event::id).reversed();

    private final DSLContext dsl;
    private final Clock clock;
    private final Duration expireAfter;

    private final ReturnParcelListener returnParcels;
    private final StatusListener outbound;

    public EventIngestion(DSLContext dsl, Clock clock, Duration expireAfter) {
        this(dsl, clock, expireAfter, ReturnParcelListener.NONE, StatusListener.NONE);
    }

    public EventIngestion(DSLContext dsl, Clock clock, Duration expireAfter, ReturnParcelListener returnParcels) {
        this(dsl, clock, expireAfter, returnParcels, StatusListener.NONE);
    }

    public EventIngestion(DSLContext dsl, Clock clock, Duration expireAfter, ReturnParcelListener returnParcels,
            StatusListener outbound) {
        this.dsl = dsl;
        this.clock = clock;
        this.expireAfter = expireAfter;
        this.returnParcels = returnParcels;
        this.outbound = outbound;
    }

    /**
     * Told, inside the ingesting transaction, which outbound parcels changed status (the
     * notifications feature announces them to their customers in that transaction). Called once per
     * write that changes any, never per event.
     */
    @FunctionalInterface
    public interface StatusListener {
        StatusListener NONE = (tx, merchantId, changes, now) -> { };

        void changed(DSLContext tx, long merchantId, List<StatusChange> changes, Instant now);
    }

    /**
     * A parcel's new status: {@code firstScan} when the carrier had it for the first time with this
     * change; {@code since} when it reached the new status.
     */
    public record StatusChange(long shipmentId, String fromStatus, String toStatus, String toSubstatus, boolean firstScan,
            Instant since) {
    }

    /**
     * Told, inside the ingesting transaction, which return parcels (direction {@code return})
     * changed status, so the returns they carry can follow (a first scan puts a return in transit).
     */
    @FunctionalInterface
    public interface ReturnParcelListener {
        ReturnParcelListener NONE = (tx, merchantId, shipmentIds, now) -> { };

        void changed(DSLContext tx, long merchantId, List<Long> shipmentIds, Instant now);
    }

    public record Result(int stored, int duplicates, boolean statusChanged) {
    }

    public record BatchResult(List<Long> unknownShipments, int stored, int duplicates, int statusChanges) {
    }

    /** The shipment as it stands after the write, with all its events (newest first). */
    public record ShipmentView(long id, String orderNumber, String direction, String carrier, String service,
                               String trackingNumber, String status, String substatus, LocalDate carrierEstimatedDelivery,
                               OffsetDateTime shippedAt, OffsetDateTime deliveredAt, OffsetDateTime updatedAt,
                               String publicToken, List<Event> events) {

        public record Event(long id, OffsetDateTime occurredAt, String status, String substatus, String rawStatus,
                            String message, String location, String source) {
        }
    }

    public record Shown(Result result, ShipmentView shipment) {
    }

    /** Empty when the merchant has no such shipment. */
    public Optional<Result> append(long merchantId, long shipmentId, List<IncomingEvent> events, String source) {
        BatchResult result = appendBatch(merchantId, Map.of(shipmentId, events), source);
        return result.unknownShipments().isEmpty()
                ? Optional.of(new Result(result.stored(), result.duplicates(), result.statusChanges() > 0))
                : Optional.empty();
    }

    /**
     * Like {@link #append}, and also returns the shipment as it now stands, read in the same
     * transaction (no second query afterwards). Empty when the merchant has no such shipment.
     */
    public Optional<Shown> appendAndShow(long merchantId, long shipmentId, List<IncomingEvent> events, String source) {
        try {
            return Optional.of(dsl.transactionResult(cfg -> {
                Write write = write(DSL.using(cfg), merchantId, Map.of(shipmentId, events), source, true);
                return new Shown(new Result(write.result.stored(), write.result.duplicates(),
                        write.result.statusChanges() > 0), write.views.get(0));
            }));
        } catch (UnknownShipment e) {
            return Optional.empty();
        }
    }

    /** Events for many shipments: all stored or, when any shipment is not the merchant's, none. */
    public BatchResult appendBatch(long merchantId, Map<Long, List<IncomingEvent>> eventsByShipment, String source) {
        try {
            return dsl.transactionResult(cfg -> write(DSL.using(cfg), merchantId, eventsByShipment, source, false).result);
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
        return write(tx, merchantId, eventsByShipment, source, false).result;
    }

    /**
     * Derives the given shipments again as of now, without new events: how a shipment that hears
     * nothing becomes Expired. Returns how many changed status; the others are left untouched.
     */
    public int refresh(long merchantId, Collection<Long> shipmentIds) {
        Set<Long> ids = new TreeSet<>(shipmentIds);
        if (ids.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return dsl.transactionResult(cfg -> DSL.using(cfg).connectionResult(connection -> {
            Map<Long, Locked> shipments = lock(connection, merchantId, ids, false);
            shipments.values().forEach(shipment -> shipment.refresh = true);
            return rederive(connection, merchantId, shipments, now);
        }));
    }

    private record Write(BatchResult result, List<ShipmentView> views) {
    }

    /** A locked shipment: its stored state, and what the response shows of it. */
    private static final class Locked {
        long id;
        String status;
        String substatus;
        OffsetDateTime statusChangedAt;
        OffsetDateTime shippedAt;
        OffsetDateTime deliveredAt;
        OffsetDateTime lastEventAt;
        OffsetDateTime createdAt;
        OffsetDateTime updatedAt;
        String direction;
        String carrier;
        String service;
        String trackingNumber;
        LocalDate carrierEstimatedDelivery;
        String publicToken;
        String orderNumber;
        boolean readEvents;
        /** Derived again without new events (expiry): written only when its status changes. */
        boolean refresh;
        final List<StatusDerivation.Event> inserted = new ArrayList<>();
        final List<StatusDerivation.Event> all = new ArrayList<>();
        final List<ShipmentView.Event> shown = new ArrayList<>();

        StatusDerivation.Derived stored() {
            return new StatusDerivation.Derived(canonical(status, substatus), instant(statusChangedAt), instant(shippedAt),
                    instant(deliveredAt), instant(lastEventAt));
        }
    }

    private Write write(DSLContext tx, long merchantId, Map<Long, List<IncomingEvent>> eventsByShipment, String source,
                        boolean show) {
        return tx.connectionResult(connection -> write(connection, merchantId, eventsByShipment, source, show));
    }

    private Write write(Connection connection, long merchantId, Map<Long, List<IncomingEvent>> eventsByShipment,
                        String source, boolean show) throws SQLException {
        Map<Long, Locked> shipments = lock(connection, merchantId, eventsByShipment.keySet(), show);
        for (long id : new TreeSet<>(eventsByShipment.keySet())) {
            if (!shipments.containsKey(id)) {
                throw new UnknownShipment(id); // rolls the whole batch back
            }
        }
        int incoming = 0;
        for (var entry : eventsByShipment.entrySet()) {
            Locked shipment = shipments.get(entry.getKey());
            incoming += entry.getValue().size();
            Instant earliest = Instant.MAX;
            for (IncomingEvent event : entry.getValue()) {
                Instant at = event.occurredAt().toInstant();
                earliest = at.isBefore(earliest) ? at : earliest;
            }
            // late arrivals (and Expired shipments) are derived from all their events
            shipment.readEvents = show || !StatusDerivation.canContinue(shipment.stored(), earliest);
        }
        if (incoming == 0 && !show) {
            return new Write(new BatchResult(List.of(), 0, 0, 0), List.of());
        }
        int stored = insert(connection, merchantId, eventsByShipment, shipments, source, show);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int changes = rederive(connection, merchantId, shipments, now);
        List<ShipmentView> views = new ArrayList<>();
        if (show) {
            for (Locked shipment : shipments.values()) {
                shipment.shown.sort(NEWEST_FIRST);
                views.add(new ShipmentView(shipment.id, shipment.orderNumber, shipment.direction, shipment.carrier,
                        shipment.service, shipment.trackingNumber, shipment.status, shipment.substatus,
                        shipment.carrierEstimatedDelivery, shipment.shippedAt, shipment.deliveredAt, shipment.updatedAt,
                        shipment.publicToken, List.copyOf(shipment.shown)));
            }
        }
        return new Write(new BatchResult(List.of(), stored, incoming - stored, changes), views);
    }

    private static Map<Long, Locked> lock(Connection connection, long merchantId, Set<Long> ids, boolean show)
            throws SQLException {
        Map<Long, Locked> shipments = new TreeMap<>();
        (show ? LOCK_AND_SHOW : LOCK).query(connection, Map.of(MERCHANT.getParamName(), merchantId,
                SHIPMENT_IDS.getParamName(), ids.toArray(Long[]::new)), rows -> {
            while (rows.next()) {
                Locked shipment = new Locked();
                shipment.id = rows.getLong(1);
                shipment.status = rows.getString(2);
                shipment.substatus = rows.getString(3);
                shipment.statusChangedAt = rows.getObject(4, OffsetDateTime.class);
                shipment.shippedAt = rows.getObject(5, OffsetDateTime.class);
                shipment.deliveredAt = rows.getObject(6, OffsetDateTime.class);
                shipment.lastEventAt = rows.getObject(7, OffsetDateTime.class);
                shipment.createdAt = rows.getObject(8, OffsetDateTime.class);
                shipment.direction = rows.getString(9);
                if (show) {
                    shipment.carrier = rows.getString(10);
                    shipment.service = rows.getString(11);
                    shipment.trackingNumber = rows.getString(12);
                    shipment.carrierEstimatedDelivery = rows.getObject(13, LocalDate.class);
                    shipment.updatedAt = rows.getObject(14, OffsetDateTime.class);
                    shipment.publicToken = rows.getString(15);
                    shipment.orderNumber = rows.getString(16);
                }
                shipments.put(shipment.id, shipment);
            }
            return null;
        });
        return shipments;
    }

    /** Inserts the events; collects the stored ones (and the old ones where read). Returns how many were stored. */
    private static int insert(Connection connection, long merchantId, Map<Long, List<IncomingEvent>> eventsByShipment,
                              Map<Long, Locked> shipments, String source, boolean show) throws SQLException {
        int n = 0;
        for (List<IncomingEvent> events : eventsByShipment.values()) {
            n += events.size();
        }
        Long[] shipmentIds = new Long[n];
        String[][] text = new String[12][n];
        int i = 0;
        for (var entry : eventsByShipment.entrySet()) {
            for (IncomingEvent event : entry.getValue()) {
                shipmentIds[i] = entry.getKey();
                text[0][i] = event.occurredAt().toString();
                text[1][i] = event.timezone();
                text[2][i] = event.status().status().code();
                text[3][i] = code(event.status().substatus());
                text[4][i] = event.rawStatus();
                text[5][i] = event.message();
                text[6][i] = event.location();
                text[7][i] = event.city();
                text[8][i] = event.region();
                text[9][i] = event.postalCode();
                text[10][i] = event.country();
                text[11][i] = event.dedupeKey();
                i++;
            }
        }
        List<Long> read = new ArrayList<>();
        for (Locked shipment : shipments.values()) {
            if (shipment.readEvents) {
                read.add(shipment.id);
            }
        }
        Map<String, Object> values = new HashMap<>();
        values.put(SHIPMENT_IDS.getParamName(), shipmentIds);
        for (int c = 0; c < text.length; c++) {
            values.put(EVENT_COLUMNS.get(c).getParamName(), text[c]);
        }
        values.put(MERCHANT.getParamName(), merchantId);
        values.put(SOURCE.getParamName(), source);
        values.put(READ_IDS.getParamName(), read.toArray(Long[]::new));
        return (show ? INSERT : INSERT_FOR_DERIVATION).query(connection, values, rows -> {
            int stored = 0;
            while (rows.next()) {
                boolean isNew = rows.getBoolean(1);
                Locked shipment = shipments.get(rows.getLong(3));
                OffsetDateTime occurredAt = rows.getObject(4, OffsetDateTime.class);
                String status = rows.getString(5);
                String substatus = rows.getString(6);
                var event = new StatusDerivation.Event(occurredAt.toInstant(), canonical(status, substatus),
                        rows.getString(11));
                if (isNew) {
                    stored++;
                    shipment.inserted.add(event);
                }
                if (shipment.readEvents) {
                    shipment.all.add(event);
                }
                if (show) {
                    shipment.shown.add(new ShipmentView.Event(rows.getLong(2), occurredAt, status, substatus,
                            rows.getString(7), rows.getString(8), rows.getString(9), rows.getString(10)));
                }
            }
            return stored;
        });
    }

    /** Derives every shipment that got new events, then writes them; returns how many changed status. */
    private int rederive(Connection connection, long merchantId, Map<Long, Locked> shipments, Instant now)
            throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        List<String> substatuses = new ArrayList<>();
        List<String> statusChangedAts = new ArrayList<>();
        List<String> shippedAts = new ArrayList<>();
        List<String> deliveredAts = new ArrayList<>();
        List<String> lastEventAts = new ArrayList<>();
        List<Long> changed = new ArrayList<>();
        List<String> fromStatuses = new ArrayList<>();
        List<String> fromSubstatuses = new ArrayList<>();
        List<String> toStatuses = new ArrayList<>();
        List<String> toSubstatuses = new ArrayList<>();
        List<String> changedAts = new ArrayList<>();
        List<StatusChange> outboundChanges = new ArrayList<>();
        for (Locked shipment : shipments.values()) {
            if (shipment.inserted.isEmpty() && !shipment.refresh) {
                continue; // only redeliveries: nothing changes
            }
            Instant createdAt = shipment.createdAt.toInstant();
            CanonicalStatus before = canonical(shipment.status, shipment.substatus);
            StatusDerivation.Derived derived;
            if (shipment.refresh) {
                // the stored state carried forward to now; one that cannot be (already Expired) stays
                var refreshed = StatusDerivation.continueFrom(shipment.stored(), List.of(), createdAt, now, expireAfter);
                if (refreshed.isEmpty() || refreshed.get().status().equals(before)) {
                    continue;
                }
                derived = refreshed.get();
            } else {
                derived = shipment.readEvents
                        ? StatusDerivation.derive(shipment.all, createdAt, now, expireAfter)
                        : StatusDerivation.continueFrom(shipment.stored(), shipment.inserted, createdAt, now, expireAfter)
                                .orElseThrow(); // checked before the insert (canContinue)
            }
            String status = derived.status().status().code();
            String substatus = code(derived.status().substatus());
            if (!derived.status().equals(before)) {
                changed.add(shipment.id);
                fromStatuses.add(before.status().code());
                fromSubstatuses.add(code(before.substatus()));
                toStatuses.add(status);
                toSubstatuses.add(substatus);
                changedAts.add(derived.statusSince().toString());
                shipment.statusChangedAt = utc(derived.statusSince());
                if (!"return".equals(shipment.direction)) {
                    outboundChanges.add(new StatusChange(shipment.id, before.status().code(), status, substatus,
                            shipment.shippedAt == null && derived.shippedAt() != null, derived.statusSince()));
                }
            }
            shipment.status = status;
            shipment.substatus = substatus;
            shipment.shippedAt = utc(derived.shippedAt());
            shipment.deliveredAt = utc(derived.deliveredAt());
            shipment.lastEventAt = utc(derived.lastEventAt());
            shipment.updatedAt = utc(now);
            ids.add(shipment.id);
            statuses.add(status);
            substatuses.add(substatus);
            statusChangedAts.add(shipment.statusChangedAt.toInstant().toString());
            shippedAts.add(text(derived.shippedAt()));
            deliveredAts.add(text(derived.deliveredAt()));
            lastEventAts.add(text(derived.lastEventAt()));
        }
        if (ids.isEmpty()) {
            return 0;
        }
        Map<String, Object> values = new HashMap<>();
        values.put(NOW.getParamName(), now.toString());
        values.put(SHIPMENT_IDS.getParamName(), ids.toArray(Long[]::new));
        columns(values, STATE_COLUMNS, List.of(statuses, substatuses, statusChangedAts, shippedAts, deliveredAts, lastEventAts));
        values.put(MERCHANT.getParamName(), merchantId);
        values.put(CHANGED_IDS.getParamName(), changed.toArray(Long[]::new));
        columns(values, CHANGE_COLUMNS, List.of(fromStatuses, fromSubstatuses, toStatuses, toSubstatuses, changedAts));
        UPDATE.execute(connection, values);
        List<Long> returnParcelsChanged = new ArrayList<>();
        for (Long id : changed) {
            if ("return".equals(shipments.get(id).direction)) {
                returnParcelsChanged.add(id);
            }
        }
        if (!returnParcelsChanged.isEmpty()) {
            returnParcels.changed(DSL.using(connection, org.jooq.SQLDialect.POSTGRES), merchantId, returnParcelsChanged, now);
        }
        if (!outboundChanges.isEmpty()) {
            outbound.changed(DSL.using(connection, org.jooq.SQLDialect.POSTGRES), merchantId, outboundChanges, now);
        }
        return changed.size();
    }

    private static void columns(Map<String, Object> values, List<Param<String[]>> params, List<List<String>> columns) {
        for (int i = 0; i < params.size(); i++) {
            values.put(params.get(i).getParamName(), columns.get(i).toArray(String[]::new));
        }
    }

    private static String code(Substatus substatus) {
        return substatus == null ? null : substatus.code();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
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
