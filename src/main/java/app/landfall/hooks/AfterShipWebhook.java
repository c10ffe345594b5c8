package app.landfall.hooks;

import static app.landfall.web.JsonFields.index;
import static app.landfall.web.JsonFields.path;
import static java.util.Map.entry;

import app.landfall.tracking.CanonicalStatus;
import app.landfall.tracking.IncomingEvent;
import app.landfall.tracking.ShipmentStatus;
import app.landfall.tracking.ShipmentUpsert;
import app.landfall.tracking.Substatus;
import app.landfall.web.JsonFields;
import app.landfall.web.StorableText;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An AfterShip Tracking webhook ({@code aftership-hmac-sha256} already checked): {@code {event,
 * event_id, is_tracking_first_tag, msg: <tracking>, ts}}, where {@code msg} is AfterShip's tracking
 * object with its {@code checkpoints}. See https://www.aftership.com/docs/tracking/webhook/webhook-specifications.
 *
 * <p>Only {@code tracking_update} deliveries carry shipment news; others ({@code edd_revise},
 * {@code tracking_pending_time}, test pings, events added later) are acknowledged with empty
 * content. A tracking update is one shipment whose events are its checkpoints, all of them on every
 * delivery: AfterShip resends the whole history, and the dedupe keys make that harmless.
 *
 * <p>Both the legacy v4 member names and those of the dated API versions (2024-xx onwards) are read:
 * {@code country_iso3} or {@code country_region}, {@code zip} or {@code postal_code},
 * {@code expected_delivery} or {@code courier_estimated_delivery_date}.
 */
final class AfterShipWebhook {
    static final String TRACKING_UPDATE = "tracking_update";

    /**
     * AfterShip subtags (https://www.aftership.com/docs/tracking/enum/delivery-sub-statuses) whose
     * meaning matches one of ours. The others (the generic _001 of each tag, "customer contacted",
     * "problem resolved", "rejected by carrier", "pick up missed", "shipment disposed", codes added
     * later, …) leave just the tag's status.
     */
    private static final Map<String, Substatus> SUBTAGS = Map.ofEntries(
            entry("InTransit_002", Substatus.InTransit_PickedUp),               // Acceptance scan
            entry("InTransit_003", Substatus.InTransit_ArrivedAtFacility),      // Arrival scan (hub or sorting center)
            entry("InTransit_004", Substatus.InTransit_ArrivedAtDestinationCountry),
            entry("InTransit_005", Substatus.InTransit_CustomsCleared),         // Customs clearance completed
            entry("InTransit_007", Substatus.InTransit_DepartedFacility),       // Departure scan
            entry("InTransit_009", Substatus.InTransit_Rerouted),               // Forwarded to a different address
            entry("OutForDelivery_004", Substatus.OutForDelivery_AppointmentScheduled),
            entry("AttemptFail_002", Substatus.AttemptFail_RecipientUnavailable), // Addressee not available
            entry("AttemptFail_003", Substatus.AttemptFail_BusinessClosed),
            entry("AvailableForPickup_001", Substatus.AvailableForPickup_PickupPoint),
            entry("Delivered_002", Substatus.Delivered_PickedUp),               // Picked up by the customer
            entry("Delivered_003", Substatus.Delivered_Signed),                 // Sign by customer
            entry("Delivered_005", Substatus.Delivered_Neighbour),              // Delivered to neighbor
            entry("Exception_002", Substatus.Exception_AddressIssue),           // Customer moved
            entry("Exception_003", Substatus.Exception_Refused),                // Customer refused delivery
            entry("Exception_004", Substatus.Exception_CustomsDelay),           // Delayed (Customs clearance)
            entry("Exception_005", Substatus.Exception_Delayed),                // Delayed (External factors)
            entry("Exception_006", Substatus.Exception_HeldForPayment),
            entry("Exception_007", Substatus.Exception_AddressIssue),           // Incorrect address
            entry("Exception_010", Substatus.Exception_ReturningToSender),
            entry("Exception_011", Substatus.Exception_ReturnedToSender),
            entry("Exception_012", Substatus.Exception_Damaged),
            entry("Exception_013", Substatus.Exception_Lost),
            entry("Exception_016", Substatus.Exception_Delayed),                // Delayed (Processing issue)
            entry("Exception_017", Substatus.Exception_Delayed),                // Delayed (Extreme weather)
            entry("Exception_018", Substatus.Exception_CustomsDelay),           // Incorrect / missing documents
            entry("Exception_019", Substatus.Exception_Delayed),                // Delayed (Late flight)
            entry("Exception_020", Substatus.Exception_Cancelled),              // Shipment cancelled
            entry("Expired_001", Substatus.Expired_NoUpdates));

    private AfterShipWebhook() {
    }

    static WebhookContent parse(JsonNode body) throws InvalidPayload {
        JsonFields in = new JsonFields();
        if (!in.root(body)) {
            InvalidPayload.throwIfAny(in);
        }
        String event = in.requiredText(body, "event", "", 100);
        if (event != null && !event.equals(TRACKING_UPDATE)) {
            // acknowledged, nothing to record; a malformed id must not make AfterShip retry it
            String id = body.path("event_id").isTextual() ? body.path("event_id").asText().strip() : null;
            boolean usable = id != null && !id.isEmpty() && id.length() <= PayloadFormats.MAX_ID && StorableText.isStorable(id);
            return new WebhookContent(usable ? id : null, List.of(), List.of());
        }
        String eventId = in.requiredText(body, "event_id", "", PayloadFormats.MAX_ID);
        JsonNode msg = in.requiredObject(body, "msg", "");
        ShipmentUpsert shipment = msg == null ? null : shipment(msg, in);
        InvalidPayload.throwIfAny(in);
        return new WebhookContent(eventId, List.of(), List.of(shipment));
    }

    private static ShipmentUpsert shipment(JsonNode msg, JsonFields in) {
        String trackingNumber = in.requiredValue(msg, "tracking_number", "msg", PayloadFormats.TRACKING_NUMBER);
        String carrier = CarrierNames.fromAfterShip(in.text(msg, "slug", "msg", 100));
        String service = in.freeText(msg, "shipment_type", "msg", PayloadFormats.MAX_PLACE);
        String orderNumber = orderNumber(in.id(msg, "order_number", "msg", PayloadFormats.MAX_ID));
        String orderId = in.id(msg, "order_id", "msg", PayloadFormats.MAX_ID);
        if (orderNumber == null) {
            orderNumber = orderId;
        }
        if (orderNumber != null && orderNumber.length() > 64) {
            in.error(path("msg", orderNumber.equals(orderId) ? "order_id" : "order_number"), "must be at most 64 characters");
        }
        LocalDate estimated = estimatedDelivery(msg, in);
        List<IncomingEvent> events = new ArrayList<>();
        JsonNode checkpoints = in.array(msg, "checkpoints", "msg");
        if (checkpoints != null) {
            for (int i = 0; i < checkpoints.size(); i++) {
                checkpoint(checkpoints.get(i), index("msg.checkpoints", i), in).ifPresent(events::add);
            }
        }
        return new ShipmentUpsert(orderNumber, orderId, carrier, service, trackingNumber, null, estimated,
                null, List.copyOf(events));
    }

    /** AfterShip's order number as Landfall stores Shopify's: without the leading {@code #}. */
    private static String orderNumber(String number) {
        if (number != null && number.startsWith("#")) {
            String stripped = number.substring(1).strip();
            return stripped.isEmpty() ? null : stripped;
        }
        return number;
    }

    /**
     * The carrier's estimate, as a date: legacy {@code expected_delivery} (a date, a date-time with or
     * without offset, or empty), else {@code courier_estimated_delivery_date} of the dated API
     * versions (its {@code estimated_delivery_date}, else the end of its range). AfterShip's own AI
     * estimate is not the carrier's and is not used.
     */
    private static LocalDate estimatedDelivery(JsonNode msg, JsonFields in) {
        LocalDate legacy = in.value(msg, "expected_delivery", "msg", PayloadFormats.DATE_PART);
        if (legacy != null) {
            return legacy;
        }
        JsonNode courier = in.object(msg, "courier_estimated_delivery_date", "msg");
        if (courier == null) {
            return null;
        }
        String base = "msg.courier_estimated_delivery_date";
        LocalDate date = in.value(courier, "estimated_delivery_date", base, PayloadFormats.DATE_PART);
        return date != null ? date : in.value(courier, "estimated_delivery_date_max", base, PayloadFormats.DATE_PART);
    }

    /**
     * One checkpoint as an event. A checkpoint without a time (AfterShip documents an empty
     * {@code checkpoint_time} as possible) cannot be placed on the timeline and is left out; a time
     * that does not parse is an error. A time without offset is the local time of the checkpoint,
     * which AfterShip does not say where it is in time-zone terms: it is read as UTC.
     */
    private static Optional<IncomingEvent> checkpoint(JsonNode node, String p, JsonFields in) {
        if (node == null || !node.isObject()) {
            in.error(p, "must be an object");
            return Optional.empty();
        }
        int before = in.count();
        OffsetDateTime occurredAt = in.value(node, "checkpoint_time", p, PayloadFormats.TIME_OR_DATE);
        String tag = in.text(node, "tag", p, 40);
        String subtag = in.text(node, "subtag", p, 40);
        String message = in.freeText(node, "message", p, PayloadFormats.MAX_MESSAGE);
        if (message == null) {
            message = in.freeText(node, "subtag_message", p, PayloadFormats.MAX_MESSAGE);
        }
        String city = in.freeText(node, "city", p, PayloadFormats.MAX_PLACE);
        String region = in.freeText(node, "state", p, PayloadFormats.MAX_PLACE);
        String postalCode = in.freeText(node, "postal_code", p, 200);
        if (postalCode == null) {
            postalCode = in.freeText(node, "zip", p, 200);
        }
        String countryCode = in.text(node, "country_region", p, 100);
        if (countryCode == null) {
            countryCode = in.text(node, "country_iso3", p, 100);
        }
        String country = Countries.alpha2(countryCode);
        String location = in.freeText(node, "location", p, PayloadFormats.MAX_LOCATION);
        if (location == null) {
            location = JsonFields.truncate(PayloadFormats.join(city, region, country), PayloadFormats.MAX_LOCATION);
        }
        if (in.count() > before || occurredAt == null) {
            return Optional.empty();
        }
        CanonicalStatus status = status(tag, subtag);
        String rawStatus = JsonFields.truncate(subtag != null ? subtag : tag, PayloadFormats.MAX_RAW_STATUS);
        return Optional.of(new IncomingEvent(occurredAt, status, rawStatus, message, location, city, region,
                postalCode == null || postalCode.length() > PayloadFormats.MAX_POSTAL_CODE ? null : postalCode,
                country, null, IncomingEvent.fingerprint(occurredAt, status, message, location)));
    }

    /**
     * A checkpoint's tag and subtag as a canonical status. The tag names one of our statuses
     * (Landfall's taxonomy uses AfterShip's tag names); the subtag adds a substatus where its meaning
     * is one of ours. A tag we do not know falls back to the subtag's prefix, then to Pending.
     */
    static CanonicalStatus status(String tag, String subtag) {
        Optional<ShipmentStatus> status = ShipmentStatus.fromCode(tag);
        if (status.isEmpty() && subtag != null && subtag.contains("_")) {
            status = ShipmentStatus.fromCode(subtag.substring(0, subtag.indexOf('_')));
        }
        if (status.isEmpty()) {
            return CanonicalStatus.of(ShipmentStatus.Pending);
        }
        Substatus substatus = subtag == null ? null : SUBTAGS.get(subtag);
        return substatus != null && substatus.status() == status.get()
                ? CanonicalStatus.of(substatus) : CanonicalStatus.of(status.get());
    }
}
