package app.landfall.api;

import app.landfall.tracking.CanonicalStatus;
import app.landfall.tracking.IncomingEvent;
import app.landfall.tracking.ShipmentStatus;
import app.landfall.tracking.Substatus;
import app.landfall.web.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The body of POST /api/v1/shipments/{id}/events, checked field by field:
 * {@code {"events": [{"occurred_at", "status", "substatus"?, "event_id"?, "message"?, ...}]}};
 * and of POST /api/v1/events/batch, where every event also names its {@code shipment_id}.
 */
final class EventsRequest {
    static final int MAX_EVENTS = 100;
    static final int MAX_BATCH = 1000;

    /** {@code shipmentIds.get(i)} is the shipment of {@code events.get(i)} (batches only). */
    record Parsed(List<IncomingEvent> events, List<Long> shipmentIds, List<Map<String, String>> errors) {
    }

    private EventsRequest() {
    }

    static Parsed parse(JsonNode body) {
        return parse(body, MAX_EVENTS, false);
    }

    static Parsed parseBatch(JsonNode body) {
        return parse(body, MAX_BATCH, true);
    }

    private static Parsed parse(JsonNode body, int max, boolean batch) {
        List<IncomingEvent> events = new ArrayList<>();
        List<Long> shipmentIds = new ArrayList<>();
        JsonFields fields = new JsonFields();
        JsonNode list = body == null || !body.isObject() ? null : body.get("events");
        if (list == null || !list.isArray() || list.isEmpty()) {
            fields.error("events", "must be a non-empty array of events");
        } else if (list.size() > max) {
            fields.error("events", "at most " + max + " events per request");
        } else {
            for (int i = 0; i < list.size(); i++) {
                String path = "events[" + i + "]";
                Long shipmentId = batch ? shipmentId(list.get(i), path, fields) : null;
                Optional<IncomingEvent> event = event(list.get(i), path, fields);
                if (event.isPresent() && (!batch || shipmentId != null)) {
                    events.add(event.get());
                    shipmentIds.add(shipmentId);
                }
            }
        }
        return fields.ok() ? new Parsed(events, batch ? shipmentIds : List.of(), List.of())
                : new Parsed(List.of(), List.of(), fields.errors());
    }

    /** The events of a request that may carry some ({@code "events"} is optional), or null when absent. */
    static List<IncomingEvent> optionalEvents(JsonNode body, JsonFields fields) {
        JsonNode list = fields.array(body, "events", "", MAX_EVENTS);
        if (list == null) {
            return null;
        }
        List<IncomingEvent> events = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            event(list.get(i), "events[" + i + "]", fields).ifPresent(events::add);
        }
        return events;
    }

    private static Long shipmentId(JsonNode node, String path, JsonFields fields) {
        JsonNode id = node.isObject() ? node.get("shipment_id") : null;
        if (id == null || !id.canConvertToLong() || !id.isIntegralNumber() || id.asLong() < 1) {
            fields.error(path + ".shipment_id", "is required: the id of one of your shipments");
            return null;
        }
        return id.asLong();
    }

    private static Optional<IncomingEvent> event(JsonNode node, String path, JsonFields fields) {
        if (!node.isObject()) {
            fields.error(path, "must be an object");
            return Optional.empty();
        }
        int before = fields.count();
        OffsetDateTime occurredAt = fields.value(node, "occurred_at", path, Requests.TIME);
        if (occurredAt == null && fields.count() == before) {
            fields.error(path + ".occurred_at", "is required: an ISO-8601 time with offset, e.g. 2026-11-23T14:05:00Z");
        }
        String statusCode = fields.text(node, "status", path, 40);
        Optional<ShipmentStatus> status = ShipmentStatus.fromCode(statusCode);
        if (status.isEmpty()) {
            fields.error(path + ".status", "must be one of the canonical statuses (docs/statuses.md)");
        }
        String substatusCode = fields.text(node, "substatus", path, 60);
        Optional<Substatus> substatus = Optional.ofNullable(substatusCode).flatMap(Substatus::fromCode);
        if (substatusCode != null && (substatus.isEmpty() || status.filter(s -> s == substatus.get().status()).isEmpty())) {
            fields.error(path + ".substatus", "must be a substatus of the given status (docs/statuses.md)");
        }
        String country = fields.text(node, "country", path, 10);
        if (country != null && !country.matches("[A-Z]{2}")) {
            fields.error(path + ".country", "must be an ISO 3166-1 alpha-2 code such as US");
        }
        String timezone = fields.text(node, "timezone", path, 64);
        if (timezone != null && !ZoneId.getAvailableZoneIds().contains(timezone)) {
            fields.error(path + ".timezone", "must be an IANA time zone such as America/Chicago");
        }
        String eventId = fields.text(node, "event_id", path, 190);
        String message = fields.text(node, "message", path, 1000);
        String location = fields.text(node, "location", path, 200);
        String rawStatus = fields.text(node, "raw_status", path, 100);
        String city = fields.text(node, "city", path, 100);
        String region = fields.text(node, "region", path, 100);
        String postalCode = fields.text(node, "postal_code", path, 20);
        if (fields.count() > before) {
            return Optional.empty();
        }
        CanonicalStatus canonical = substatus.map(CanonicalStatus::of).orElse(CanonicalStatus.of(status.get()));
        String dedupeKey = eventId != null ? "id:" + eventId
                : IncomingEvent.fingerprint(occurredAt, canonical, message, location);
        return Optional.of(new IncomingEvent(occurredAt, canonical, rawStatus, message, location, city, region,
                postalCode, country, timezone, dedupeKey));
    }
}
