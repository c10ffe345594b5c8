package app.landfall.hooks;

import static app.landfall.hooks.PayloadReader.index;
import static app.landfall.hooks.PayloadReader.path;

import app.landfall.tracking.CanonicalStatus;
import app.landfall.tracking.IncomingEvent;
import app.landfall.tracking.ShipmentUpsert;
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
        PayloadReader in = new PayloadReader();
        if (!in.root(body)) {
            in.throwIfAny();
        }
        String object = in.text(body, "object", "", true, 40);
        if (object != null && !object.equals("Event")) {
            in.error("object", "must be \"Event\"");
        }
        String id = in.text(body, "id", "", true, PayloadReader.MAX_ID);
        String description = in.text(body, "description", "", true, 100);
        in.throwIfAny();
        JsonNode result = body.get("result");
        if (!TRACKER_EVENTS.contains(description)) {
            return new WebhookContent(id, List.of(), List.of());
        }
        if (result == null || !result.isObject() || !"Tracker".equals(result.path("object").asText(null))) {
            // a tracker event must carry its Tracker
            in.error("result", "must be a Tracker object for " + description);
            in.throwIfAny();
        }
        ShipmentUpsert shipment = tracker(result, in);
        in.throwIfAny();
        return new WebhookContent(id, List.of(), List.of(shipment));
    }

    private static ShipmentUpsert tracker(JsonNode tracker, PayloadReader in) {
        String trackingCode = in.trackingNumber(tracker, "tracking_code", "result", true);
        String carrier = CarrierNames.fromEasyPost(in.text(tracker, "carrier", "result", false, 100));
        JsonNode carrierDetail = in.object(tracker, "carrier_detail", "result", false);
        String service = carrierDetail == null ? null
                : in.freeText(carrierDetail, "service", "result.carrier_detail", PayloadReader.MAX_PLACE);
        LocalDate estimated = estimatedDelivery(tracker, carrierDetail, in);
        List<IncomingEvent> events = new ArrayList<>();
        JsonNode details = in.array(tracker, "tracking_details", "result", false);
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
    private static LocalDate estimatedDelivery(JsonNode tracker, JsonNode carrierDetail, PayloadReader in) {
        LocalDate local = carrierDetail == null ? null
                : in.datePart(carrierDetail, "est_delivery_date_local", "result.carrier_detail");
        return local != null ? local : in.datePart(tracker, "est_delivery_date", "result");
    }

    /**
     * One tracking detail as an event. Its {@code datetime} is required; EasyPost writes it with the
     * place's offset when it knows the place, else in UTC. The location is composed from the
     * {@code tracking_location} (EasyPost has no location line); a country that is not an alpha-2
     * code is dropped.
     */
    private static Optional<IncomingEvent> detail(JsonNode node, String p, PayloadReader in) {
        if (node == null || !node.isObject()) {
            in.error(p, "must be an object");
            return Optional.empty();
        }
        int before = in.errorCount();
        OffsetDateTime occurredAt = in.time(node, "datetime", p, true);
        String status = in.text(node, "status", p, false, 60);
        String statusDetail = in.text(node, "status_detail", p, false, 60);
        String message = in.freeText(node, "message", p, PayloadReader.MAX_MESSAGE);
        if (message == null) {
            message = in.freeText(node, "description", p, PayloadReader.MAX_MESSAGE);
        }
        String lp = path(p, "tracking_location");
        JsonNode place = in.object(node, "tracking_location", p, false);
        String city = place == null ? null : in.freeText(place, "city", lp, PayloadReader.MAX_PLACE);
        String region = place == null ? null : in.freeText(place, "state", lp, PayloadReader.MAX_PLACE);
        String zip = place == null ? null : in.freeText(place, "zip", lp, 200);
        String country = place == null ? null : Countries.strictAlpha2(in.text(place, "country", lp, false, 100));
        if (in.errorCount() > before) {
            return Optional.empty();
        }
        String location = PayloadReader.truncate(PayloadReader.join(city, region, country), PayloadReader.MAX_LOCATION);
        CanonicalStatus canonical = EasyPostStatuses.map(status, statusDetail);
        // e.g. in_transit:arrived_at_facility, so that neither half of EasyPost's pair is lost
        String rawStatus = status == null || statusDetail == null ? (status == null ? statusDetail : status)
                : status + ":" + statusDetail;
        return Optional.of(new IncomingEvent(occurredAt, canonical, rawStatus, message, location, city, region,
                zip == null || zip.length() > PayloadReader.MAX_POSTAL_CODE ? null : zip,
                country, null, IncomingEvent.fingerprint(occurredAt, canonical, message, location)));
    }
}
