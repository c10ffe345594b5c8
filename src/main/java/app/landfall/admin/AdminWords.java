package app.landfall.admin;

import app.landfall.carriers.CarrierDirectory;
import java.util.Locale;
import java.util.Map;

/**
 * Stored codes as the admin says them: carriers by their names ("usps" is "USPS"), shipment and
 * return statuses in words ("InTransit" and "in_transit" are "In transit"), and the tone of each
 * status's badge. Pure, so its tables of cases are unit tests.
 */
public final class AdminWords {
    /** What the admin shows where there is no value. */
    public static final String NONE = "—";

    private static final Map<String, String> SHIPMENT = Map.of(
            "Pending", "Waiting for the carrier",
            "InfoReceived", "Label created",
            "InTransit", "In transit",
            "OutForDelivery", "Out for delivery",
            "AttemptFail", "Delivery attempt failed",
            "AvailableForPickup", "Ready for pickup",
            "Delivered", "Delivered",
            "Exception", "Exception",
            "Expired", "No updates");

    private static final Map<String, String> SUBSTATUS = Map.ofEntries(
            Map.entry("LabelCreated", "Label created"),
            Map.entry("PickedUp", "Picked up"),
            Map.entry("ArrivedAtFacility", "Arrived at a facility"),
            Map.entry("DepartedFacility", "Left a facility"),
            Map.entry("CustomsCleared", "Cleared customs"),
            Map.entry("ArrivedAtDestinationCountry", "Arrived in the destination country"),
            Map.entry("HandedToLocalCarrier", "Handed to the local carrier"),
            Map.entry("Rerouted", "Rerouted"),
            Map.entry("AppointmentScheduled", "Appointment scheduled"),
            Map.entry("RecipientUnavailable", "Nobody was in"),
            Map.entry("BusinessClosed", "Business closed"),
            Map.entry("NoSafePlace", "No safe place to leave it"),
            Map.entry("AccessIssue", "Could not reach the door"),
            Map.entry("PickupPoint", "At a pickup point"),
            Map.entry("Locker", "In a parcel locker"),
            Map.entry("PostOffice", "At the post office"),
            Map.entry("Signed", "Signed for"),
            Map.entry("Neighbour", "Left with a neighbour"),
            Map.entry("SafePlace", "Left in a safe place"),
            Map.entry("Mailbox", "In the mailbox"),
            Map.entry("Damaged", "Damaged"),
            Map.entry("Lost", "Lost"),
            Map.entry("ReturningToSender", "Going back to the sender"),
            Map.entry("ReturnedToSender", "Returned to the sender"),
            Map.entry("Refused", "Refused"),
            Map.entry("AddressIssue", "Address problem"),
            Map.entry("CustomsDelay", "Held at customs"),
            Map.entry("Delayed", "Delayed"),
            Map.entry("HeldForPayment", "Held for payment"),
            Map.entry("Cancelled", "Cancelled"),
            Map.entry("NoUpdates", "No updates for a long time"));

    private static final Map<String, String> RETURN = Map.of(
            "requested", "Requested",
            "approved", "Approved",
            "in_transit", "In transit",
            "received", "Received",
            "refunded", "Refunded",
            "credited", "Store credit issued",
            "exchanged", "Exchanged",
            "rejected", "Rejected",
            "cancelled", "Cancelled",
            "expired", "Expired");

    private AdminWords() {
    }

    /** "usps" → "USPS", "dhl" → "DHL Express"; a carrier Landfall does not know keeps its code, capitalised. */
    public static String carrier(String code) {
        if (code == null || code.isBlank()) {
            return NONE;
        }
        return CarrierDirectory.byCode(code).map(CarrierDirectory.Carrier::displayName)
                .orElseGet(() -> capitalised(code.strip().replace('_', ' ').replace('-', ' ')));
    }

    /** A carrier with its service, said once: "UPS · Ground", but "DHL Express Worldwide" rather than "DHL Express · DHL Express Worldwide". */
    public static String carrier(String code, String service) {
        String carrier = carrier(code);
        if (service == null || service.isBlank()) {
            return carrier;
        }
        return service.toLowerCase(Locale.ROOT).startsWith(carrier.toLowerCase(Locale.ROOT)) ? service : carrier + " · " + service;
    }

    /** How long after {@code from} something came: "at once", "2 min later", "3 h later", "2 days later". */
    public static String later(java.time.OffsetDateTime from, java.time.OffsetDateTime to) {
        long seconds = java.time.Duration.between(from, to).getSeconds();
        if (seconds < 60) {
            return "at once";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min later";
        }
        if (seconds < 2 * 86_400) {
            return seconds / 3600 + " h later";
        }
        return seconds / 86_400 + " days later";
    }

    /** A shipment status: "InTransit" → "In transit", "AttemptFail" → "Delivery attempt failed". */
    public static String shipmentStatus(String code) {
        if (code == null || code.isBlank()) {
            return NONE;
        }
        return SHIPMENT.getOrDefault(code, capitalised(spaced(code)));
    }

    /** A substatus without the status it refines: "InTransit_DepartedFacility" → "Left a facility". */
    public static String substatus(String code) {
        if (code == null || code.isBlank()) {
            return NONE;
        }
        String detail = code.substring(code.indexOf('_') + 1);
        return SUBSTATUS.getOrDefault(detail, capitalised(spaced(detail)));
    }

    /** A status with its detail, when it has one: "In transit (left a facility)". */
    public static String shipmentStatus(String code, String substatus) {
        if (substatus == null || substatus.isBlank()) {
            return shipmentStatus(code);
        }
        String status = shipmentStatus(code);
        String detail = substatus(substatus);
        return detail.equalsIgnoreCase(status) ? status : status + " (" + lower(detail) + ")";
    }

    /** The badge tone of a shipment status: a failure is critical, a parcel that needs someone a warning. */
    public static String shipmentTone(String code) {
        return code == null ? "neutral" : switch (code) {
            case "Delivered" -> "success";
            case "Exception" -> "critical";
            case "AttemptFail", "AvailableForPickup", "Expired" -> "warning";
            case "InTransit", "OutForDelivery", "InfoReceived" -> "info";
            default -> "neutral";
        };
    }

    /** A return status: "in_transit" → "In transit", "credited" → "Store credit issued". */
    public static String returnStatus(String code) {
        if (code == null || code.isBlank()) {
            return NONE;
        }
        return RETURN.getOrDefault(code, capitalised(code.replace('_', ' ')));
    }

    /** The badge tone of a return status: waiting on the team is a warning; ended without a resolution is neutral, never success. */
    public static String returnTone(String code) {
        return code == null ? "neutral" : switch (code) {
            case "requested" -> "warning";
            case "approved", "in_transit", "received" -> "info";
            case "refunded", "credited", "exchanged" -> "success";
            case "rejected" -> "critical";
            default -> "neutral";
        };
    }

    /** A stored code as words in the admin: "in_transit" → "in transit", "qr_dropoff" → "QR drop-off". */
    public static String words(String code) {
        return code == null ? "" : switch (code) {
            case "qr_dropoff" -> "QR drop-off";
            case "printable_label" -> "label";
            case "in_store" -> "in store";
            case "store_credit" -> "store credit";
            default -> code.replace('_', ' ');
        };
    }

    /** A value or the dash that stands for none. */
    public static String orNone(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }

    private static String spaced(String camel) {
        return camel.replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
    }

    private static String lower(String words) {
        return words.isEmpty() ? words : Character.toLowerCase(words.charAt(0)) + words.substring(1);
    }

    private static String capitalised(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
