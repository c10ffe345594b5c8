package app.landfall.returns;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a return is, and where it may go next. The same table is enforced by the database (trigger
 * {@code returns_status_transition}, V011), so a bug here cannot skip a step either.
 */
public enum ReturnStatus {
    REQUESTED, APPROVED, REJECTED, IN_TRANSIT, RECEIVED, REFUNDED, CREDITED, EXCHANGED, CANCELLED, EXPIRED;

    private static final Map<ReturnStatus, Set<ReturnStatus>> NEXT = Map.of(
            REQUESTED, EnumSet.of(APPROVED, REJECTED, CANCELLED, EXPIRED),
            // refunded or credited straight from approved: the shopper keeps items not worth sending back
            APPROVED, EnumSet.of(IN_TRANSIT, RECEIVED, CANCELLED, EXPIRED, REFUNDED, CREDITED),
            IN_TRANSIT, EnumSet.of(RECEIVED),
            // rejected on arrival: the items are not what the shopper described
            RECEIVED, EnumSet.of(REFUNDED, CREDITED, EXCHANGED, REJECTED));

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReturnStatus> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }

    public boolean canBecome(ReturnStatus next) {
        return NEXT.getOrDefault(this, Set.of()).contains(next);
    }

    /** Nothing happens to the return after this. */
    public boolean isFinal() {
        return !NEXT.containsKey(this);
    }

    /** The shopper may cancel until the parcel is on its way. */
    public boolean cancellableByShopper() {
        return this == REQUESTED || this == APPROVED;
    }
}
