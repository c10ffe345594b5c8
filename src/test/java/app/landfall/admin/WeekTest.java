package app.landfall.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import app.landfall.testing.TestClock;
import org.junit.jupiter.api.Test;

/** The overview's week is the store's: its today, its midnights, its clock changes. */
class WeekTest {

    @Test
    void today_is_the_stores_today_not_the_servers() {
        TestClock clock = new TestClock("2026-12-07T23:30:00Z");
        assertEquals(LocalDate.parse("2026-12-08"), Week.ending(clock, ZoneId.of("Europe/Berlin")).today());
        assertEquals(LocalDate.parse("2026-12-07"), Week.ending(clock, ZoneId.of("America/New_York")).today());
    }

    @Test
    void the_seven_days_start_at_the_stores_midnights_and_the_week_ends_at_tomorrows() {
        Week week = new Week(ZoneId.of("Europe/Berlin"), LocalDate.parse("2026-12-08"));
        assertEquals(LocalDate.parse("2026-12-02"), week.first());
        assertEquals(Instant.parse("2026-12-01T23:00:00Z"), week.start().toInstant());
        assertEquals(Instant.parse("2026-12-08T23:00:00Z"), week.end().toInstant());
    }

    @Test
    void a_day_with_a_clock_change_is_23_hours_long() {
        Week week = new Week(ZoneId.of("Europe/Berlin"), LocalDate.parse("2026-03-31"));
        // 29 March 2026 is the fifth day of the week ending 31 March: clocks go forward at 02:00
        assertEquals(Duration.ofHours(23), Duration.between(week.startOf(4), week.startOf(5)));
        assertEquals(Duration.ofHours(24 * 7 - 1), Duration.between(week.start(), week.end()));
    }
}
