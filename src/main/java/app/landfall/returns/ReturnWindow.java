package app.landfall.returns;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The last day an order can be returned under a policy's window: so many days from when it was
 * ordered, shipped or delivered (from shipping when the delivery date is unknown but the parcel
 * is delivered). Empty while the window has not started, e.g. a delivery-based window before
 * delivery, or when nothing in the order is returnable at all.
 */
public final class ReturnWindow {
    private ReturnWindow() {
    }

    public static Optional<LocalDate> lastDay(String startsAt, int windowDays, OffsetDateTime placedAt,
            OffsetDateTime shippedAt, OffsetDateTime deliveredAt, boolean delivered, boolean anyItemReturnable, ZoneId zone) {
        if (!anyItemReturnable || startsAt == null) {
            return Optional.empty();
        }
        OffsetDateTime start = switch (startsAt) {
            case "ordered" -> placedAt;
            case "shipped" -> shippedAt;
            case "delivered" -> deliveredAt != null ? deliveredAt : delivered ? shippedAt : null;
            default -> null;
        };
        return Optional.ofNullable(start).map(s -> s.atZoneSameInstant(zone).toLocalDate().plusDays(windowDays));
    }

}
