package app.landfall.hooks;

import app.landfall.carriers.TrackingNumbers;
import app.landfall.web.JsonFields.Format;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the providers write what their webhooks carry, for reading with {@link app.landfall.web.JsonFields}.
 * Identifiers are refused when too long; free text (messages, names, places) is cut to these lengths
 * instead, since a carrier's long message is no reason to lose the update.
 */
final class PayloadFormats {
    static final int MAX_MESSAGE = 1000;
    static final int MAX_LOCATION = 200;
    static final int MAX_PLACE = 100;
    static final int MAX_RAW_STATUS = 100;
    static final int MAX_POSTAL_CODE = 20;
    static final int MAX_ID = 190;

    /** As the database stores it (shipments.tracking_number): letters and digits, 4 to 64 of them. */
    private static final Pattern TRACKING_NUMBER_TEXT = Pattern.compile("[A-Z0-9]{4,64}");
    private static final Pattern CARRIER_SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    private static final Pattern DATE_PREFIX = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** ISO-8601 local date-time, then optionally an offset written {@code Z}, {@code +08:00} or {@code +0800}. */
    private static final DateTimeFormatter ISO_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private static final String TIME_EXPECTED = "must be an ISO-8601 time such as 2024-05-01T10:33:38+08:00";

    /** A point in time: ISO-8601 with an offset, or without one (then read as UTC, see {@link #parseTime}). */
    static final Format<OffsetDateTime> TIME = new Format<>(64, text -> parseTime(text, false), TIME_EXPECTED);

    /** Like {@link #TIME} but also accepting a bare date (midnight UTC), as AfterShip may send one. */
    static final Format<OffsetDateTime> TIME_OR_DATE = new Format<>(64, text -> parseTime(text, true), TIME_EXPECTED);

    /**
     * The calendar date a date or date-time is written for, as written: {@code 2024-05-03T18:00:00-07:00}
     * is 3 May, the carrier's (recipient's) local date, not the UTC one.
     */
    static final Format<LocalDate> DATE_PART = new Format<>(64, PayloadFormats::datePart,
            "must be a date (YYYY-MM-DD) or an ISO-8601 time");

    /**
     * A tracking number the shipments table can hold: as given (trimmed), provided that without
     * spaces and dashes, upper-cased, it is 4 to 64 letters and digits.
     */
    static final Format<String> TRACKING_NUMBER = new Format<>(200, text -> isTrackingNumber(text) ? text : null,
            "must be 4 to 64 letters and digits (spaces and dashes are ignored)");

    private PayloadFormats() {
    }

    private static LocalDate datePart(String text) {
        if (text.length() >= 10 && DATE_PREFIX.matcher(text.substring(0, 10)).matches()
                && (text.length() == 10 || parseTime(text, false) != null)) {
            return LocalDate.parse(text.substring(0, 10));
        }
        return null;
    }

    /**
     * ISO-8601 with an offset ({@code Z}, {@code +08:00}, {@code +0800}), else a local date-time, which
     * is read as UTC: a provider that leaves the offset out means the local time of the place, which
     * it does not otherwise tell us, and UTC is at most a few hours off. With {@code dateAllowed}, a
     * bare date is midnight UTC. Null when the text is none of these.
     */
    private static OffsetDateTime parseTime(String text, boolean dateAllowed) {
        try {
            TemporalAccessor parsed = ISO_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime offset ? offset
                    : ((LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            if (dateAllowed) {
                try {
                    return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException ignored) {
                    return null;
                }
            }
            return null;
        }
    }

    static boolean isTrackingNumber(String text) {
        return text != null && TRACKING_NUMBER_TEXT.matcher(TrackingNumbers.normalize(text)).matches();
    }

    static boolean isCarrierSlug(String text) {
        return text != null && CARRIER_SLUG.matcher(text).matches();
    }

    /** The non-blank parts joined with ", ", or null when there are none. */
    static String join(String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                if (joined.length() > 0) {
                    joined.append(", ");
                }
                joined.append(part.strip());
            }
        }
        return joined.length() == 0 ? null : joined.toString();
    }
}
