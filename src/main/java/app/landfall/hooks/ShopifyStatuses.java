package app.landfall.hooks;

import app.landfall.tracking.Substatus;
import app.landfall.tracking.ShipmentStatus;
import app.landfall.tracking.CanonicalStatus;
import static app.landfall.tracking.CanonicalStatus.of;
import static java.util.Map.entry;

import java.util.Locale;
import java.util.Map;

/**
 * Shopify fulfillment event {@code status} (and the fulfillment's {@code shipment_status}, which
 * uses the same values) to the canonical taxonomy (docs/statuses.md). Accepts the REST spelling
 * ({@code in_transit}) and the GraphQL enum spelling ({@code IN_TRANSIT}). Total: unknown or
 * missing values map to Pending and never throw.
 */
public final class ShopifyStatuses {

    private static final CanonicalStatus PENDING = of(ShipmentStatus.Pending);

    private static final Map<String, CanonicalStatus> BY_STATUS = Map.ofEntries(
            entry("label_printed", of(Substatus.InfoReceived_LabelCreated)),
            entry("label_purchased", of(Substatus.InfoReceived_LabelCreated)),
            // Shopify's default when nothing else is known: the merchant has fulfilled, no scan yet
            entry("confirmed", of(ShipmentStatus.InfoReceived)),
            entry("carrier_picked_up", of(Substatus.InTransit_PickedUp)),
            entry("in_transit", of(ShipmentStatus.InTransit)),
            entry("out_for_delivery", of(ShipmentStatus.OutForDelivery)),
            entry("attempted_delivery", of(ShipmentStatus.AttemptFail)),
            entry("ready_for_pickup", of(Substatus.AvailableForPickup_PickupPoint)),
            // the shopper collected it from the pickup point: that is the delivery
            entry("picked_up", of(Substatus.Delivered_PickedUp)),
            entry("delayed", of(Substatus.Exception_Delayed)),
            entry("delivered", of(ShipmentStatus.Delivered)),
            entry("failure", of(ShipmentStatus.Exception)),
            // only in Shopify's unstable API version so far
            entry("buyer_action_required", of(ShipmentStatus.Exception)),
            entry("ready_for_recipient_pickup", of(Substatus.AvailableForPickup_PickupPoint)),
            entry("returning_to_sender", of(Substatus.Exception_ReturningToSender)));

    private ShopifyStatuses() {
    }

    public static CanonicalStatus map(String shopifyStatus) {
        String key = shopifyStatus == null ? "" : shopifyStatus.strip().toLowerCase(Locale.ROOT);
        return BY_STATUS.getOrDefault(key, PENDING);
    }
}
