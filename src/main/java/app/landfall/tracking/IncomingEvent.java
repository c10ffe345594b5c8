package app.landfall.tracking;

import app.landfall.auth.Digests;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * A tracking event as a source reports it, already mapped to the canonical taxonomy.
 * {@code dedupeKey} identifies the event across redeliveries: the source's own event id where it has
 * one, otherwise {@link #fingerprint}.
 */
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

    /**
     * A dedupe key from what the event says (time, status, message, location), for sources without
     * event ids: the same scan delivered again by the same source gets the same key. Two sources
     * describing one scan (AfterShip and EasyPost both tracking a parcel) rarely agree on every part,
     * so their events are kept side by side; derivation is unaffected, as both say the same thing.
     */
    public static String fingerprint(OffsetDateTime occurredAt, CanonicalStatus status, String message, String location) {
        String content = occurredAt.toInstant() + "|" + status + "|" + message + "|" + location;
        return "sha256:" + HexFormat.of().formatHex(Digests.sha256(content), 0, 16);
    }
}
