package app.landfall.hooks;

import app.landfall.carriers.TrackingNumbers;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the members of a webhook body one by one, collecting an error with the member's path
 * ({@code msg.checkpoints[2].checkpoint_time}) for everything missing, mistyped or unparseable, so
 * that one {@link InvalidPayload} names every problem at once. Unknown members are never looked at.
 *
 * <p>Strings are trimmed and an empty string counts as absent, as the providers send {@code ""} for
 * "not known". Identifiers are refused when too long; free text (messages, names, places) is cut
 * instead, since a carrier's long message is no reason to lose the update.
 */
final class PayloadReader {
    static final int MAX_MESSAGE = 1000;
    static final int MAX_LOCATION = 200;
    static final int MAX_PLACE = 100;
    static final int MAX_RAW_STATUS = 100;
    static final int MAX_POSTAL_CODE = 20;
    static final int MAX_ID = 190;

    /** As the database stores it (shipments.tracking_number): letters and digits, 4 to 64 of them. */
    private static final Pattern TRACKING_NUMBER = Pattern.compile("[A-Z0-9]{4,64}");
    private static final Pattern CARRIER_SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    private static final Pattern DATE_PREFIX = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** ISO-8601 local date-time, then optionally an offset written {@code Z}, {@code +08:00} or {@code +0800}. */
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private final List<Map<String, String>> errors = new ArrayList<>();

    static String path(String parent, String field) {
        return parent == null || parent.isEmpty() ? field : parent + "." + field;
    }

    static String index(String arrayPath, int i) {
        return arrayPath + "[" + i + "]";
    }

    void error(String path, String message) {
        errors.add(Map.of("field", path, "message", message));
    }

    int errorCount() {
        return errors.size();
    }

    void throwIfAny() throws InvalidPayload {
        if (!errors.isEmpty()) {
            throw new InvalidPayload(errors);
        }
    }

    /** The body itself must be an object; {@code $} stands for it in the error. */
    boolean root(JsonNode body) {
        if (body == null || !body.isObject()) {
            error("$", "must be a JSON object");
            return false;
        }
        return true;
    }

    private static JsonNode member(JsonNode parent, String field) {
        JsonNode value = parent == null ? null : parent.get(field);
        return value == null || value.isNull() || value.isMissingNode() ? null : value;
    }

    /** A nested object, or null when absent (an error when required or not an object). */
    JsonNode object(JsonNode parent, String field, String parentPath, boolean required) {
        JsonNode value = member(parent, field);
        if (value == null) {
            if (required) {
                error(path(parentPath, field), "is required");
            }
            return null;
        }
        if (!value.isObject()) {
            error(path(parentPath, field), "must be an object");
            return null;
        }
        return value;
    }

    /** An array, or null when absent (an error when required or not an array). */
    JsonNode array(JsonNode parent, String field, String parentPath, boolean required) {
        JsonNode value = member(parent, field);
        if (value == null) {
            if (required) {
                error(path(parentPath, field), "is required");
            }
            return null;
        }
        if (!value.isArray()) {
            error(path(parentPath, field), "must be an array");
            return null;
        }
        return value;
    }

    /** A string member, trimmed; null when absent or empty. Too long is an error. */
    String text(JsonNode parent, String field, String parentPath, boolean required, int maxLength) {
        String text = rawText(parent, field, parentPath, required);
        if (text != null && text.length() > maxLength) {
            error(path(parentPath, field), "must be at most " + maxLength + " characters");
            return null;
        }
        return text;
    }

    /** A string member of free text: trimmed, and cut to {@code maxLength} rather than refused. */
    String freeText(JsonNode parent, String field, String parentPath, int maxLength) {
        return truncate(rawText(parent, field, parentPath, false), maxLength);
    }

    private String rawText(JsonNode parent, String field, String parentPath, boolean required) {
        JsonNode value = member(parent, field);
        String text = null;
        if (value != null) {
            if (!value.isTextual()) {
                error(path(parentPath, field), "must be a string");
                return null;
            }
            text = value.asText().strip();
        }
        if (text == null || text.isEmpty()) {
            if (required) {
                error(path(parentPath, field), "is required");
            }
            return null;
        }
        return text;
    }

    /** An identifier written as a string or as a whole number (Shopify's ids are numbers). */
    String id(JsonNode parent, String field, String parentPath, boolean required) {
        JsonNode value = member(parent, field);
        if (value != null && value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value != null && !value.isTextual()) {
            error(path(parentPath, field), "must be a string or a whole number");
            return null;
        }
        return text(parent, field, parentPath, required, MAX_ID);
    }

    /** A whole number, or null when absent. */
    Integer integer(JsonNode parent, String field, String parentPath, boolean required) {
        JsonNode value = member(parent, field);
        if (value == null) {
            if (required) {
                error(path(parentPath, field), "is required");
            }
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            error(path(parentPath, field), "must be a whole number");
            return null;
        }
        return value.intValue();
    }

    /** A non-negative decimal amount, written as a string ("19.99", as Shopify does) or a number. */
    BigDecimal amount(JsonNode parent, String field, String parentPath) {
        JsonNode value = member(parent, field);
        if (value == null || value.isTextual() && value.asText().isBlank()) {
            return null;
        }
        BigDecimal amount = null;
        if (value.isNumber()) {
            amount = new BigDecimal(value.asText());
        } else if (value.isTextual()) {
            try {
                amount = new BigDecimal(value.asText().strip());
            } catch (NumberFormatException e) {
                amount = null;
            }
        }
        if (amount == null || amount.signum() < 0) {
            error(path(parentPath, field), "must be a non-negative decimal amount such as \"19.99\"");
            return null;
        }
        return amount;
    }

    /**
     * A point in time: ISO-8601 with an offset, or without one (then read as UTC, see
     * {@link #parseTime}). Absent or empty is null (an error when required); unparseable is an error.
     */
    OffsetDateTime time(JsonNode parent, String field, String parentPath, boolean required) {
        String text = text(parent, field, parentPath, required, 64);
        if (text == null) {
            return null;
        }
        OffsetDateTime time = parseTime(text, false);
        if (time == null) {
            error(path(parentPath, field), "must be an ISO-8601 time such as 2024-05-01T10:33:38+08:00");
        }
        return time;
    }

    /** Like {@link #time} but also accepting a bare date (midnight UTC), as AfterShip may send one. */
    OffsetDateTime timeOrDate(JsonNode parent, String field, String parentPath) {
        String text = text(parent, field, parentPath, false, 64);
        if (text == null) {
            return null;
        }
        OffsetDateTime time = parseTime(text, true);
        if (time == null) {
            error(path(parentPath, field), "must be an ISO-8601 time such as 2024-05-01T10:33:38+08:00");
        }
        return time;
    }

    /**
     * The calendar date a date or date-time is written for, as written: {@code 2024-05-03T18:00:00-07:00}
     * is 3 May, the carrier's (recipient's) local date, not the UTC one. Absent or empty is null.
     */
    LocalDate datePart(JsonNode parent, String field, String parentPath) {
        String text = text(parent, field, parentPath, false, 64);
        if (text == null) {
            return null;
        }
        if (text.length() >= 10 && DATE_PREFIX.matcher(text.substring(0, 10)).matches()
                && (text.length() == 10 || parseTime(text, false) != null)) {
            try {
                return LocalDate.parse(text.substring(0, 10));
            } catch (DateTimeParseException e) {
                // falls through to the error
            }
        }
        error(path(parentPath, field), "must be a date (YYYY-MM-DD) or an ISO-8601 time");
        return null;
    }

    /**
     * ISO-8601 with an offset ({@code Z}, {@code +08:00}, {@code +0800}), else a local date-time, which
     * is read as UTC: a provider that leaves the offset out means the local time of the place, which
     * it does not otherwise tell us, and UTC is at most a few hours off. With {@code dateAllowed}, a
     * bare date is midnight UTC. Null when the text is none of these.
     */
    static OffsetDateTime parseTime(String text, boolean dateAllowed) {
        try {
            TemporalAccessor parsed = TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
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

    /**
     * A tracking number the shipments table can hold: as given (trimmed), provided that without
     * spaces and dashes, upper-cased, it is 4 to 64 letters and digits. Otherwise an error, and null.
     */
    String trackingNumber(JsonNode parent, String field, String parentPath, boolean required) {
        String text = text(parent, field, parentPath, required, 200);
        if (text == null) {
            return null;
        }
        if (!isTrackingNumber(text)) {
            error(path(parentPath, field), "must be 4 to 64 letters and digits (spaces and dashes are ignored)");
            return null;
        }
        return text;
    }

    static boolean isTrackingNumber(String text) {
        return text != null && TRACKING_NUMBER.matcher(TrackingNumbers.normalize(text)).matches();
    }

    static boolean isCarrierSlug(String text) {
        return text != null && CARRIER_SLUG.matcher(text).matches();
    }

    /** Cut to at most {@code max} characters without splitting a surrogate pair; null stays null. */
    static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end).strip();
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
