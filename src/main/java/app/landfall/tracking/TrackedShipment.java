package app.landfall.tracking;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** One shipment as its tracking page shows it. */
record TrackedShipment(
        String storeName,
        String orderNumber,
        String carrier,
        String trackingNumber,
        String status,
        String substatus,
        LocalDate estimatedDelivery,
        OffsetDateTime deliveredAt,
        List<Event> events) {

    record Event(OffsetDateTime occurredAt, String status, String message, String location) {
    }

    boolean isFinal() {
        return ShipmentStatus.fromCode(status).map(ShipmentStatus::isFinal).orElse(false);
    }
}
