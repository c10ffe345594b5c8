package app.landfall.tracking;

import java.time.OffsetDateTime;

/** A tracking event as a source reports it, already mapped to the canonical taxonomy. */
public record IncomingEvent(
        OffsetDateTime occurredAt,
        CanonicalStatus status,
        String rawStatus,
        String message,
        String location,
        String city,
        String region,
        String postalCode,
        String country,
        String timezone,
        String dedupeKey) {
}
