package app.landfall.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The dates and times Landfall takes from outside (API, webhooks, CSV, filters): from 2000-01-01 up
 * to, not including, 2100-01-01 (UTC for times). Fixed rather than relative to today, so that a stored
 * webhook replayed later reads the same as when it came; wide enough for any real order, parcel or
 * return; and it keeps out the year 0 and the year 10000, which the database or the pages cannot
 * handle, and typos such as 20266 that would otherwise be stored.
 */
public final class AcceptedDates {
    public static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
    public static final LocalDate END = LocalDate.of(2100, 1, 1);
    /** The error for a field (after its name or path). */
    public static final String PROBLEM = "must be from 2000-01-01 to 2099-12-31";

    private AcceptedDates() {
    }

    public static boolean contains(LocalDate date) {
        return !date.isBefore(FIRST) && date.isBefore(END);
    }

    public static boolean contains(OffsetDateTime time) {
        return !time.isBefore(FIRST.atStartOfDay().atOffset(ZoneOffset.UTC)) && time.isBefore(END.atStartOfDay().atOffset(ZoneOffset.UTC));
    }

    /**
     * For a filter ("updated since", "from", "to"): the nearest accepted date. Nothing Landfall keeps lies
     * outside the range, so the filter selects the same, and the database never sees the year 999999999.
     */
    public static LocalDate clamp(LocalDate date) {
        return date.isBefore(FIRST) ? FIRST : date.isBefore(END) ? date : END;
    }

    public static OffsetDateTime clamp(OffsetDateTime time) {
        OffsetDateTime first = FIRST.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime end = END.atStartOfDay().atOffset(ZoneOffset.UTC);
        return time.isBefore(first) ? first : time.isBefore(end) ? time : end;
    }
}
