package app.landfall.tracking;

import java.util.Objects;

/**
 * A status with an optional substatus, as stored on shipments and tracking events.
 *
 * @param status    never null
 * @param substatus null when nothing more specific is known; otherwise one of {@code status}'s own
 */
public record CanonicalStatus(ShipmentStatus status, Substatus substatus) {

    public CanonicalStatus {
        Objects.requireNonNull(status, "status");
        if (substatus != null && substatus.status() != status) {
            throw new IllegalArgumentException(
                    "substatus " + substatus.code() + " belongs to " + substatus.status().code()
                            + ", not " + status.code());
        }
    }

    public static CanonicalStatus of(ShipmentStatus status) {
        return new CanonicalStatus(status, null);
    }

    public static CanonicalStatus of(Substatus substatus) {
        return new CanonicalStatus(substatus.status(), substatus);
    }
}
