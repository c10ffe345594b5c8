package app.landfall.notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The moments of a parcel's journey its customer hears about, and the pure decisions around them:
 * which status change is which moment ({@link #forChange}), and which messages still waiting are
 * stale once the parcel has moved on ({@link #staleOnceIn}). The code is the template's name and the
 * trigger's name in the store's settings. Three are raised by no status change: the pickup reminder
 * and the review request come from {@link ShipmentReminders} (a background job), and {@link #DELAYED}
 * is raised by nothing yet: its words exist, and delivery predictions (a later issue) will raise it
 * where a parcel falls behind its promise, as one more {@code ShipmentReminders} query.
 */
public enum ShipmentTrigger {
    LABEL_CREATED("label_created", "InfoReceived", "Label created", "The store has made the parcel's label.", true),
    SHIPPED("shipped", "InTransit", "Shipped", "The carrier's first scan.", true),
    IN_TRANSIT("in_transit", "InTransit", "In-transit updates", "Every later scan on the way (many messages).", false),
    OUT_FOR_DELIVERY("out_for_delivery", "OutForDelivery", "Out for delivery", "The parcel is on the van today.", true),
    FAILED_ATTEMPT("failed_attempt", "AttemptFail", "Delivery attempt failed", "Nobody could take the parcel.", true),
    AVAILABLE_FOR_PICKUP("available_for_pickup", "AvailableForPickup", "Ready for pickup",
            "At a pickup point, locker or post office.", true),
    DELIVERED("delivered", "Delivered", "Delivered", "The parcel has arrived.", true),
    EXCEPTION("exception", "Exception", "Problem", "Damaged, lost, held at customs, returned to the store …", true),
    EXPIRED("expired", "Expired", "No recent updates", "The carrier has said nothing for 30 days.", true),
    PICKUP_REMINDER("pickup_reminder", "AvailableForPickup", "Pickup reminder",
            "A day before the pickup point sends an uncollected parcel back.", true),
    /** Not in the matrix yet: nothing raises it until delivery predictions come. */
    DELAYED("delayed", "InTransit", "Delayed", "The parcel is running later than promised.", true, false),
    /** Not in the matrix: switched and timed by the review request's own setting (days after delivery, or off). */
    REVIEW_REQUEST("review_request", "Delivered", "Review request", "Asks how the order went, some days after delivery.", true, false);

    private final String code;
    private final String status;
    private final String label;
    private final String hint;
    private final boolean emailByDefault;
    private final boolean listed;

    ShipmentTrigger(String code, String status, String label, String hint, boolean emailByDefault) {
        this(code, status, label, hint, emailByDefault, true);
    }

    ShipmentTrigger(String code, String status, String label, String hint, boolean emailByDefault, boolean listed) {
        this.listed = listed;
        this.code = code;
        this.status = status;
        this.label = label;
        this.hint = hint;
        this.emailByDefault = emailByDefault;
    }

    /** {@code shipment.out_for_delivery}: the template, and the trigger's name in the settings. */
    public String template() {
        return "shipment." + code;
    }

    String code() {
        return code;
    }

    /** The shipment status this message announces. */
    String status() {
        return status;
    }

    String label() {
        return label;
    }

    String hint() {
        return hint;
    }

    /**
     * Whether a store that never chose sends this on a channel: every email but in-transit updates.
     * Texts cost the store money, so other channels start off until the store turns them on.
     */
    boolean onByDefault(String channel) {
        return channel.equals("email") && emailByDefault;
    }

    /** The moments the settings' matrix switches per channel, in order. */
    static List<ShipmentTrigger> listed() {
        return java.util.Arrays.stream(values()).filter(t -> t.listed).toList();
    }

    static Optional<ShipmentTrigger> byTemplate(String template) {
        for (ShipmentTrigger trigger : values()) {
            if (trigger.template().equals(template)) {
                return Optional.of(trigger);
            }
        }
        return Optional.empty();
    }

    /**
     * The moment a status change is, if any: {@code firstScan} when the carrier had the parcel for
     * the first time with this change. A change within In transit (another facility) is an update;
     * a change within another status (one problem after another) is not announced again.
     */
    static Optional<ShipmentTrigger> forChange(String fromStatus, String toStatus, boolean firstScan) {
        ShipmentTrigger trigger = switch (toStatus) {
            case "InfoReceived" -> LABEL_CREATED;
            case "InTransit" -> firstScan ? SHIPPED : IN_TRANSIT;
            case "OutForDelivery" -> OUT_FOR_DELIVERY;
            case "AttemptFail" -> FAILED_ATTEMPT;
            case "AvailableForPickup" -> AVAILABLE_FOR_PICKUP;
            case "Delivered" -> DELIVERED;
            case "Exception" -> EXCEPTION;
            case "Expired" -> EXPIRED;
            default -> null;
        };
        if (trigger == null || (toStatus.equals(fromStatus) && trigger != IN_TRANSIT)) {
            return Optional.empty();
        }
        return Optional.of(trigger);
    }

    /** How long after a parcel reached a status its customer is still told: older news is history, not news. */
    static final java.time.Duration NEWS_FOR = java.time.Duration.ofHours(48);

    /**
     * Whether a status reached at {@code since} is still news at {@code now}. A store that imports
     * last month's parcels, a webhook replayed after a long outage, or a parcel found expired long
     * after it went quiet tells nobody "your parcel was delivered" weeks later.
     */
    static boolean isNews(Instant since, Instant now) {
        return !since.isBefore(now.minus(NEWS_FOR));
    }

    /**
     * The messages that are stale once a parcel is in {@code status}: every one announcing another
     * status (no "out for delivery" after "delivered"). One announcing the status it is in still
     * holds ("shipped" while it moves from one facility to the next).
     */
    static List<ShipmentTrigger> staleOnceIn(String status) {
        List<ShipmentTrigger> stale = new ArrayList<>();
        for (ShipmentTrigger trigger : values()) {
            if (!trigger.status.equals(status)) {
                stale.add(trigger);
            }
        }
        return stale;
    }

    /** What the delivery log says about a message skipped because the parcel is now in {@code status}. */
    static String skippedReason(String status) {
        String words = switch (status) {
            case "Pending" -> "waiting for its label";
            case "InfoReceived" -> "labelled";
            case "InTransit" -> "in transit";
            case "OutForDelivery" -> "out for delivery";
            case "AttemptFail" -> "past a failed delivery attempt";
            case "AvailableForPickup" -> "ready for pickup";
            case "Delivered" -> "delivered";
            case "Exception" -> "held up by a problem";
            case "Expired" -> "without updates for too long";
            default -> status;
        };
        return "Skipped: the parcel was already " + words + " when this would have gone out.";
    }

    /**
     * The cause a message names, so a replayed event never sends it twice: one per parcel and moment,
     * and for in-transit updates one per change ({@code since}: when the parcel reached that state).
     */
    String dedupeKey(long shipmentId, String channel, Instant since) {
        return "shipment:" + shipmentId + ":" + code + (this == IN_TRANSIT ? "@" + since : "") + ":" + channel;
    }
}
