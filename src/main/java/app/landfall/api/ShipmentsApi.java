package app.landfall.api;

import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.TRACKING_EVENTS;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import app.landfall.tracking.EventIngestion;
import app.landfall.tracking.IncomingEvent;
import app.landfall.tracking.ShipmentWriter;
import app.landfall.web.JsonFields;
import app.landfall.web.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * POST and GET /api/v1/shipments: create or update a shipment; list them.
 * GET /api/v1/shipments/{id}: one of the merchant's shipments with its events.
 * POST /api/v1/shipments/{id}/events: appends events and returns the shipment as it now stands.
 */
public final class ShipmentsApi {
    private final DSLContext dsl;
    private final IntFunction<String> baseUrl;
    private final EventIngestion ingestion;
    private final ShipmentWriter writer;

    /** {@code baseUrl} gives the public address for the port the server listens on. */
    public ShipmentsApi(DSLContext dsl, IntFunction<String> baseUrl, EventIngestion ingestion, ShipmentWriter writer) {
        this.dsl = dsl;
        this.baseUrl = baseUrl;
        this.ingestion = ingestion;
        this.writer = writer;
    }

    /** POST /api/v1/shipments: creates a shipment, or updates the one with that carrier and number. */
    public void create(Context ctx) {
        long merchantId = ApiAuthentication.merchantId(ctx);
        JsonNode body = Requests.jsonBody(ctx);
        if (body == null) {
            return;
        }
        JsonFields fields = new JsonFields();
        var shipment = ShipmentRequest.parse(body, fields);
        if (shipment.isEmpty()) {
            Requests.invalid(ctx, "The shipment is not valid; nothing was stored.", fields.errors());
            return;
        }
        ShipmentWriter.Written written;
        try {
            written = dsl.transactionResult(cfg -> writer.upsert(DSL.using(cfg), merchantId, shipment.get(),
                    ShipmentWriter.Mode.STRICT, "api"));
        } catch (ShipmentWriter.Unresolved e) {
            Requests.invalid(ctx, "The shipment is not valid; nothing was stored.",
                    List.of(Map.of("field", e.field(), "message", e.getMessage())));
            return;
        }
        ctx.status(written.created() ? 201 : 200).json(find(merchantId, written.id(), ctx).orElseThrow());
    }

    /** GET /api/v1/shipments: the merchant's shipments, least recently updated first, a page at a time. */
    public void list(Context ctx) {
        long merchantId = ApiAuthentication.merchantId(ctx);
        JsonFields fields = new JsonFields();
        var query = ShipmentQuery.parse(ctx, fields);
        if (query.isEmpty()) {
            Problem.of(400, "Bad Request", "Some query parameters are not valid.").with("errors", fields.errors())
                    .respond(ctx);
            return;
        }
        ctx.json(query.get().page(dsl, merchantId, baseUrl.apply(ctx.port()) + "/t/", ctx.path()));
    }

    public void show(Context ctx) {
        long merchantId = ApiAuthentication.merchantId(ctx);
        Long id = shipmentId(ctx);
        if (id != null) {
            find(merchantId, id, ctx).ifPresentOrElse(ctx::json, () -> notFound(ctx, id));
        }
    }

    public void appendEvents(Context ctx) {
        long merchantId = ApiAuthentication.merchantId(ctx);
        Long id = shipmentId(ctx);
        if (id == null) {
            return;
        }
        JsonNode body = Requests.jsonBody(ctx);
        if (body == null) {
            return;
        }
        EventsRequest.Parsed parsed = EventsRequest.parse(body);
        if (!parsed.errors().isEmpty()) {
            invalid(ctx, parsed.errors());
            return;
        }
        // the response comes from the write's own transaction: no second read of the shipment
        var shown = ingestion.appendAndShow(merchantId, id, parsed.events(), "api");
        if (shown.isEmpty()) {
            notFound(ctx, id);
            return;
        }
        ctx.json(new Appended(shown.get().result().stored(), shown.get().result().duplicates(),
                json(shown.get().shipment(), baseUrl.apply(ctx.port()))));
    }

    record Appended(int stored, int duplicates, ShipmentJson shipment) {
    }

    record BatchAppended(int stored, int duplicates, int shipments, int statusChanges) {
    }

    /** POST /api/v1/events/batch: up to 1,000 events for many shipments, all or nothing. */
    public void appendBatch(Context ctx) {
        long merchantId = ApiAuthentication.merchantId(ctx);
        JsonNode body = Requests.jsonBody(ctx);
        if (body == null) {
            return;
        }
        EventsRequest.Parsed parsed = EventsRequest.parseBatch(body);
        if (!parsed.errors().isEmpty()) {
            invalid(ctx, parsed.errors());
            return;
        }
        Map<Long, List<IncomingEvent>> byShipment = new LinkedHashMap<>();
        for (int i = 0; i < parsed.events().size(); i++) {
            byShipment.computeIfAbsent(parsed.shipmentIds().get(i), id -> new ArrayList<>()).add(parsed.events().get(i));
        }
        EventIngestion.BatchResult result = ingestion.appendBatch(merchantId, byShipment, "api");
        if (!result.unknownShipments().isEmpty()) {
            long unknown = result.unknownShipments().get(0);
            invalid(ctx, List.of(Map.of("field", "events[" + parsed.shipmentIds().indexOf(unknown) + "].shipment_id",
                    "message", "no shipment with id " + unknown)));
            return;
        }
        ctx.json(new BatchAppended(result.stored(), result.duplicates(), byShipment.size(), result.statusChanges()));
    }

    private static void invalid(Context ctx, List<Map<String, String>> errors) {
        Requests.invalid(ctx, "Some events are not valid; nothing was stored.", errors);
    }

    private static Long shipmentId(Context ctx) {
        return Requests.id(ctx, "shipment");
    }

    private static void notFound(Context ctx, long id) {
        // another merchant's shipment looks exactly like one that does not exist
        Problem.of(404, "Not Found", "No shipment with id " + id + ".").respond(ctx);
    }

    private static ShipmentJson json(EventIngestion.ShipmentView s, String site) {
        List<ShipmentJson.EventJson> events = new ArrayList<>(s.events().size());
        for (var e : s.events()) {
            events.add(new ShipmentJson.EventJson(e.occurredAt(), e.status(), e.substatus(), e.rawStatus(), e.message(),
                    e.location(), e.source()));
        }
        return new ShipmentJson(s.id(), s.orderNumber(), s.direction(), s.carrier(), s.service(), s.trackingNumber(),
                s.status(), s.substatus(), s.carrierEstimatedDelivery(), s.shippedAt(), s.deliveredAt(), s.updatedAt(),
                site + "/t/" + s.publicToken(), ShipmentJson.returnStart(site, s.direction(), s.publicToken()), events);
    }

    private Optional<ShipmentJson> find(long merchantId, long id, Context ctx) {
        String site = baseUrl.apply(ctx.port());
        return dsl.select(SHIPMENTS.ID, ORDERS.ORDER_NUMBER, SHIPMENTS.DIRECTION, SHIPMENTS.CARRIER,
                        SHIPMENTS.SERVICE, SHIPMENTS.TRACKING_NUMBER, SHIPMENTS.STATUS, SHIPMENTS.SUBSTATUS,
                        SHIPMENTS.CARRIER_ESTIMATED_DELIVERY, SHIPMENTS.SHIPPED_AT, SHIPMENTS.DELIVERED_AT,
                        SHIPMENTS.UPDATED_AT, SHIPMENTS.PUBLIC_TOKEN,
                        multiset(select(TRACKING_EVENTS.OCCURRED_AT, TRACKING_EVENTS.STATUS, TRACKING_EVENTS.SUBSTATUS,
                                        TRACKING_EVENTS.RAW_STATUS, TRACKING_EVENTS.RAW_MESSAGE, TRACKING_EVENTS.LOCATION,
                                        TRACKING_EVENTS.SOURCE)
                                .from(TRACKING_EVENTS)
                                .where(TRACKING_EVENTS.MERCHANT_ID.eq(merchantId))
                                .and(TRACKING_EVENTS.SHIPMENT_ID.eq(SHIPMENTS.ID))
                                .orderBy(TRACKING_EVENTS.OCCURRED_AT.desc(), TRACKING_EVENTS.ID.desc()))
                                .convertFrom(r -> r.map(e -> new ShipmentJson.EventJson(e.value1(), e.value2(), e.value3(),
                                        e.value4(), e.value5(), e.value6(), e.value7()))))
                .from(SHIPMENTS)
                .leftJoin(ORDERS).on(ORDERS.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID)).and(ORDERS.ID.eq(SHIPMENTS.ORDER_ID))
                .where(SHIPMENTS.MERCHANT_ID.eq(merchantId))
                .and(SHIPMENTS.ID.eq(id))
                .fetchOptional(r -> new ShipmentJson(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8(), r.value9(), r.value10(), r.value11(), r.value12(),
                        site + "/t/" + r.value13(), ShipmentJson.returnStart(site, r.value3(), r.value13()), r.value14()));
    }
}
