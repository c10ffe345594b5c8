package app.landfall.api;

import app.landfall.returns.ParcelPapers;
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
        String returnStartUrl,
        List<EventJson> events) {

    /**
     * Where a shopper starts a return of this parcel's order, without typing the order number: a
     * stable link (the tracking page's), made for the QR code on a packing slip. None for a return
     * parcel.
     */
    static String returnStart(String site, String direction, String publicToken) {
        return ParcelPapers.returnStartUrl(site, direction, publicToken); // the same link as the QR code on the packing slip
    }

    record EventJson(OffsetDateTime occurredAt, String status, String substatus, String rawStatus,
                     String message, String location, String source) {
    }
}
