package app.landfall.tracking;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A refinement of a {@link ShipmentStatus}. Mirrors the rows of {@code shipment_substatuses}
 * (migrations/V003__create_shipments.sql); a test keeps them in step. See docs/statuses.md.
 */
public enum Substatus {
    InfoReceived_LabelCreated(ShipmentStatus.InfoReceived),

    InTransit_PickedUp(ShipmentStatus.InTransit),
    InTransit_ArrivedAtFacility(ShipmentStatus.InTransit),
    InTransit_DepartedFacility(ShipmentStatus.InTransit),
    InTransit_CustomsCleared(ShipmentStatus.InTransit),
    InTransit_ArrivedAtDestinationCountry(ShipmentStatus.InTransit),
    InTransit_HandedToLocalCarrier(ShipmentStatus.InTransit),
    InTransit_Rerouted(ShipmentStatus.InTransit),

    OutForDelivery_AppointmentScheduled(ShipmentStatus.OutForDelivery),

    AttemptFail_RecipientUnavailable(ShipmentStatus.AttemptFail),
    AttemptFail_BusinessClosed(ShipmentStatus.AttemptFail),
    AttemptFail_NoSafePlace(ShipmentStatus.AttemptFail),
    AttemptFail_AccessIssue(ShipmentStatus.AttemptFail),

    AvailableForPickup_PickupPoint(ShipmentStatus.AvailableForPickup),
    AvailableForPickup_Locker(ShipmentStatus.AvailableForPickup),
    AvailableForPickup_PostOffice(ShipmentStatus.AvailableForPickup),

    Delivered_Signed(ShipmentStatus.Delivered),
    Delivered_PickedUp(ShipmentStatus.Delivered),
    Delivered_Neighbour(ShipmentStatus.Delivered),
    Delivered_SafePlace(ShipmentStatus.Delivered),
    Delivered_Mailbox(ShipmentStatus.Delivered),

    Exception_Damaged(ShipmentStatus.Exception),
    Exception_Lost(ShipmentStatus.Exception),
    Exception_ReturningToSender(ShipmentStatus.Exception),
    Exception_ReturnedToSender(ShipmentStatus.Exception),
    Exception_Refused(ShipmentStatus.Exception),
    Exception_AddressIssue(ShipmentStatus.Exception),
    Exception_CustomsDelay(ShipmentStatus.Exception),
    Exception_Delayed(ShipmentStatus.Exception),
    Exception_HeldForPayment(ShipmentStatus.Exception),
    Exception_Cancelled(ShipmentStatus.Exception),

    Expired_NoUpdates(ShipmentStatus.Expired);

    private final ShipmentStatus status;

    Substatus(ShipmentStatus status) {
        this.status = status;
    }

    /** The status this substatus refines. */
    public ShipmentStatus status() {
        return status;
    }

    /** The code stored in the database; identical to the constant name. */
    public String code() {
        return name();
    }

    /** Exact, case-sensitive match on the database code. */
    public static Optional<Substatus> fromCode(String code) {
        for (Substatus s : values()) {
            if (s.name().equals(code)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The substatuses of one status, in declaration order (empty for Pending). */
    public static List<Substatus> of(ShipmentStatus status) {
        return Arrays.stream(values()).filter(s -> s.status == status).toList();
    }
}
