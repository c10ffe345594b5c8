package app.landfall.api;

import app.landfall.carriers.TrackingNumbers;
import app.landfall.tracking.IncomingEvent;
import app.landfall.tracking.ShipmentUpsert;
import app.landfall.web.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The body of POST /api/v1/shipments:
 * <pre>{"tracking_number", "order_number"?, "carrier"?, "service"?, "direction"?,
 *  "carrier_estimated_delivery"?, "pickup": {"location", "deadline"?}?, "items": [{"sku" | "external_id", "quantity"}]?, "events": [...]?}</pre>
 */
final class ShipmentRequest {
    private ShipmentRequest() {
    }

    static Optional<ShipmentUpsert> parse(JsonNode body, JsonFields fields) {
        if (body == null || !body.isObject()) {
            fields.error("", "the body must be a JSON object describing the shipment");
            return Optional.empty();
        }
        String raw = fields.requiredText(body, "tracking_number", "", 80, "the carrier's tracking number");
        String number = raw == null ? null : TrackingNumbers.normalize(raw);
        if (number != null && !number.matches("[A-Z0-9]{4,64}")) {
            fields.error("tracking_number", "must be 4 to 64 letters and digits (spaces and dashes are ignored)");
        }
        String carrier = fields.text(body, "carrier", "", 40);
        if (carrier != null && !carrier.matches("[a-z0-9][a-z0-9_-]{0,39}")) {
            fields.error("carrier", "must be a carrier code such as ups, fedex, usps, dhl (lower case)");
        }
        String direction = fields.text(body, "direction", "", 10);
        if (direction != null && !direction.equals("outbound") && !direction.equals("return")) {
            fields.error("direction", "must be outbound or return");
        }
        String orderNumber = fields.text(body, "order_number", "", 64);
        String service = fields.text(body, "service", "", 100);
        var estimated = fields.value(body, "carrier_estimated_delivery", "", Requests.DATE);
        ShipmentUpsert.Pickup pickup = pickup(body, fields);
        List<ShipmentUpsert.Item> items = items(body, fields);
        List<IncomingEvent> events = EventsRequest.optionalEvents(body, fields);
        if (items != null && orderNumber == null) {
            fields.error("items", "need an order_number: items are the order's items in this package");
        }
        if (!fields.ok()) {
            return Optional.empty();
        }
        return Optional.of(new ShipmentUpsert(orderNumber, null, carrier, service, number, direction, estimated, pickup,
                items, events == null ? List.of() : events));
    }

    /** Where the parcel waits (a pickup point's name and address, as the carrier gives it) and until when. */
    private static ShipmentUpsert.Pickup pickup(JsonNode body, JsonFields fields) {
        JsonNode pickup = fields.object(body, "pickup", "");
        if (pickup == null) {
            return null;
        }
        String location = fields.requiredText(pickup, "location", "pickup", 300,
                "the pickup point or post office holding the parcel, with its address");
        var deadline = fields.value(pickup, "deadline", "pickup", Requests.DATE);
        return location == null ? null : new ShipmentUpsert.Pickup(location, deadline);
    }

    private static List<ShipmentUpsert.Item> items(JsonNode body, JsonFields fields) {
        return fields.objects(body, "items", OrderRequest.MAX_ITEMS, (node, path) -> {
            String externalId = fields.text(node, "external_id", path, 100);
            String sku = fields.text(node, "sku", path, 100);
            if (externalId == null && sku == null) {
                fields.error(path, "needs the order item's sku or external_id");
            }
            Integer quantity = fields.requiredInteger(node, "quantity", path, 1, 10_000,
                    "how many of the item are in this package");
            return quantity == null ? null : new ShipmentUpsert.Item(externalId, sku, quantity);
        });
    }
}
