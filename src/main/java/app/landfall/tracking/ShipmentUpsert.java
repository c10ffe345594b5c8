package app.landfall.tracking;

import java.time.LocalDate;
import java.util.List;

/**
 * A shipment as a source describes it, keyed by carrier and tracking number. Writing it creates
 * the shipment or updates the stored one, then appends {@code events}.
 *
 * @param orderNumber       the merchant's order number, when the source names one
 * @param orderExternalId   the platform's order id (Shopify's {@code order_id}), when it names one
 * @param carrier           a carrier code from the carrier directory (ups, fedex, usps, dhl, upu,
 *                          amazon, ontrac) or another lower-case slug; null to detect it from the
 *                          tracking number
 * @param trackingNumber    as given; spaces and dashes are removed and letters upper-cased on write
 * @param direction         "outbound" or "return"; null means outbound for new shipments
 * @param pickup            where the parcel waits to be collected, and until when; null leaves it unchanged
 * @param items             which order items travel in this package; null leaves them unchanged
 */
public record ShipmentUpsert(
        String orderNumber,
        String orderExternalId,
        String carrier,
        String service,
        String trackingNumber,
        String direction,
        LocalDate carrierEstimatedDelivery,
        Pickup pickup,
        List<Item> items,
        List<IncomingEvent> events) {

    /** Without a pickup point: what the platforms' webhooks describe (none of them carries one). */
    public ShipmentUpsert(String orderNumber, String orderExternalId, String carrier, String service, String trackingNumber,
            String direction, LocalDate carrierEstimatedDelivery, List<Item> items, List<IncomingEvent> events) {
        this(orderNumber, orderExternalId, carrier, service, trackingNumber, direction, carrierEstimatedDelivery, null,
                items, events);
    }

    /** The pickup point or post office holding the parcel (shown with AvailableForPickup), and the last day to collect it. */
    public record Pickup(String location, LocalDate deadline) {
    }

    /** An order item in the package, named by the item's external id or its SKU. */
    public record Item(String externalId, String sku, int quantity) {
    }
}
