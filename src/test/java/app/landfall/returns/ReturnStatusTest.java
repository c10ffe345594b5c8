package app.landfall.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReturnStatusTest {
    /** Every pair of statuses, and whether the step is allowed: the same table as the database trigger. */
    static Stream<Arguments> steps() {
        String allowed = String.join(" ", "requested>approved", "requested>rejected", "requested>cancelled", "requested>expired",
                "approved>in_transit", "approved>received", "approved>cancelled", "approved>expired", "approved>refunded",
                "approved>credited", "in_transit>received", "received>refunded", "received>credited", "received>exchanged",
                "received>rejected");
        return Stream.of(ReturnStatus.values()).flatMap(from -> Stream.of(ReturnStatus.values())
                .map(to -> Arguments.of(from, to, (" " + allowed + " ").contains(" " + from.code() + ">" + to.code() + " "))));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("steps")
    void transitions(ReturnStatus from, ReturnStatus to, boolean allowed) {
        assertEquals(allowed, from.canBecome(to));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statuses")
    void codes_round_trip_and_only_early_returns_can_be_cancelled(ReturnStatus status) {
        assertEquals(status, ReturnStatus.of(status.code()).orElseThrow());
        assertEquals(status == ReturnStatus.REQUESTED || status == ReturnStatus.APPROVED, status.cancellableByShopper());
        assertEquals(Stream.of(ReturnStatus.values()).noneMatch(status::canBecome), status.isFinal());
    }

    static Stream<ReturnStatus> statuses() {
        return Stream.of(ReturnStatus.values());
    }
}
