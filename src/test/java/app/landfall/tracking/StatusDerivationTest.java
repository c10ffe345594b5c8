package app.landfall.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.tracking.StatusDerivation.Derived;
import app.landfall.tracking.StatusDerivation.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class StatusDerivationTest {
    private static final Instant CREATED = Instant.parse("2026-11-01T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-05T08:00:00Z");
    private static final Duration THIRTY_DAYS = Duration.ofDays(30);

    private static Event event(String dedupeKey, String at, Substatus substatus) {
        return new Event(Instant.parse(at), CanonicalStatus.of(substatus), dedupeKey);
    }

    private static Event event(String dedupeKey, String at, ShipmentStatus status) {
        return new Event(Instant.parse(at), CanonicalStatus.of(status), dedupeKey);
    }

    private static Derived derive(List<Event> events) {
        return StatusDerivation.derive(events, CREATED, NOW, THIRTY_DAYS);
    }

    @Test
    void a_new_shipment_without_events_is_pending() {
        Derived derived = derive(List.of());
        assertEquals(CanonicalStatus.of(ShipmentStatus.Pending), derived.status());
        assertEquals(CREATED, derived.statusSince());
        assertNull(derived.lastEventAt());
    }

    @Test
    void follows_the_newest_event_by_occurrence_not_by_arrival() {
        Derived derived = derive(List.of(
                event("3", "2026-11-03T09:00:00Z", ShipmentStatus.OutForDelivery),
                event("1", "2026-11-02T09:00:00Z", Substatus.InfoReceived_LabelCreated),
                event("2", "2026-11-02T18:00:00Z", Substatus.InTransit_PickedUp)));
        assertEquals(CanonicalStatus.of(ShipmentStatus.OutForDelivery), derived.status());
        assertEquals(Instant.parse("2026-11-03T09:00:00Z"), derived.statusSince());
        assertEquals(Instant.parse("2026-11-02T18:00:00Z"), derived.shippedAt());
        assertEquals(Instant.parse("2026-11-03T09:00:00Z"), derived.lastEventAt());
    }

    @Test
    void a_scan_after_delivery_does_not_undo_it() {
        Derived derived = derive(List.of(
                event("1", "2026-11-02T09:00:00Z", ShipmentStatus.InTransit),
                event("2", "2026-11-03T14:00:00Z", Substatus.Delivered_Signed),
                event("3", "2026-11-03T20:00:00Z", ShipmentStatus.InTransit)));
        assertEquals(CanonicalStatus.of(Substatus.Delivered_Signed), derived.status());
        assertEquals(Instant.parse("2026-11-03T14:00:00Z"), derived.deliveredAt());
        assertEquals(Instant.parse("2026-11-03T20:00:00Z"), derived.lastEventAt());
    }

    @Test
    void an_exception_after_delivery_is_kept() {
        Derived derived = derive(List.of(
                event("1", "2026-11-03T14:00:00Z", ShipmentStatus.Delivered),
                event("2", "2026-11-04T10:00:00Z", Substatus.Exception_ReturnedToSender)));
        assertEquals(CanonicalStatus.of(Substatus.Exception_ReturnedToSender), derived.status());
        assertNull(derived.deliveredAt());
    }

    @Test
    void a_later_delivered_event_can_say_more_about_the_delivery() {
        Derived derived = derive(List.of(
                event("1", "2026-11-03T14:00:00Z", ShipmentStatus.Delivered),
                event("2", "2026-11-03T14:05:00Z", Substatus.Delivered_Neighbour)));
        assertEquals(CanonicalStatus.of(Substatus.Delivered_Neighbour), derived.status());
        assertEquals(Instant.parse("2026-11-03T14:00:00Z"), derived.deliveredAt());
    }

    @Test
    void expires_after_thirty_days_without_any_event() {
        Derived derived = StatusDerivation.derive(List.of(), CREATED, CREATED.plus(THIRTY_DAYS), THIRTY_DAYS);
        assertEquals(CanonicalStatus.of(Substatus.Expired_NoUpdates), derived.status());
        assertEquals(CREATED.plus(THIRTY_DAYS), derived.statusSince());
        Derived notYet = StatusDerivation.derive(List.of(), CREATED, CREATED.plus(THIRTY_DAYS).minusSeconds(1), THIRTY_DAYS);
        assertEquals(ShipmentStatus.Pending, notYet.status().status());
    }

    @Test
    void expires_after_thirty_days_of_silence_but_a_delivered_parcel_never_does() {
        List<Event> stuck = List.of(event("1", "2026-11-02T09:00:00Z", ShipmentStatus.InTransit));
        Instant later = Instant.parse("2026-12-02T09:00:00Z");
        assertEquals(ShipmentStatus.Expired, StatusDerivation.derive(stuck, CREATED, later, THIRTY_DAYS).status().status());
        List<Event> delivered = List.of(event("1", "2026-11-02T09:00:00Z", ShipmentStatus.Delivered));
        assertEquals(ShipmentStatus.Delivered, StatusDerivation.derive(delivered, CREATED, later.plus(THIRTY_DAYS), THIRTY_DAYS)
                .status().status());
    }

    @Property(tries = 500)
    void any_order_or_duplication_of_the_same_events_gives_the_same_state(
            @ForAll("histories") List<Event> events, @ForAll long seed) {
        Random random = new Random(seed);
        List<Event> redelivered = new ArrayList<>(events);
        for (Event event : events) {
            if (random.nextInt(3) == 0) {
                redelivered.add(event);
            }
        }
        Collections.shuffle(redelivered, random);
        assertEquals(derive(events), derive(redelivered));
    }

    @Property(tries = 300)
    void the_derived_status_is_one_of_the_events_statuses_or_pending_or_expired(@ForAll("histories") List<Event> events) {
        Derived derived = derive(events);
        boolean fromAnEvent = events.stream().anyMatch(e -> e.status().equals(derived.status()));
        ShipmentStatus status = derived.status().status();
        assertTrue(fromAnEvent || status == ShipmentStatus.Pending || status == ShipmentStatus.Expired, derived.toString());
    }

    @Provide
    Arbitrary<List<Event>> histories() {
        Arbitrary<CanonicalStatus> statuses = Arbitraries.oneOf(
                Arbitraries.of(ShipmentStatus.class).map(CanonicalStatus::of),
                Arbitraries.of(Substatus.class).map(CanonicalStatus::of));
        // few distinct minutes, so simultaneous events (ties) are common
        Arbitrary<Instant> times = Arbitraries.integers().between(0, 40).map(m -> CREATED.plus(Duration.ofHours(m)));
        Arbitrary<String> keys = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(3);
        return Combinators.combine(times, statuses, keys).as(Event::new).list().ofMaxSize(12)
                .uniqueElements(Event::dedupeKey);
    }
}
