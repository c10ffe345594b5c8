package app.landfall.tracking;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What a tracking page asks the returns feature, which depends on tracking and not the other way
 * round: the last day a parcel's order can be returned, or empty while no return can start.
 */
@FunctionalInterface
public interface ReturnDeadline {
    ReturnDeadline NONE = parcel -> Optional.empty();

    /**
     * The facts of a parcel and its order's return policy that the window depends on; the returns
     * feature also reads the order ({@code orderId}) to see whether anything is left to return.
     */
    record Parcel(long merchantId, Long orderId, String windowStartsAt, int windowDays, OffsetDateTime placedAt, OffsetDateTime shippedAt,
            OffsetDateTime deliveredAt, boolean delivered, boolean anyItemReturnable, ZoneId storeZone) {
    }

    Optional<LocalDate> lastDay(Parcel parcel);

    /** Whether a return can be started today: there is a last day, and it has not passed. */
    static boolean isOpen(Optional<LocalDate> lastDay, LocalDate today) {
        return lastDay.isPresent() && !today.isAfter(lastDay.get());
    }
}
