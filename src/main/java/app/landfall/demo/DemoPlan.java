package app.landfall.demo;

import static app.landfall.demo.DemoJourney.Outcome.ADDRESS_ISSUE;
import static app.landfall.demo.DemoJourney.Outcome.AT_HUB;
import static app.landfall.demo.DemoJourney.Outcome.AT_LOCAL_FACILITY;
import static app.landfall.demo.DemoJourney.Outcome.ATTEMPT_FAILED;
import static app.landfall.demo.DemoJourney.Outcome.COLLECTED;
import static app.landfall.demo.DemoJourney.Outcome.CUSTOMS_CLEARED;
import static app.landfall.demo.DemoJourney.Outcome.CUSTOMS_DELAY;
import static app.landfall.demo.DemoJourney.Outcome.DAMAGED;
import static app.landfall.demo.DemoJourney.Outcome.DELAYED;
import static app.landfall.demo.DemoJourney.Outcome.DELIVERED_AFTER_DELAY;
import static app.landfall.demo.DemoJourney.Outcome.DELIVERED_MAILBOX;
import static app.landfall.demo.DemoJourney.Outcome.DELIVERED_NEIGHBOUR;
import static app.landfall.demo.DemoJourney.Outcome.DELIVERED_SAFE_PLACE;
import static app.landfall.demo.DemoJourney.Outcome.DELIVERED_SIGNED;
import static app.landfall.demo.DemoJourney.Outcome.EXPIRED;
import static app.landfall.demo.DemoJourney.Outcome.IN_DESTINATION_COUNTRY;
import static app.landfall.demo.DemoJourney.Outcome.LABEL;
import static app.landfall.demo.DemoJourney.Outcome.LEFT_HUB;
import static app.landfall.demo.DemoJourney.Outcome.LEFT_ORIGIN;
import static app.landfall.demo.DemoJourney.Outcome.OUT_FOR_DELIVERY;
import static app.landfall.demo.DemoJourney.Outcome.PENDING;
import static app.landfall.demo.DemoJourney.Outcome.PICKED_UP;
import static app.landfall.demo.DemoJourney.Outcome.READY_FOR_PICKUP;

import app.landfall.demo.DemoJourney.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's last five weeks, order by order: where each parcel has got and which orders come
 * back. Mostly delivered or on the way, with every status a shopper can meet somewhere in it.
 */
final class DemoPlan {

    /** One package; {@code daysLater} holds back a split order's second package (a backorder). */
    record Parcel(String carrier, Outcome outcome, int daysLater) {
    }

    /**
     * One order: its newest carrier scan happened {@code ago} before now (with no scans yet: its
     * label was bought, or for an unshipped order it was placed, that long ago).
     */
    record Order(String country, Duration ago, List<Parcel> parcels, String returnStatus) {
        Order returned(String status) {
            return new Order(country, ago, parcels, status);
        }

        Order alsoShips(String carrier, Outcome outcome, int daysLater) {
            List<Parcel> more = new ArrayList<>(parcels);
            more.add(new Parcel(carrier, outcome, daysLater));
            return new Order(country, ago, List.copyOf(more), returnStatus);
        }
    }

    static final List<Order> ORDERS = List.of(
            us("usps", EXPIRED, days(35)),
            us("ups", DELIVERED_SAFE_PLACE, days(33)),
            us("fedex", DELIVERED_SIGNED, days(31)),
            us("usps", DELIVERED_MAILBOX, days(30)),
            abroad("DE", DELIVERED_NEIGHBOUR, days(29)),
            us("usps", DELIVERED_SAFE_PLACE, days(27)),
            us("ups", DELIVERED_SAFE_PLACE, days(25)).returned("refunded"),
            abroad("GB", DELIVERED_SIGNED, days(24)),
            us("fedex", DELIVERED_SAFE_PLACE, days(23)),
            us("usps", COLLECTED, days(22)),
            us("usps", DELIVERED_MAILBOX, days(21)),
            us("fedex", DELIVERED_SAFE_PLACE, days(20)),
            us("ups", DELIVERED_AFTER_DELAY, days(19)),
            us("ups", DELIVERED_SAFE_PLACE, days(17)).alsoShips("usps", DELIVERED_MAILBOX, 2),
            abroad("FR", DELIVERED_NEIGHBOUR, days(17)),
            us("fedex", DELIVERED_SIGNED, days(16)).returned("received"),
            us("usps", DELIVERED_SAFE_PLACE, days(15)),
            us("ups", DELIVERED_SAFE_PLACE, days(13)).returned("rejected"),
            us("usps", DELIVERED_MAILBOX, days(12)),
            abroad("CA", DELIVERED_SIGNED, days(11)),
            us("fedex", DELIVERED_SAFE_PLACE, days(10)).returned("in_transit"),
            us("ups", DELIVERED_SAFE_PLACE, hours(6)).alsoShips("ups", AT_LOCAL_FACILITY, 8),
            us("ups", DELIVERED_NEIGHBOUR, days(8)),
            us("usps", DELIVERED_SAFE_PLACE, days(6)).returned("approved"),
            us("fedex", DELIVERED_SIGNED, days(6)),
            us("ups", DAMAGED, days(2)),
            us("ups", DELIVERED_SAFE_PLACE, days(4)).returned("requested"),
            us("usps", DELIVERED_MAILBOX, days(4)),
            us("fedex", DELIVERED_SAFE_PLACE, days(3)),
            abroad("DE", DELIVERED_SIGNED, days(2)),
            us("ups", DELIVERED_SAFE_PLACE, days(2)),
            us("usps", DELIVERED_SAFE_PLACE, days(1)),
            us("fedex", ADDRESS_ISSUE, days(1)),
            abroad("GB", CUSTOMS_DELAY, days(1)),
            us("ups", READY_FOR_PICKUP, hours(20)),
            us("ups", DELAYED, hours(9)),
            us("fedex", ATTEMPT_FAILED, hours(5)),
            us("fedex", OUT_FOR_DELIVERY, hours(2)),
            us("usps", OUT_FOR_DELIVERY, hours(3)),
            us("ups", AT_LOCAL_FACILITY, hours(5)),
            us("fedex", LEFT_HUB, hours(8)),
            us("usps", AT_HUB, hours(6)),
            abroad("FR", IN_DESTINATION_COUNTRY, hours(5)),
            abroad("CA", CUSTOMS_CLEARED, hours(4)),
            us("ups", LEFT_HUB, hours(3)),
            us("fedex", AT_HUB, hours(10)).alsoShips("usps", LABEL, 1),
            us("ups", PICKED_UP, hours(7)),
            us("usps", LEFT_ORIGIN, hours(4)),
            abroad("DE", PICKED_UP, hours(11)),
            us("fedex", LABEL, hours(2)),
            us("usps", LABEL, hours(1)),
            us("ups", PENDING, hours(3)),
            new Order("US", hours(2), List.of(), null));

    private DemoPlan() {
    }

    private static Order us(String carrier, Outcome outcome, Duration ago) {
        return new Order("US", ago, List.of(new Parcel(carrier, outcome, 0)), null);
    }

    /** Abroad goes by DHL Express. */
    private static Order abroad(String country, Outcome outcome, Duration ago) {
        return new Order(country, ago, List.of(new Parcel("dhl", outcome, 0)), null);
    }

    private static Duration days(int days) {
        return Duration.ofDays(days);
    }

    private static Duration hours(int hours) {
        return Duration.ofHours(hours);
    }
}
