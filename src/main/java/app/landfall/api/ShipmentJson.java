package app.landfall.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A shipment as the API returns it; field names go out in snake_case. */
record ShipmentJson(
        long id,
        String orderNumber,
        String direction,
        String carrier,
        String service,
        String trackingNumber,
        String status,
        String substatus,
        LocalDate carrierEstimatedDelivery,
        OffsetDateTime shippedAt,
        OffsetDateTime deliveredAt,
        OffsetDateTime updatedAt,
        String trackingPageUrl,
        List<EventJson> events) {

    record EventJson(OffsetDateTime occurredAt, String status, String substatus, String rawStatus,
                     String message, String location, String source) {
    }
}
