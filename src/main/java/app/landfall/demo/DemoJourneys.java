package app.landfall.demo;

import app.landfall.demo.DemoDestinations.Destination;
import app.landfall.demo.DemoJourney.Event;
import app.landfall.demo.DemoJourney.Outcome;
import app.landfall.demo.DemoJourney.Step;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Builds carrier histories forward in time: scans follow each other at believable gaps, and the
 * ones people are involved in (labels, pick-ups, deliveries) happen at working hours in local time.
 */
final class DemoJourneys {

    /**
     * A parcel's way: scanned at {@code start}, in and out of each facility, through customs at the
     * gateway when it crosses a border, then sent out from {@code lastFacility} to {@code destination}.
     */
    record Leg(String carrier, DemoPlace start, List<DemoPlace> facilities, DemoPlace gateway,
            DemoPlace lastFacility, DemoPlace destination, String recipient, boolean dropOff) {
    }

    private final Random random;

    DemoJourneys(Random random) {
        this.random = random;
    }

    static Leg outbound(String carrier, Destination to, String recipient) {
        List<DemoPlace> facilities = new ArrayList<>();
        facilities.add(DemoRoutes.originFacility(carrier));
        facilities.addAll(DemoRoutes.hubs(carrier, to.zone()));
        DemoPlace gateway = to.abroad() ? DemoRoutes.gateway(to.place().country()) : null;
        return new Leg(carrier, DemoRoutes.WAREHOUSE, facilities, gateway, to.place(), to.place(), recipient, false);
    }

    /** A return: dropped off in the shopper's town, back through the same hubs to the warehouse. */
    static Leg back(String carrier, Destination from) {
        List<DemoPlace> hubs = new ArrayList<>(DemoRoutes.hubs(carrier, from.zone()));
        Collections.reverse(hubs);
        List<DemoPlace> facilities = new ArrayList<>();
        facilities.add(from.place());
        facilities.addAll(hubs);
        return new Leg(carrier, from.place(), facilities, null, DemoRoutes.originFacility(carrier),
                DemoRoutes.WAREHOUSE, "Receiving", true);
    }

    DemoJourney travel(Leg leg, Outcome outcome, Instant start) {
        Trip trip = new Trip(leg, start);
        if (outcome != Outcome.PENDING) {
            follow(trip, leg, outcome);
        }
        int transitDays = leg.facilities().size() + 1 + (leg.gateway() == null ? 0 : 2);
        return new DemoJourney(outcome, List.copyOf(trip.events), transitDays);
    }

    private void follow(Trip trip, Leg leg, Outcome outcome) {
        trip.scan(Step.LABEL, leg.start(), 1, 20, 9, 17);
        if (outcome == Outcome.LABEL || outcome == Outcome.EXPIRED) {
            return;
        }
        if (leg.dropOff()) {
            trip.scan(Step.DROP_OFF, leg.start(), 4, 40, 10, 18);
        } else {
            trip.scan(Step.PICKUP, leg.start(), 1, 5, 16, 19);
        }
        if (outcome == Outcome.PICKED_UP) {
            return;
        }
        for (int i = 0; i < leg.facilities().size(); i++) {
            DemoPlace facility = leg.facilities().get(i);
            boolean firstHub = i == 1;
            trip.scan(Step.ARRIVE, facility, i == 0 ? 1 : 5, i == 0 ? 3 : 20);
            if (firstHub && outcome == Outcome.AT_HUB) {
                return;
            }
            if (firstHub && outcome == Outcome.DAMAGED) {
                trip.scan(Step.DAMAGED, facility, 1, 4);
                return;
            }
            if (firstHub && (outcome == Outcome.DELAYED || outcome == Outcome.DELIVERED_AFTER_DELAY)) {
                trip.scan(Step.DELAYED, facility, 2, 6);
                if (outcome == Outcome.DELAYED) {
                    return;
                }
                trip.scan(Step.DEPART, facility, 20, 30);
            } else {
                trip.scan(Step.DEPART, facility, 2, 6);
            }
            if ((i == 0 && outcome == Outcome.LEFT_ORIGIN) || (firstHub && outcome == Outcome.LEFT_HUB)) {
                return;
            }
        }
        if (leg.gateway() != null) {
            trip.scan(Step.ARRIVE_COUNTRY, leg.gateway(), 8, 14);
            if (outcome == Outcome.IN_DESTINATION_COUNTRY) {
                return;
            }
            if (outcome == Outcome.CUSTOMS_DELAY) {
                trip.scan(Step.CUSTOMS_DELAY, leg.gateway(), 3, 8);
                return;
            }
            trip.scan(Step.CUSTOMS_CLEARED, leg.gateway(), 2, 8);
            if (outcome == Outcome.CUSTOMS_CLEARED) {
                return;
            }
            trip.scan(Step.DEPART, leg.gateway(), 1, 4);
        }
        trip.scan(Step.ARRIVE, leg.lastFacility(), 4, 20);
        if (outcome == Outcome.AT_LOCAL_FACILITY) {
            return;
        }
        trip.scan(Step.OUT_FOR_DELIVERY, leg.lastFacility(), 1, 4, 6, 9);
        if (outcome == Outcome.OUT_FOR_DELIVERY) {
            return;
        }
        deliver(trip, leg, outcome);
    }

    private void deliver(Trip trip, Leg leg, Outcome outcome) {
        DemoPlace door = leg.destination();
        switch (outcome) {
            case ADDRESS_ISSUE -> trip.scan(Step.ADDRESS_ISSUE, door, 2, 6, 10, 18);
            case ATTEMPT_FAILED, READY_FOR_PICKUP, COLLECTED -> {
                trip.scan(Step.ATTEMPT_FAILED, door, 2, 7, 10, 19);
                if (outcome == Outcome.ATTEMPT_FAILED) {
                    return;
                }
                trip.scan(leg.carrier().equals("usps") ? Step.AT_POST_OFFICE : Step.AT_PICKUP_POINT, door, 12, 20, 9, 12);
                if (outcome == Outcome.COLLECTED) {
                    trip.scan(Step.COLLECTED, door, 20, 50, 11, 19);
                }
            }
            case DELIVERED_SIGNED -> trip.scan(Step.DELIVERED_SIGNED, door, 1, 8, 9, 19);
            case DELIVERED_NEIGHBOUR -> trip.scan(Step.DELIVERED_NEIGHBOUR, door, 1, 8, 9, 19);
            case DELIVERED_MAILBOX -> trip.scan(Step.DELIVERED_MAILBOX, door, 1, 8, 9, 19);
            case DELIVERED_SAFE_PLACE, DELIVERED_AFTER_DELAY -> trip.scan(Step.DELIVERED_SAFE_PLACE, door, 1, 8, 9, 19);
            default -> throw new IllegalArgumentException("no delivery for " + outcome);
        }
    }

    /** The instant if it falls in the local hours [fromHour, toHour), else a time early in the next such hours. */
    Instant during(Instant instant, ZoneId zone, int fromHour, int toHour) {
        int minutes = random.nextInt((toHour - fromHour) * 30 + 1); // drawn every time: the same data every run
        ZonedDateTime local = instant.atZone(zone);
        if (local.getHour() >= fromHour && local.getHour() < toHour) {
            return instant;
        }
        ZonedDateTime day = local.getHour() < fromHour ? local : local.plusDays(1);
        return day.toLocalDate().atTime(fromHour, 0).atZone(zone).plusMinutes(minutes).toInstant();
    }

    /** The scans so far and the time of the latest. */
    private final class Trip {
        final Leg leg;
        final List<Event> events = new ArrayList<>();
        Instant time;

        Trip(Leg leg, Instant start) {
            this.leg = leg;
            this.time = start;
        }

        /** A scan a few hours after the previous one, at any hour (sorting runs through the night). */
        void scan(Step step, DemoPlace place, int minHours, int maxHours) {
            time = time.plus(between(minHours, maxHours));
            record(step, place);
        }

        /** A scan people make: moved into the local working hours [fromHour, toHour) of the place. */
        void scan(Step step, DemoPlace place, int minHours, int maxHours, int fromHour, int toHour) {
            time = during(time.plus(between(minHours, maxHours)), place.zone(), fromHour, toHour);
            record(step, place);
        }

        private void record(Step step, DemoPlace place) {
            var raw = DemoCarrierMessages.describe(leg.carrier(), step, place, leg.recipient());
            events.add(new Event(time, step, place, raw.code(), raw.message()));
        }

        private Duration between(int minHours, int maxHours) {
            return Duration.ofMinutes(minHours * 60L + random.nextInt((maxHours - minHours) * 60 + 1));
        }
    }
}
