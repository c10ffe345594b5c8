package app.landfall.tracking;

import app.landfall.carriers.CarrierDirectory;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

/** One shipment as its tracking page shows it. */
public record TrackedShipment(
        String storeName,
        String orderNumber,
        String carrier,
        String trackingNumber,
        String status,
        String substatus,
        LocalDate estimatedDelivery,
        OffsetDateTime deliveredAt,
        List<Event> events) {

    public record Event(ZonedDateTime occurredAt, String message, String location) {
    }

    public boolean isFinal() {
        return ShipmentStatus.fromCode(status).map(ShipmentStatus::isFinal).orElse(false);
    }

    public String statusName() {
        return ShipmentStatus.fromCode(status).map(ShipmentStatus::displayName).orElse(status);
    }

    public String carrierName() {
        return CarrierDirectory.byCode(carrier).map(CarrierDirectory.Carrier::displayName).orElse(carrier);
    }

    /** The carrier's own tracking page for this parcel, when we know the carrier. */
    public String carrierTrackingUrl() {
        return CarrierDirectory.byCode(carrier).map(c -> c.trackingUrl(trackingNumber)).orElse(null);
    }

    /** "AttemptFail_RecipientUnavailable" reads "Recipient unavailable". */
    public String substatusName() {
        if (substatus == null || !substatus.contains("_")) {
            return null;
        }
        String words = substatus.substring(substatus.indexOf('_') + 1).replaceAll("(?<=[a-z])(?=[A-Z])", " ");
        return words.charAt(0) + words.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
