package app.landfall.hooks;

import app.landfall.tracking.Substatus;
import app.landfall.tracking.ShipmentStatus;
import app.landfall.tracking.CanonicalStatus;
import static app.landfall.tracking.CanonicalStatus.of;
import static java.util.Map.entry;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * EasyPost tracker {@code status} and {@code status_detail} to the canonical taxonomy
 * (docs/statuses.md). Total: unknown or missing vendor strings never throw.
 */
public final class EasyPostStatuses {

    private static final CanonicalStatus PENDING = of(ShipmentStatus.Pending);

    private static final Map<String, CanonicalStatus> BY_STATUS = Map.of(
            "unknown", PENDING,
            "pre_transit", of(ShipmentStatus.InfoReceived),
            "in_transit", of(ShipmentStatus.InTransit),
            "out_for_delivery", of(ShipmentStatus.OutForDelivery),
            "delivered", of(ShipmentStatus.Delivered),
            "available_for_pickup", of(ShipmentStatus.AvailableForPickup),
            "return_to_sender", of(Substatus.Exception_ReturningToSender),
            "failure", of(ShipmentStatus.Exception),
            "cancelled", of(Substatus.Exception_Cancelled),
            // EasyPost could not track the code at all: nothing is known about the parcel yet
            "error", PENDING);

    // awaiting_information, status_update and unknown add nothing, so they are absent
    private static final Map<String, CanonicalStatus> BY_DETAIL = Map.ofEntries(
            entry("address_correction", of(Substatus.Exception_AddressIssue)),
            entry("arrived_at_destination", of(Substatus.InTransit_ArrivedAtDestinationCountry)),
            entry("arrived_at_facility", of(Substatus.InTransit_ArrivedAtFacility)),
            entry("arrived_at_pickup_location", of(Substatus.AvailableForPickup_PickupPoint)),
            entry("cancelled", of(Substatus.Exception_Cancelled)),
            entry("damaged", of(Substatus.Exception_Damaged)),
            entry("delayed", of(Substatus.Exception_Delayed)),
            entry("delivery_exception", of(ShipmentStatus.AttemptFail)),
            entry("departed_facility", of(Substatus.InTransit_DepartedFacility)),
            entry("departed_origin_facility", of(Substatus.InTransit_DepartedFacility)),
            entry("expired", of(Substatus.Expired_NoUpdates)),
            entry("failure", of(ShipmentStatus.Exception)),
            entry("held", of(ShipmentStatus.Exception)),
            entry("in_transit", of(ShipmentStatus.InTransit)),
            entry("label_created", of(Substatus.InfoReceived_LabelCreated)),
            entry("lost", of(Substatus.Exception_Lost)),
            entry("missorted", of(Substatus.InTransit_Rerouted)),
            entry("out_for_delivery", of(ShipmentStatus.OutForDelivery)),
            entry("received_at_destination_facility", of(Substatus.InTransit_ArrivedAtFacility)),
            // the origin scan is the carrier accepting the parcel, whether collected or dropped off
            entry("received_at_origin_facility", of(Substatus.InTransit_PickedUp)),
            entry("refused", of(Substatus.Exception_Refused)),
            entry("return", of(Substatus.Exception_ReturningToSender)),
            entry("transferred_to_destination_carrier", of(Substatus.InTransit_HandedToLocalCarrier)),
            entry("transit_exception", of(ShipmentStatus.Exception)),
            entry("weather_delay", of(Substatus.Exception_Delayed)));

    /** Statuses that still claim all is well, so a problem reported in the detail wins over them. */
    private static final Set<ShipmentStatus> ON_TRACK = Set.of(
            ShipmentStatus.Pending, ShipmentStatus.InfoReceived,
            ShipmentStatus.InTransit, ShipmentStatus.OutForDelivery);
    private static final Set<ShipmentStatus> PROBLEMS = Set.of(
            ShipmentStatus.AttemptFail, ShipmentStatus.Exception, ShipmentStatus.Expired);

    private EasyPostStatuses() {
    }

    /**
     * The status decides; the detail adds a substatus when it agrees with the status, replaces an
     * on-track status when it reports a problem, and is all there is when the status is unknown.
     * A status that already carries a substatus (return_to_sender, cancelled) is kept as is.
     */
    public static CanonicalStatus map(String status, String statusDetail) {
        CanonicalStatus base = BY_STATUS.getOrDefault(normalise(status), PENDING);
        CanonicalStatus detail = BY_DETAIL.get(normalise(statusDetail));
        if (detail == null || base.substatus() != null) {
            return base;
        }
        ShipmentStatus s = base.status();
        boolean refines = detail.status() == s || s == ShipmentStatus.Pending
                || ON_TRACK.contains(s) && PROBLEMS.contains(detail.status());
        return refines ? detail : base;
    }

    private static String normalise(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
