package app.landfall.hooks;

import app.landfall.orders.OrderUpsert;
import app.landfall.tracking.ShipmentUpsert;
import java.util.List;

/**
 * What one webhook delivery says, in Landfall's terms: orders to upsert first, then shipments (with
 * their events). {@code deliveryId} is the provider's id of this delivery, used to recognise a
 * redelivery. Both lists are empty for a delivery Landfall acknowledges but has no use for (another
 * topic, a test ping).
 */
record WebhookContent(String deliveryId, List<OrderUpsert> orders, List<ShipmentUpsert> shipments) {
}
