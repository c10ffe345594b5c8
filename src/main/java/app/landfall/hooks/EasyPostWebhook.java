package app.landfall.hooks;

import static app.landfall.web.JsonFields.index;
import static app.landfall.web.JsonFields.path;

import app.landfall.tracking.CanonicalStatus;
import app.landfall.tracking.IncomingEvent;
import app.landfall.tracking.ShipmentUpsert;
import app.landfall.web.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An EasyPost webhook ({@code X-Hmac-Signature} already checked): an {@code Event} object whose
 * {@code result} is the changed object (https://docs.easypost.com/docs/events,
 * https://docs.easypost.com/docs/trackers). Only {@code tracker.created} and
 * {@code tracker.updated} with a {@code Tracker} result carry shipment news; every other event
 * (batches, shipments, refunds, reports, …) is acknowledged with empty content.
 *
 * <p>A tracker is one shipment; its {@code tracking_details} (the whole history, on every delivery)
 * are its events, each mapped with {@link EasyPostStatuses#map}. Tracking details have no ids, so
 * the dedupe key is {@link IncomingEvent#fingerprint}. The tracker's own status is not an event: it
 * has no time of its own, and it is the last detail's status anyway.
 */
final class EasyPostWebhook {
    static final Set<String> TRACKER_EVENTS = Set.of("tracker.created", "tracker.updated");

    private EasyPostWebhook() {
    }

    static WebhookContent parse(JsonNode body) throws InvalidPayload {
        JsonFields in = new JsonFields();
        if (!in.root(body)) {
            InvalidPayload.throwIfAny(in);
        }
        String object = in.requiredText(body, "object", "", 40);
        if (object != null && !object.equals("Event")) {
            in.error("object", "must be \"Event\"");
        }
        String id = in.requiredText(body, "id", "", PayloadFormats.MAX_ID);
        String description = in.requiredText(body, "description", "", 100);
        InvalidPayload.throwIfAny(in);
        JsonNode result = body.get("result");
        if (!TRACKER_EVENTS.contains(description)) {
            return new WebhookContent(id, List.of(), List.of());
        }
        if (result == null || !result.isObject() || !"Tracker".equals(result.path("object").asText(null))) {
            // a tracker event must carry its Tracker
            in.error("result", "must be a Tracker object for " + description);
            InvalidPayload.throwIfAny(in);
        }
        ShipmentUpsert shipment = tracker(result, in);
        InvalidPayload.throwIfAny(in);
        return new WebhookContent(id, List.of(), List.of(shipment));
    }

    private static ShipmentUpsert tracker(JsonNode tracker, JsonFields in) {
        String trackingCode = in.requiredValue(tracker, "tracking_code", "result", PayloadFormats.TRACKING_NUMBER);
        String carrier = CarrierNames.fromEasyPost(in.text(tracker, "carrier", "result", 100));
        JsonNode carrierDetail = in.object(tracker, "carrier_detail", "result");
        String service = carrierDetail == null ? null
                : in.freeText(carrierDetail, "service", "result.carrier_detail", PayloadFormats.MAX_PLACE);
        LocalDate estimated = estimatedDelivery(tracker, carrierDetail, in);
        List<IncomingEvent> events = new ArrayList<>();
        JsonNode details = in.array(tracker, "tracking_details", "result");
        if (details != null) {
            for (int i = 0; i < details.size(); i++) {
                detail(details.get(i), index("result.tracking_details", i), in).ifPresent(events::add);
            }
        }
        return new ShipmentUpsert(null, null, carrier, service, trackingCode, null, estimated, null,
                List.copyOf(events));
    }

    /**
     * The carrier's estimate: {@code carrier_detail.est_delivery_date_local} (a local date, where the
     * carrier gives one), else the date {@code est_delivery_date} is written for.
     */
    private static LocalDate estimatedDelivery(JsonNode tracker, JsonNode carrierDetail, JsonFields in) {
        LocalDate local = carrierDetail == null ? null
                : in.value(carrierDetail, "est_delivery_date_local", "result.carrier_detail", PayloadFormats.DATE_PART);
        return local != null ? local : in.value(tracker, "est_delivery_date", "result", PayloadFormats.DATE_PART);
    }

    /**
     * One tracking detail as an event. Its {@code datetime} is required; EasyPost writes it with the
     * place's offset when it knows the place, else in UTC. The location is composed from the
     * {@code tracking_location} (EasyPost has no location line); a country that is not an alpha-2
     * code is dropped.
     */
    private static Optional<IncomingEvent> detail(JsonNode node, String p, JsonFields in) {
        if (node == null || !node.isObject()) {
            in.error(p, "must be an object");
            return Optional.empty();
        }
        int before = in.count();
        OffsetDateTime occurredAt = in.requiredValue(node, "datetime", p, PayloadFormats.TIME);
        String status = in.text(node, "status", p, 60);
        String statusDetail = in.text(node, "status_detail", p, 60);
        String message = in.freeText(node, "message", p, PayloadFormats.MAX_MESSAGE);
        if (message == null) {
            message = in.freeText(node, "description", p, PayloadFormats.MAX_MESSAGE);
        }
        String lp = path(p, "tracking_location");
        JsonNode place = in.object(node, "tracking_location", p);
        String city = place == null ? null : in.freeText(place, "city", lp, PayloadFormats.MAX_PLACE);
        String region = place == null ? null : in.freeText(place, "state", lp, PayloadFormats.MAX_PLACE);
        String zip = place == null ? null : in.freeText(place, "zip", lp, 200);
        String country = place == null ? null : Countries.strictAlpha2(in.text(place, "country", lp, 100));
        if (in.count() > before) {
            return Optional.empty();
        }
        String location = JsonFields.truncate(PayloadFormats.join(city, region, country), PayloadFormats.MAX_LOCATION);
        CanonicalStatus canonical = EasyPostStatuses.map(status, statusDetail);
        // e.g. in_transit:arrived_at_facility, so that neither half of EasyPost's pair is lost
        String rawStatus = status == null || statusDetail == null ? (status == null ? statusDetail : status)
                : status + ":" + statusDetail;
        return Optional.of(new IncomingEvent(occurredAt, canonical, rawStatus, message, location, city, region,
                zip == null || zip.length() > PayloadFormats.MAX_POSTAL_CODE ? null : zip,
                country, null, IncomingEvent.fingerprint(occurredAt, canonical, message, location)));
    }
}
