package app.landfall.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.landfall.tracking.ReturnDeadline;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReturnWindowTest {
    private static OffsetDateTime t(String s) {
        return s == null || s.isBlank() ? null : OffsetDateTime.parse(s);
    }

    @ParameterizedTest(name = "{0} + {1} days: placed {2}, shipped {3}, delivered {4} ({5}), returnable {6} -> {7}, open on 2026-11-23 {8}")
    @CsvSource({
            "delivered, 30, 2026-10-01T10:00Z, 2026-10-02T10:00Z, 2026-10-30T15:00Z, true, true, 2026-11-29, true",
            "delivered, 30, 2026-10-01T10:00Z, 2026-10-02T10:00Z, , false, true, , false",
            "delivered, 30, 2026-10-01T10:00Z, 2026-10-02T10:00Z, , true, true, 2026-11-01, false",
            "ordered, 60, 2026-10-01T10:00Z, , , false, true, 2026-11-30, true",
            "shipped, 14, 2026-11-01T10:00Z, 2026-11-09T23:30Z, , false, true, 2026-11-23, true",
            "shipped, 14, 2026-11-01T10:00Z, 2026-11-08T10:00Z, , false, true, 2026-11-22, false",
            "delivered, 30, 2026-10-01T10:00Z, 2026-10-02T10:00Z, 2026-11-01T15:00Z, true, false, , false",
            // late evening in New York is already the next day in UTC: the store's calendar counts
            "delivered, 1, 2026-11-01T10:00Z, 2026-11-20T10:00Z, 2026-11-23T03:00Z, true, true, 2026-11-23, true",
    })
    void the_window_runs_from_the_policys_start_in_the_stores_time_zone(String startsAt, int days, String placed, String shipped,
            String deliveredAt, boolean delivered, boolean returnable, String lastDay, boolean open) {
        Optional<LocalDate> last = ReturnWindow.lastDay(startsAt, days, t(placed), t(shipped), t(deliveredAt), delivered,
                returnable, ZoneId.of("America/New_York"));
        assertEquals(Optional.ofNullable(lastDay).map(LocalDate::parse), last);
        assertEquals(open, ReturnDeadline.isOpen(last, LocalDate.parse("2026-11-23")));
    }
}
