package app.landfall.api;

import app.landfall.tracking.CanonicalStatus;
import app.landfall.tracking.IncomingEvent;
import app.landfall.tracking.ShipmentStatus;
import app.landfall.tracking.Substatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
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
        List<Map<String, String>> errors = new ArrayList<>();
        JsonNode list = body == null ? null : body.get("events");
        if (list == null || !list.isArray() || list.isEmpty()) {
            errors.add(error("events", "must be a non-empty array of events"));
        } else if (list.size() > max) {
            errors.add(error("events", "at most " + max + " events per request"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                String path = "events[" + i + "]";
                Long shipmentId = batch ? shipmentId(list.get(i), path, errors) : null;
                Optional<IncomingEvent> event = event(list.get(i), path, errors);
                if (event.isPresent() && (!batch || shipmentId != null)) {
                    events.add(event.get());
                    shipmentIds.add(shipmentId);
                }
            }
        }
        return errors.isEmpty() ? new Parsed(events, batch ? shipmentIds : List.of(), errors)
                : new Parsed(List.of(), List.of(), errors);
    }

    private static Long shipmentId(JsonNode node, String path, List<Map<String, String>> errors) {
        JsonNode id = node.isObject() ? node.get("shipment_id") : null;
        if (id == null || !id.canConvertToLong() || !id.isIntegralNumber() || id.asLong() < 1) {
            errors.add(error(path + ".shipment_id", "is required: the id of one of your shipments"));
            return null;
        }
        return id.asLong();
    }

    private static Optional<IncomingEvent> event(JsonNode node, String path, List<Map<String, String>> errors) {
        if (!node.isObject()) {
            errors.add(error(path, "must be an object"));
            return Optional.empty();
        }
        int before = errors.size();
        OffsetDateTime occurredAt = null;
        String time = text(node, "occurred_at", path, errors, 40);
        if (time == null) {
            errors.add(error(path + ".occurred_at", "is required: an ISO-8601 time with offset, e.g. 2026-11-23T14:05:00Z"));
        } else {
            try {
                occurredAt = OffsetDateTime.parse(time);
            } catch (DateTimeParseException e) {
                errors.add(error(path + ".occurred_at", "must be an ISO-8601 time with offset, e.g. 2026-11-23T14:05:00Z"));
            }
        }
        String statusCode = text(node, "status", path, errors, 40);
        Optional<ShipmentStatus> status = ShipmentStatus.fromCode(statusCode);
        if (status.isEmpty()) {
            errors.add(error(path + ".status", "must be one of the canonical statuses (docs/statuses.md)"));
        }
        String substatusCode = text(node, "substatus", path, errors, 60);
        Optional<Substatus> substatus = Optional.ofNullable(substatusCode).flatMap(Substatus::fromCode);
        if (substatusCode != null && (substatus.isEmpty() || status.filter(s -> s == substatus.get().status()).isEmpty())) {
            errors.add(error(path + ".substatus", "must be a substatus of the given status (docs/statuses.md)"));
        }
        String country = text(node, "country", path, errors, 2);
        if (country != null && !country.matches("[A-Z]{2}")) {
            errors.add(error(path + ".country", "must be an ISO 3166-1 alpha-2 code such as US"));
        }
        String timezone = text(node, "timezone", path, errors, 64);
        if (timezone != null && !ZoneId.getAvailableZoneIds().contains(timezone)) {
            errors.add(error(path + ".timezone", "must be an IANA time zone such as America/Chicago"));
        }
        String eventId = text(node, "event_id", path, errors, 190);
        String message = text(node, "message", path, errors, 1000);
        String location = text(node, "location", path, errors, 200);
        String rawStatus = text(node, "raw_status", path, errors, 100);
        String city = text(node, "city", path, errors, 100);
        String region = text(node, "region", path, errors, 100);
        String postalCode = text(node, "postal_code", path, errors, 20);
        if (errors.size() > before) {
            return Optional.empty();
        }
        CanonicalStatus canonical = substatus.map(CanonicalStatus::of).orElse(CanonicalStatus.of(status.get()));
        String dedupeKey = eventId != null ? "id:" + eventId
                : IncomingEvent.fingerprint(occurredAt, canonical, message, location);
        return Optional.of(new IncomingEvent(occurredAt, canonical, rawStatus, message, location, city, region,
                postalCode, country, timezone, dedupeKey));
    }

    /** A string member, or null when absent; anything else (or too long) is an error. */
    private static String text(JsonNode node, String field, String path, List<Map<String, String>> errors, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(error(path + "." + field, "must be a string"));
            return null;
        }
        String text = value.asText().trim();
        if (text.length() > maxLength) {
            errors.add(error(path + "." + field, "must be at most " + maxLength + " characters"));
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
