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
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
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

    /** Events before {@code hour} are the stored ones, the rest arrive later: all newer. */
    @Property(tries = 1000)
    void continuing_the_stored_state_with_newer_events_equals_deriving_from_all_events(
            @ForAll("histories") List<Event> events, @ForAll @IntRange(max = 41) int hour,
            @ForAll @IntRange(min = 1, max = 60) int expireHours, @ForAll @IntRange(max = 80) int storedAt,
            @ForAll @IntRange(max = 80) int later) {
        Instant split = CREATED.plus(Duration.ofHours(hour));
        List<Event> old = events.stream().filter(e -> e.occurredAt().isBefore(split)).toList();
        List<Event> newer = events.stream().filter(e -> !e.occurredAt().isBefore(split)).toList();
        Duration expireAfter = Duration.ofHours(expireHours);
        Instant then = CREATED.plus(Duration.ofHours(storedAt));
        Instant now = then.plus(Duration.ofHours(later));
        Derived stored = StatusDerivation.derive(old, CREATED, then, expireAfter);
        Optional<Derived> continued = StatusDerivation.continueFrom(stored, newer, CREATED, now, expireAfter);
        if (stored.status().status() == ShipmentStatus.Expired) {
            assertTrue(continued.isEmpty(), "the Expired overlay hides where the fold left off");
        } else {
            assertEquals(Optional.of(StatusDerivation.derive(events, CREATED, now, expireAfter)), continued);
        }
    }

    /** Any split (late events included): continuing either declines or agrees with the full derivation. */
    @Property(tries = 1000)
    void continuing_never_disagrees_with_deriving_from_all_events(
            @ForAll("histories") List<Event> events, @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 60) int expireHours) {
        Random random = new Random(seed);
        List<Event> arrival = new ArrayList<>(events);
        Collections.shuffle(arrival, random);
        Duration expireAfter = Duration.ofHours(expireHours);
        // one delivery at a time, as the writer does: continue when possible, else derive from all
        List<Event> seen = new ArrayList<>();
        Instant now = CREATED;
        Derived state = StatusDerivation.derive(seen, CREATED, now, expireAfter);
        int i = 0;
        while (i < arrival.size()) {
            List<Event> delivery = arrival.subList(i, Math.min(arrival.size(), i + 1 + random.nextInt(3)));
            i += delivery.size();
            seen.addAll(delivery);
            now = now.plus(Duration.ofMinutes(random.nextInt(600)));
            Derived full = StatusDerivation.derive(seen, CREATED, now, expireAfter);
            Optional<Derived> continued = StatusDerivation.continueFrom(state, delivery, CREATED, now, expireAfter);
            continued.ifPresent(c -> assertEquals(full, c));
            state = full;
        }
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
