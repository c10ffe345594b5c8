package app.landfall.i18n;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates, times and numbers the way a page's language writes them. The patterns come from the
 * message bundles (format.*), because Java 17 has no localized "weekday, day and month" skeleton.
 */
public final class LocalFormat {
    private final Locale locale;
    private final DateTimeFormatter day;
    private final DateTimeFormatter dayWithYear;
    private final DateTimeFormatter moment;
    private final DateTimeFormatter momentWithYear;
    private final LocalDate today;

    public LocalFormat(Locale locale, LocalDate today) {
        this.locale = locale;
        this.today = today;
        this.day = pattern("format.day");
        this.dayWithYear = pattern("format.day.year");
        this.moment = pattern("format.moment");
        this.momentWithYear = pattern("format.moment.year");
    }

    private DateTimeFormatter pattern(String key) {
        return DateTimeFormatter.ofPattern(Messages.text(locale, key), locale);
    }

    /** "Tuesday, November 24", with the year when it is not this year. */
    public String day(LocalDate date) {
        return date == null ? null : (date.getYear() == today.getYear() ? day : dayWithYear).format(date);
    }

    /** "Tue, Nov 24, 3:04 PM EST": a scan's local time, with its zone. */
    public String moment(ZonedDateTime time) {
        return time == null ? null : (time.getYear() == today.getYear() ? moment : momentWithYear).format(time);
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    public Locale locale() {
        return locale;
    }
}
