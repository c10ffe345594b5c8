package app.landfall.tracking;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What a tracking page says about arrival, judged on the customer's calendar ({@code today} is the
 * day in the zone the parcel goes to): out for delivery is "today", a parcel at a pickup point is
 * "ready since" (never "expected"), a date that has passed is never offered as the expected one,
 * and "late" names what it is late against, the store's first promise or else the carrier's estimate.
 * Built on {@link DeliveryPromise}, which the emails share.
 */
public record Arrival(Kind kind, LocalDate from, LocalDate to, Lateness lateness) {

    public enum Kind {
        DELIVERED, TODAY, PICKUP, ESTIMATED, RANGE, PROMISED,
        /** Every date given has passed and the parcel has not arrived: no new date is known. */
        OVERDUE,
        NONE
    }

    public enum Basis { PROMISED, ESTIMATE }

    /** Late by {@code days} days against {@code basis}. */
    public record Lateness(Basis basis, long days) {
    }

    /** {@code readySince}: the day the parcel reached the pickup point; {@code pickupBy}: the last day to collect it. */
    record Facts(String status, String substatus, LocalDate deliveredOn, LocalDate carrierEstimate, LocalDate predictedFrom,
            LocalDate predictedTo, LocalDate promised, LocalDate readySince, LocalDate pickupBy) {
    }

    public boolean isLate() {
        return lateness != null;
    }

    static Arrival of(Facts f, LocalDate today) {
        DeliveryPromise p = DeliveryPromise.of(f.status(), f.substatus(), f.deliveredOn(), f.carrierEstimate(), f.predictedFrom(),
                f.predictedTo(), f.promised(), today);
        if (p.kind() == DeliveryPromise.Kind.DELIVERED) {
            return new Arrival(Kind.DELIVERED, p.from(), p.to(), null);
        }
        if ("AvailableForPickup".equals(f.status())) {
            return new Arrival(Kind.PICKUP, f.readySince(), f.pickupBy(), null);
        }
        if (p.kind() == DeliveryPromise.Kind.NONE && !"OutForDelivery".equals(f.status())) {
            return new Arrival(Kind.NONE, null, null, null);
        }
        // the store's promise when it made one, else the carrier's (or our) estimate
        LocalDate deadline = f.promised() != null ? f.promised() : p.to();
        Basis basis = f.promised() != null ? Basis.PROMISED : Basis.ESTIMATE;
        if ("OutForDelivery".equals(f.status())) {
            return new Arrival(Kind.TODAY, today, today, lateness(basis, deadline, today));
        }
        if (p.to().isBefore(today)) {
            return new Arrival(Kind.OVERDUE, p.from(), p.to(), lateness(basis, deadline, today));
        }
        Kind kind = switch (p.kind()) {
            case RANGE -> Kind.RANGE;
            case PROMISED -> Kind.PROMISED;
            default -> Kind.ESTIMATED;
        };
        // still to come: late only if the date now expected is after the one first promised
        return new Arrival(kind, p.from(), p.to(), lateness(basis, deadline, p.to()));
    }

    private static Lateness lateness(Basis basis, LocalDate deadline, LocalDate expected) {
        if (deadline == null) {
            return null;
        }
        long days = ChronoUnit.DAYS.between(deadline, expected);
        return days > 0 ? new Lateness(basis, days) : null;
    }
}
