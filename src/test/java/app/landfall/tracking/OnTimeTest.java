package app.landfall.tracking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Delivered on time: by the end of the promised day, else of the carrier's estimate; nothing to compare, not counted. */
class OnTimeTest {
    private static final List<LocalDate> DAYS = LocalDate.parse("2026-12-02").datesUntil(LocalDate.parse("2026-12-09")).toList();

    @ParameterizedTest(name = "delivered {0}, promised {1}, estimated {2}: on time {3}, measured against {4}")
    @CsvSource(nullValues = "-", value = {
            "2026-12-05, 2026-12-06, -,          true,  promise",
            "2026-12-06, 2026-12-06, -,          true,  promise",   // on the promised day itself
            "2026-12-07, 2026-12-06, -,          false, promise",
            "2026-12-07, 2026-12-06, 2026-12-08, false, promise",   // a later estimate does not excuse a broken promise
            "2026-12-05, 2026-12-08, 2026-12-02, true,  promise",   // the promise wins over an earlier estimate too
            "2026-12-04, -,          2026-12-04, true,  estimate",
            "2026-12-05, -,          2026-12-04, false, estimate",
            "2026-12-05, -,          -,          false, none"})
    void one_delivery_is_measured_against_the_promise_else_the_estimate(LocalDate delivered, LocalDate promised, LocalDate estimate,
            boolean onTime, String against) {
        int day = DAYS.indexOf(delivered);
        OnTime.Tally t = OnTime.tally(DAYS, List.of(new OnTime.Delivered(day, promised, estimate, 1)));
        assertEquals(onTime ? 1 : 0, t.onTime()[day]);
        assertEquals(1, t.delivered()[day]);
        assertEquals(against.equals("promise") ? 1 : 0, t.againstPromise());
        assertEquals(against.equals("estimate") ? 1 : 0, t.againstEstimate());
        assertEquals(against.equals("none") ? 1 : 0, t.noDate());
        assertEquals(against.equals("none") ? 0 : 1, t.dated()[day]);
    }

    @Test
    void the_rate_leaves_out_parcels_with_nothing_to_compare_and_rounds_down() {
        OnTime.Tally t = OnTime.tally(DAYS, List.of(
                new OnTime.Delivered(0, LocalDate.parse("2026-12-03"), null, 2),
                new OnTime.Delivered(1, LocalDate.parse("2026-12-02"), null, 1),
                new OnTime.Delivered(1, null, null, 5)));
        assertEquals(8, t.total());
        assertEquals(3, t.measured());
        assertEquals(2, t.totalOnTime());
        assertEquals(66, t.percent(), "two of three is 66%, not 67%");
        assertArrayEquals(new long[] {2, 6, 0, 0, 0, 0, 0}, t.delivered());
        assertArrayEquals(new long[] {2, 1, 0, 0, 0, 0, 0}, t.dated());
    }

    @Test
    void nothing_delivered_or_nothing_measurable_has_no_rate() {
        assertEquals(-1, OnTime.tally(DAYS, List.of()).percent());
        assertEquals(-1, OnTime.tally(DAYS, List.of(new OnTime.Delivered(3, null, null, 4))).percent());
    }

    @Test
    void large_numbers_add_up_without_overflow() {
        OnTime.Tally t = OnTime.tally(DAYS, List.of(new OnTime.Delivered(6, null, LocalDate.parse("2026-12-09"), 3_000_000_000L),
                new OnTime.Delivered(6, null, LocalDate.parse("2026-12-01"), 1_000_000_000L)));
        assertEquals(75, t.percent());
        assertEquals(4_000_000_000L, t.total());
    }
}
