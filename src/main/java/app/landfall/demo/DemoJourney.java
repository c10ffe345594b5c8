package app.landfall.demo;

import app.landfall.tracking.ShipmentStatus;
import app.landfall.tracking.Substatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** One parcel's carrier history, and what the shipment row derives from it. */
record DemoJourney(Outcome outcome, List<Event> events, int transitDays) {

    /** Carriers (and we) stop expecting news about a label that nobody scans for this long. */
    static final Duration EXPIRY = Duration.ofDays(30);

    /** How far the parcel has got. */
    enum Outcome {
        PENDING, LABEL, PICKED_UP, LEFT_ORIGIN, AT_HUB, LEFT_HUB, IN_DESTINATION_COUNTRY, CUSTOMS_CLEARED,
        AT_LOCAL_FACILITY, OUT_FOR_DELIVERY, ATTEMPT_FAILED, READY_FOR_PICKUP, COLLECTED,
        DELIVERED_SIGNED, DELIVERED_SAFE_PLACE, DELIVERED_NEIGHBOUR, DELIVERED_MAILBOX, DELIVERED_AFTER_DELAY,
        DELAYED, DAMAGED, ADDRESS_ISSUE, CUSTOMS_DELAY, EXPIRED
    }

    /** A kind of carrier scan, and where it sits in the canonical taxonomy. */
    enum Step {
        LABEL(Substatus.InfoReceived_LabelCreated),
        PICKUP(Substatus.InTransit_PickedUp),
        DROP_OFF(Substatus.InTransit_PickedUp),
        ARRIVE(Substatus.InTransit_ArrivedAtFacility),
        DEPART(Substatus.InTransit_DepartedFacility),
        ARRIVE_COUNTRY(Substatus.InTransit_ArrivedAtDestinationCountry),
        CUSTOMS_CLEARED(Substatus.InTransit_CustomsCleared),
        OUT_FOR_DELIVERY(null),
        DELIVERED_SIGNED(Substatus.Delivered_Signed),
        DELIVERED_SAFE_PLACE(Substatus.Delivered_SafePlace),
        DELIVERED_NEIGHBOUR(Substatus.Delivered_Neighbour),
        DELIVERED_MAILBOX(Substatus.Delivered_Mailbox),
        ATTEMPT_FAILED(Substatus.AttemptFail_RecipientUnavailable),
        AT_PICKUP_POINT(Substatus.AvailableForPickup_PickupPoint),
        AT_POST_OFFICE(Substatus.AvailableForPickup_PostOffice),
        COLLECTED(Substatus.Delivered_PickedUp),
        DELAYED(Substatus.Exception_Delayed),
        DAMAGED(Substatus.Exception_Damaged),
        ADDRESS_ISSUE(Substatus.Exception_AddressIssue),
        CUSTOMS_DELAY(Substatus.Exception_CustomsDelay);

        final Substatus substatus;

        Step(Substatus substatus) {
            this.substatus = substatus;
        }

        ShipmentStatus status() {
            return substatus == null ? ShipmentStatus.OutForDelivery : substatus.status();
        }
    }

    record Event(Instant at, Step step, DemoPlace place, String rawStatus, String rawMessage) {
    }

    DemoJourney shifted(Duration by) {
        return new DemoJourney(outcome, events.stream()
                .map(e -> new Event(e.at().plus(by), e.step(), e.place(), e.rawStatus(), e.rawMessage()))
                .toList(), transitDays);
    }

    ShipmentStatus status() {
        if (events.isEmpty()) {
            return ShipmentStatus.Pending;
        }
        return outcome == Outcome.EXPIRED ? ShipmentStatus.Expired : last().step().status();
    }

    Substatus substatus() {
        if (events.isEmpty()) {
            return null;
        }
        return outcome == Outcome.EXPIRED ? Substatus.Expired_NoUpdates : last().step().substatus;
    }

    /** When the current status began: the oldest event of the newest run with that status. */
    Instant statusChangedAt(Instant createdAt) {
        if (events.isEmpty()) {
            return createdAt;
        }
        if (outcome == Outcome.EXPIRED) {
            return last().at().plus(EXPIRY);
        }
        int i = events.size() - 1;
        while (i > 0 && events.get(i - 1).step().status() == status()) {
            i--;
        }
        return events.get(i).at();
    }

    /** The label counts as shipped (see ShipmentStatus.milestone). */
    Instant shippedAt() {
        return events.isEmpty() ? null : events.get(0).at();
    }

    Instant deliveredAt() {
        return status() == ShipmentStatus.Delivered ? last().at() : null;
    }

    Instant lastEventAt() {
        return events.isEmpty() ? null : last().at();
    }

    /**
     * What the carrier last promised: nothing before it has the parcel or once it is stuck; the
     * day it came once delivered; otherwise its transit time from the label, never before today's scan.
     */
    LocalDate estimatedDelivery(ZoneId destination) {
        if (events.isEmpty()) {
            return null;
        }
        LocalDate lastDay = last().at().atZone(destination).toLocalDate();
        return switch (status()) {
            case Delivered -> lastDay;
            case AttemptFail -> lastDay.plusDays(1);
            case Exception -> substatus() == Substatus.Exception_Delayed ? lastDay.plusDays(2) : null;
            case InTransit, OutForDelivery -> {
                LocalDate planned = events.get(0).at().atZone(destination).toLocalDate().plusDays(transitDays);
                yield planned.isBefore(lastDay) ? lastDay : planned;
            }
            default -> null;
        };
    }

    private Event last() {
        return events.get(events.size() - 1);
    }
}
