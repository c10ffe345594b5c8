package app.landfall.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A shipment's current state, derived from its events by when they happened, never by when they
 * arrived: any permutation or duplication of the same events gives the same result.
 *
 * <ul>
 *   <li>Delivered sticks: a scan after delivery (a stray InTransit, a late out-for-delivery) does
 *       not undo it. Only an Exception after delivery counts (e.g. returned to sender), and a later
 *       Delivered may say more (signed, left with a neighbour).</li>
 *   <li>A shipment that is not final and has heard nothing for {@code expireAfter} (since it was
 *       created, or since its last event) is Expired, as the tracking providers do it.</li>
 * </ul>
 */
public final class StatusDerivation {
    private static final Comparator<Event> BY_OCCURRENCE = Comparator.comparing(Event::occurredAt)
            .thenComparing(Event::dedupeKey)
            .thenComparing(e -> e.status().status().ordinal())
            .thenComparing(e -> e.status().substatus() == null ? -1 : e.status().substatus().ordinal());

    private StatusDerivation() {
    }

    /** One tracking event; its dedupe key identifies it across redeliveries. */
    public record Event(Instant occurredAt, CanonicalStatus status, String dedupeKey) {
    }

    /**
     * @param statusSince when the current status began (for Expired: when the silence ran out)
     * @param shippedAt   the first time the carrier had the parcel, null before that
     * @param deliveredAt when the current delivery happened; null unless the status is Delivered
     * @param lastEventAt the newest event's time, null without events
     */
    public record Derived(CanonicalStatus status, Instant statusSince, Instant shippedAt, Instant deliveredAt,
                          Instant lastEventAt) {
    }

    public static Derived derive(Collection<Event> events, Instant createdAt, Instant now, Duration expireAfter) {
        return fold(CanonicalStatus.of(ShipmentStatus.Pending), createdAt, null, null, null, inOccurrenceOrder(events),
                createdAt, now, expireAfter);
    }

    /**
     * Whether {@link #continueFrom} can carry {@code stored} forward with events that all happened
     * after {@code earliestNew}: the stored state must be where the fold left off (not the Expired
     * overlay, which hides it) and the new events must all come after the newest stored one.
     */
    public static boolean canContinue(Derived stored, Instant earliestNew) {
        if (stored.status().status() == ShipmentStatus.Expired) {
            return false;
        }
        if (stored.lastEventAt() == null) {
            // without events the fold is still at its start: Pending, nothing shipped or delivered
            return stored.status().equals(CanonicalStatus.of(ShipmentStatus.Pending))
                    && stored.shippedAt() == null && stored.deliveredAt() == null;
        }
        return earliestNew.isAfter(stored.lastEventAt());
    }

    /**
     * The same as {@link #derive} over the old events and {@code newer} together, given only
     * {@code stored = derive(old events, ...)} (at any earlier time): {@code newer} must all have
     * happened after every old event, and share no dedupe key with them. Empty when that cannot
     * be done ({@link #canContinue} is false); the caller then derives from all events.
     */
    public static Optional<Derived> continueFrom(Derived stored, Collection<Event> newer, Instant createdAt, Instant now,
                                                 Duration expireAfter) {
        Collection<Event> ordered = inOccurrenceOrder(newer);
        if (!canContinue(stored, ordered.isEmpty() ? Instant.MAX : ordered.iterator().next().occurredAt())) {
            return Optional.empty();
        }
        return Optional.of(fold(stored.status(), stored.statusSince(), stored.shippedAt(), stored.deliveredAt(),
                stored.lastEventAt(), ordered, createdAt, now, expireAfter));
    }

    private static Derived fold(CanonicalStatus current, Instant since, Instant shippedAt, Instant deliveredAt,
                                Instant lastEventAt, Collection<Event> ordered, Instant createdAt, Instant now,
                                Duration expireAfter) {
        for (Event event : ordered) {
            lastEventAt = event.occurredAt();
            ShipmentStatus next = event.status().status();
            if (shippedAt == null && carrierHasIt(next)) {
                shippedAt = event.occurredAt();
            }
            if (current.status() == ShipmentStatus.Delivered && next != ShipmentStatus.Exception
                    && next != ShipmentStatus.Delivered) {
                continue;
            }
            if (!event.status().equals(current)) {
                since = event.occurredAt();
                current = event.status();
            }
            deliveredAt = next == ShipmentStatus.Delivered ? (deliveredAt == null ? since : deliveredAt) : null;
        }
        Instant silentSince = lastEventAt == null ? createdAt : lastEventAt;
        if (!current.status().isFinal() && !now.isBefore(silentSince.plus(expireAfter))) {
            return new Derived(CanonicalStatus.of(Substatus.Expired_NoUpdates), silentSince.plus(expireAfter),
                    shippedAt, null, lastEventAt);
        }
        return new Derived(current, since, shippedAt, deliveredAt, lastEventAt);
    }

    /** Duplicates (same dedupe key) collapse to one, then oldest first with a content-only tie-break. */
    private static Collection<Event> inOccurrenceOrder(Collection<Event> events) {
        Map<String, Event> unique = new TreeMap<>();
        for (Event event : events) {
            unique.merge(event.dedupeKey(), event, (a, b) -> BY_OCCURRENCE.compare(a, b) <= 0 ? a : b);
        }
        return unique.values().stream().sorted(BY_OCCURRENCE).toList();
    }

    private static boolean carrierHasIt(ShipmentStatus status) {
        return switch (status) {
            case InTransit, OutForDelivery, AttemptFail, AvailableForPickup, Delivered -> true;
            default -> false;
        };
    }
}
