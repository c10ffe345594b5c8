package app.landfall.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimingFormTest {

    private static TimingForm form(String start, String end, String review, String days) {
        return TimingForm.posted("on", start, end, List.of("shipment.out_for_delivery"), review, days).checked();
    }

    @ParameterizedTest(name = "{0}–{1}, review {2} after {3}: {4}")
    @CsvSource(nullValues = "-", value = {
            "25:00, 08:00, on, 7,   quiet_start",
            "21:00, 8am,   on, 7,   quiet_end",
            "'',    08:00, on, 7,   quiet_start",
            "21:00, 21:00, on, 7,   quiet_end",
            "21:00, 08:00, on, 31,  review_days",
            "21:00, 08:00, on, -1,  review_days",
            "21:00, 08:00, on, 2.5, review_days",
            "21:00, 08:00, on, '',  review_days",
    })
    void a_mistake_is_named_at_its_field_and_the_typed_value_is_kept(String start, String end, String review, String days, String field) {
        TimingForm f = form(start, end, review, days);
        assertEquals(Set.of(field), f.errors().keySet());
        assertEquals(start, f.start());
        assertEquals(days, f.reviewDays());
    }

    @Test
    void a_good_form_becomes_the_timing_to_save() {
        TimingForm f = form("22:30", "7:00", "on", "0");
        assertTrue(f.ok(), f.errors().toString());
        NotificationTiming.Timing t = f.timing();
        assertEquals(new QuietHours(true, LocalTime.of(22, 30), LocalTime.of(7, 0)), t.quiet());
        assertEquals(0, t.reviewAfterDays());
        assertEquals(Set.of("shipment.out_for_delivery"), t.exempt());
    }

    @Test
    void review_requests_off_need_no_days_and_save_as_none() {
        TimingForm f = form("21:00", "08:00", null, "99");
        assertTrue(f.ok());
        assertEquals(null, f.timing().reviewAfterDays());
    }

    @Test
    void an_exempt_moment_that_is_not_offered_is_refused() {
        TimingForm f = TimingForm.posted("on", "21:00", "08:00", List.of("admin.password_reset"), null, "7").checked();
        assertEquals(Map.of("exempt", "One of the moments sent is not one that can go out in quiet hours. Choose again."), f.errors());
    }
}
