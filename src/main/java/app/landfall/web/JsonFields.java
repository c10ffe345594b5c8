package app.landfall.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads the members of a JSON body (an API request, a provider's webhook) one by one, collecting one
 * error per bad member with its path ({@code items[2].quantity}) instead of stopping at the first, so
 * that the sender can fix them all at once. Unknown members are never looked at.
 *
 * <p>Absent, JSON null and a blank string are all "not given"; strings are stripped. A string with a
 * control character or broken Unicode is an error ({@link StorableText}), and so is a date or time
 * outside {@link AcceptedDates}.
 */
public final class JsonFields {
    /** A string member read as a value: {@code read} gives null (or throws) for text it cannot read, and then {@code expected} is the error. */
    public record Format<T>(int maxLength, Function<String, T> read, String expected) {
    }

    private final List<Map<String, String>> errors = new ArrayList<>();

    /** Each {@code {"field": "items[2].quantity", "message": "..."}}. */
    public List<Map<String, String>> errors() {
        return errors;
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    public int count() {
        return errors.size();
    }

    public void error(String path, String message) {
        errors.add(Map.of("field", path, "message", message));
    }

    public static String path(String parent, String field) {
        return parent == null || parent.isEmpty() ? field : parent + "." + field;
    }

    public static String index(String arrayPath, int i) {
        return arrayPath + "[" + i + "]";
    }

    private static JsonNode member(JsonNode parent, String field) {
        JsonNode value = parent == null ? null : parent.get(field);
        return value == null || value.isNull() || value.isMissingNode() ? null : value;
    }

    /** Adds "is required" (with what it is for, when given) if reading the member gave nothing and found nothing wrong. */
    private <T> T required(T value, int errorsBefore, String path, String what) {
        if (value == null && count() == errorsBefore) {
            error(path, what == null ? "is required" : "is required: " + what);
        }
        return value;
    }

    /** The body itself must be an object; {@code $} stands for it in the error. */
    public boolean root(JsonNode body) {
        if (body == null || !body.isObject()) {
            error("$", "must be a JSON object");
            return false;
        }
        return true;
    }

    /** A string member, stripped; null when not given. Too long is an error. */
    public String text(JsonNode node, String field, String parent, int maxLength) {
        String text = rawText(node, field, parent);
        if (text != null && text.length() > maxLength) {
            error(path(parent, field), "must be at most " + maxLength + " characters");
            return null;
        }
        return text;
    }

    public String requiredText(JsonNode node, String field, String parent, int maxLength) {
        return requiredText(node, field, parent, maxLength, null);
    }

    public String requiredText(JsonNode node, String field, String parent, int maxLength, String what) {
        int before = count();
        return required(text(node, field, parent, maxLength), before, path(parent, field), what);
    }

    /** A string member of free text (a message, a name, a place): cut to {@code maxLength} rather than refused. */
    public String freeText(JsonNode node, String field, String parent, int maxLength) {
        return truncate(rawText(node, field, parent), maxLength);
    }

    private String rawText(JsonNode node, String field, String parent) {
        JsonNode value = member(node, field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            error(path(parent, field), "must be a string");
            return null;
        }
        String text = value.asText().strip();
        if (!StorableText.isStorable(value.asText())) {
            error(path(parent, field), StorableText.PROBLEM);
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    /** A string member read by {@code format}; null when not given or not readable (then an error). */
    public <T> T value(JsonNode node, String field, String parent, Format<T> format) {
        String text = text(node, field, parent, format.maxLength());
        if (text == null) {
            return null;
        }
        T value;
        try {
            value = format.read().apply(text);
        } catch (DateTimeException | IllegalArgumentException e) {
            value = null;
        }
        if (value == null) {
            error(path(parent, field), format.expected());
        } else if (value instanceof OffsetDateTime time && !AcceptedDates.contains(time)
                || value instanceof LocalDate date && !AcceptedDates.contains(date)) {
            error(path(parent, field), AcceptedDates.PROBLEM);
            return null;
        }
        return value;
    }

    public <T> T requiredValue(JsonNode node, String field, String parent, Format<T> format) {
        int before = count();
        return required(value(node, field, parent, format), before, path(parent, field), null);
    }

    /** An identifier written as a string or as a whole number (Shopify's ids are numbers). */
    public String id(JsonNode node, String field, String parent, int maxLength) {
        JsonNode value = member(node, field);
        if (value != null && value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value != null && !value.isTextual()) {
            error(path(parent, field), "must be a string or a whole number");
            return null;
        }
        return text(node, field, parent, maxLength);
    }

    public String requiredId(JsonNode node, String field, String parent, int maxLength) {
        int before = count();
        return required(id(node, field, parent, maxLength), before, path(parent, field), null);
    }

    /** A whole number (a JSON number, not a string), or null when absent. */
    public Integer integer(JsonNode node, String field, String parent, int min, int max) {
        JsonNode value = member(node, field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            error(path(parent, field), "must be a whole number");
            return null;
        }
        if (value.intValue() < min || value.intValue() > max) {
            error(path(parent, field), "must be a whole number from " + min + " to " + max);
            return null;
        }
        return value.intValue();
    }

    /** A whole number of any size an int holds; "is required" when absent. */
    public Integer requiredInteger(JsonNode node, String field, String parent) {
        int before = count();
        return required(integer(node, field, parent, Integer.MIN_VALUE, Integer.MAX_VALUE), before, path(parent, field), null);
    }

    public Integer requiredInteger(JsonNode node, String field, String parent, int min, int max, String what) {
        int before = count();
        return required(integer(node, field, parent, min, max), before, path(parent, field), what);
    }

    /**
     * A non-negative amount, written as a number or a string ("19.99", as Shopify does), that an
     * amount column ({@code numeric(19, 4)}) holds: at most 4 decimals and 15 digits before them.
     */
    public BigDecimal amount(JsonNode node, String field, String parent) {
        JsonNode value = member(node, field);
        if (value == null || value.isTextual() && value.asText().isBlank()) {
            return null;
        }
        BigDecimal amount = null;
        if (value.isNumber()) {
            amount = value.decimalValue();
        } else if (value.isTextual() && value.asText().strip().matches("[0-9]{1,30}(\\.[0-9]{1,30})?")) {
            amount = new BigDecimal(value.asText().strip());
        }
        if (amount == null || amount.signum() < 0) {
            error(path(parent, field), "must be a non-negative decimal amount such as \"19.99\"");
            return null;
        }
        if (amount.stripTrailingZeros().scale() > 4) {
            error(path(parent, field), "must have at most 4 decimals");
            return null;
        }
        if (amount.precision() - amount.scale() > 15) {
            error(path(parent, field), "must be less than 1000000000000000");
            return null;
        }
        return amount;
    }

    public Boolean bool(JsonNode node, String field, String parent) {
        JsonNode value = member(node, field);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            error(path(parent, field), "must be true or false");
            return null;
        }
        return value.asBoolean();
    }

    /** A list of short strings, or null when absent. */
    public List<String> strings(JsonNode node, String field, String parent, int maxItems, int maxLength) {
        JsonNode value = member(node, field);
        if (value == null) {
            return null;
        }
        if (!value.isArray() || value.size() > maxItems) {
            error(path(parent, field), "must be an array of at most " + maxItems + " strings");
            return null;
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual() || item.asText().isBlank() || item.asText().length() > maxLength) {
                error(index(path(parent, field), i), "must be a string of 1 to " + maxLength + " characters");
            } else if (!StorableText.isStorable(item.asText())) {
                error(index(path(parent, field), i), StorableText.PROBLEM);
            } else {
                result.add(item.asText().strip());
            }
        }
        return result;
    }

    /** An object member, or null when absent; anything else is an error. */
    public JsonNode object(JsonNode node, String field, String parent) {
        JsonNode value = member(node, field);
        if (value != null && !value.isObject()) {
            error(path(parent, field), "must be an object");
            return null;
        }
        return value;
    }

    public JsonNode requiredObject(JsonNode node, String field, String parent) {
        int before = count();
        return required(object(node, field, parent), before, path(parent, field), null);
    }

    /** An array member, or null when absent; anything else is an error. */
    public JsonNode array(JsonNode node, String field, String parent) {
        return array(node, field, parent, Integer.MAX_VALUE);
    }

    /** An array member of at most {@code maxItems} entries, or null when absent; anything else is an error. */
    public JsonNode array(JsonNode node, String field, String parent, int maxItems) {
        JsonNode value = member(node, field);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            error(path(parent, field), "must be an array");
            return null;
        }
        if (value.size() > maxItems) {
            error(path(parent, field), "must have at most " + maxItems + " entries");
            return null;
        }
        return value;
    }

    /**
     * Each entry of an array of objects, read by {@code entry} (given the object and its path, e.g.
     * {@code items[2]}); null when the array is absent. An entry that is not an object, or that
     * {@code entry} found errors in, is left out (its errors are recorded).
     */
    public <T> List<T> objects(JsonNode node, String field, int maxItems, BiFunction<JsonNode, String, T> entry) {
        JsonNode list = array(node, field, "", maxItems);
        if (list == null) {
            return null;
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = index(field, i);
            if (!list.get(i).isObject()) {
                error(path, "must be an object");
                continue;
            }
            int before = count();
            T value = entry.apply(list.get(i), path);
            if (count() == before && value != null) {
                result.add(value);
            }
        }
        return result;
    }

    /** Cut to at most {@code max} characters without splitting a surrogate pair; null stays null. */
    public static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end).strip();
    }
}
