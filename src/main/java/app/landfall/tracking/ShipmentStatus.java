package app.landfall.tracking;

import java.util.Optional;

/**
 * The canonical shipment status. Mirrors the rows of {@code shipment_statuses}
 * (migrations/V003__create_shipments.sql) in the same order; a test keeps them in step.
 * See docs/statuses.md.
 */
public enum ShipmentStatus {
    Pending,
    InfoReceived,
    InTransit,
    OutForDelivery,
    AttemptFail,
    AvailableForPickup,
    Delivered,
    Exception,
    Expired;

    /** The steps of the tracking page's milestone bar, in order. */
    public enum Milestone { ORDERED, SHIPPED, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED }

    /** The code stored in the database; identical to the constant name. */
    public String code() {
        return name();
    }

    /** No further carrier updates are expected. */
    public boolean isFinal() {
        return this == Delivered || this == Expired;
    }

    /** Off the happy path: the milestone bar marks these distinctly at their step. */
    public boolean isExceptionBranch() {
        return switch (this) {
            case AttemptFail, AvailableForPickup, Exception, Expired -> true;
            default -> false;
        };
    }

    /**
     * The step of the milestone bar this status lights up. Pending means the carrier has told us
     * nothing yet, so the shopper only knows the order exists; a label (InfoReceived) counts as
     * shipped. A failed attempt and a parcel waiting for collection both happen at the last step
     * before hand-over. Exception and Expired say nothing about where the parcel is, so they sit
     * mid-journey at IN_TRANSIT.
     */
    public Milestone milestone() {
        return switch (this) {
            case Pending -> Milestone.ORDERED;
            case InfoReceived -> Milestone.SHIPPED;
            case InTransit, Exception, Expired -> Milestone.IN_TRANSIT;
            case OutForDelivery, AttemptFail, AvailableForPickup -> Milestone.OUT_FOR_DELIVERY;
            case Delivered -> Milestone.DELIVERED;
        };
    }

    /** English name for people (the tracking page translates it once languages land). */
    public String displayName() {
        return switch (this) {
            case Pending -> "Pending";
            case InfoReceived -> "Label created";
            case InTransit -> "In transit";
            case OutForDelivery -> "Out for delivery";
            case AttemptFail -> "Delivery attempted";
            case AvailableForPickup -> "Ready for pickup";
            case Delivered -> "Delivered";
            case Exception -> "Delivery problem";
            case Expired -> "No recent updates";
        };
    }

    /** Exact, case-sensitive match on the database code. */
    public static Optional<ShipmentStatus> fromCode(String code) {
        for (ShipmentStatus s : values()) {
            if (s.name().equals(code)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
