package app.landfall.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A store's quiet hours: a window of the recipient's local day ({@code start} inclusive, {@code end}
 * exclusive) in which its customers get no message that can wait. A window whose start is after its
 * end runs over midnight (the default, 21:00–08:00). Pure: the senders ask it at claim time.
 */
record QuietHours(boolean on, LocalTime start, LocalTime end) {
    static final QuietHours DEFAULT = new QuietHours(true, LocalTime.of(21, 0), LocalTime.of(8, 0));

    QuietHours {
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours start and end at different times");
        }
    }

    /**
     * When a message due at {@code now} may go out to someone in {@code zone}: empty when now is
     * outside the window, else the window's end. An end that falls in a daylight-saving gap is
     * the first instant after it; in an overlap, the earlier one.
     */
    Optional<Instant> holdUntil(Instant now, ZoneId zone) {
        if (!on) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        boolean overMidnight = start.isAfter(end);
        if (!overMidnight) {
            return !time.isBefore(start) && time.isBefore(end) ? Optional.of(at(day, zone)) : Optional.empty();
        }
        if (!time.isBefore(start)) {
            return Optional.of(at(day.plusDays(1), zone));
        }
        if (time.isBefore(end)) {
            return Optional.of(at(day, zone));
        }
        return Optional.empty();
    }

    private Instant at(LocalDate day, ZoneId zone) {
        return ZonedDateTime.of(day, end, zone).toInstant();
    }
}
