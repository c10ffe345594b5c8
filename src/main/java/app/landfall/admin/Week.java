package app.landfall.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.CaseConditionStep;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The last seven days in the store's time zone, today included: where each day starts (an instant,
 * so a day of 23 or 25 hours at a clock change counts right), and the day a moment falls on, as a
 * CASE over those instants so a query groups by the store's days with plain index range scans.
 */
public record Week(ZoneId zone, LocalDate today) {
    public static final int DAYS = 7;
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE", Locale.ENGLISH);
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    public static Week ending(Clock clock, ZoneId zone) {
        return new Week(zone, LocalDate.now(clock.withZone(zone)));
    }

    public LocalDate first() {
        return today.minusDays(DAYS - 1);
    }

    public List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < DAYS; i++) {
            days.add(first().plusDays(i));
        }
        return days;
    }

    /** Where day {@code i} (0 = the first) starts; {@code startOf(DAYS)} is where tomorrow starts. */
    public OffsetDateTime startOf(int i) {
        return first().plusDays(i).atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    public OffsetDateTime start() {
        return startOf(0);
    }

    public OffsetDateTime end() {
        return startOf(DAYS);
    }

    /**
     * The index (0–6) of the day a moment falls on; the query keeps its moments inside the week. The
     * instants are inlined so the same expression in GROUP BY is recognised as the selected one.
     */
    public Field<Integer> dayOf(Field<OffsetDateTime> at) {
        CaseConditionStep<Integer> day = DSL.when(at.lt(DSL.inline(startOf(1))), DSL.inline(0));
        for (int i = 1; i < DAYS - 1; i++) {
            day = day.when(at.lt(DSL.inline(startOf(i + 1))), DSL.inline(i));
        }
        return day.otherwise(DSL.inline(DAYS - 1));
    }

    /** "Tue" for a bar under the chart. */
    public static String shortDay(LocalDate day) {
        return day.format(SHORT);
    }

    /** "Tue 8 Dec" for the data table and links. */
    public static String longDay(LocalDate day) {
        return day.format(LONG);
    }
}
