package app.landfall.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuietHoursTest {

    @ParameterizedTest(name = "{2}–{3} in {1}: at {0} held until {4}")
    @CsvSource(nullValues = "-", value = {
            // over midnight (the default): the evening waits for the next morning, the early morning for the same one
            "2026-12-07T20:59:59Z, UTC,           21:00, 08:00, -",
            "2026-12-07T21:00:00Z, UTC,           21:00, 08:00, 2026-12-08T08:00:00Z",
            "2026-12-07T23:30:00Z, UTC,           21:00, 08:00, 2026-12-08T08:00:00Z",
            "2026-12-08T07:59:59Z, UTC,           21:00, 08:00, 2026-12-08T08:00:00Z",
            "2026-12-08T08:00:00Z, UTC,           21:00, 08:00, -",
            "2026-12-08T12:00:00Z, UTC,           21:00, 08:00, -",
            // the recipient's zone, not UTC: 21:00Z is 22:00 in Berlin and 16:00 in New York
            "2026-12-07T21:00:00Z, Europe/Berlin, 21:00, 08:00, 2026-12-08T07:00:00Z",
            "2026-12-07T21:00:00Z, America/New_York, 21:00, 08:00, -",
            "2026-12-08T04:00:00Z, America/New_York, 21:00, 08:00, 2026-12-08T13:00:00Z",
            // a window within one day
            "2026-12-07T12:30:00Z, UTC,           12:00, 14:00, 2026-12-07T14:00:00Z",
            "2026-12-07T14:00:00Z, UTC,           12:00, 14:00, -",
            "2026-12-07T11:00:00Z, UTC,           12:00, 14:00, -",
            // spring forward in Berlin (29 March 2026, 02:00 → 03:00): the night is an hour shorter in UTC
            "2026-03-28T21:00:00Z, Europe/Berlin, 21:00, 08:00, 2026-03-29T06:00:00Z",
            // an end inside the gap is the first moment after it (02:30 does not exist: 03:30 CEST)
            "2026-03-28T22:00:00Z, Europe/Berlin, 21:00, 02:30, 2026-03-29T01:30:00Z",
            // fall back (25 October 2026, 03:00 → 02:00): the night is an hour longer
            "2026-10-24T20:00:00Z, Europe/Berlin, 21:00, 08:00, 2026-10-25T07:00:00Z",
            // an end inside the overlap is its first occurrence (02:30 CEST)
            "2026-10-24T20:00:00Z, Europe/Berlin, 21:00, 02:30, 2026-10-25T00:30:00Z",
    })
    void a_message_due_in_the_window_waits_for_its_end_in_the_recipients_zone(String now, String zone, String start, String end,
            String until) {
        QuietHours quiet = new QuietHours(true, LocalTime.parse(start), LocalTime.parse(end));
        assertEquals(until == null ? java.util.Optional.empty() : java.util.Optional.of(Instant.parse(until)),
                quiet.holdUntil(Instant.parse(now), ZoneId.of(zone)));
    }

    @org.junit.jupiter.api.Test
    void quiet_hours_switched_off_hold_nothing() {
        QuietHours off = new QuietHours(false, LocalTime.of(21, 0), LocalTime.of(8, 0));
        assertEquals(java.util.Optional.empty(), off.holdUntil(Instant.parse("2026-12-07T23:00:00Z"), ZoneId.of("UTC")));
    }

    @org.junit.jupiter.api.Test
    void staff_emails_and_exempt_moments_are_never_held() {
        NotificationTiming.Timing timing = NotificationTiming.Timing.DEFAULT;
        assertEquals(false, timing.holds("admin.password_reset"));
        assertEquals(false, timing.holds("shipment.out_for_delivery"));
        assertEquals(false, timing.holds("shipment.failed_attempt"));
        assertEquals(false, timing.holds("shipment.pickup_reminder"));
        assertEquals(true, timing.holds("shipment.delivered"));
        assertEquals(true, timing.holds("return.approved"));
        assertEquals(true, timing.holds("shipment.review_request"));
    }
}
