package app.landfall.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Reads members of a JSON request body, collecting one error per bad field (with its path, such as
 * {@code items[2].quantity}) instead of stopping at the first, so a client can fix them all at once.
 * Absent and JSON null are the same: "not given".
 */
final class Fields {
    private final List<Map<String, String>> errors = new ArrayList<>();

    List<Map<String, String>> errors() {
        return errors;
    }

    boolean ok() {
        return errors.isEmpty();
    }

    int count() {
        return errors.size();
    }

    void error(String path, String message) {
        errors.add(Map.of("field", path, "message", message));
    }

    static String path(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    /** A trimmed string member, or null when absent or blank. */
    String text(JsonNode node, String field, String parent, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            error(path(parent, field), "must be a string");
            return null;
        }
        String text = value.asText().trim();
        if (text.length() > maxLength) {
            error(path(parent, field), "must be at most " + maxLength + " characters");
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    String requiredText(JsonNode node, String field, String parent, int maxLength, String what) {
        int before = count();
        String text = text(node, field, parent, maxLength);
        if (text == null && count() == before) {
            error(path(parent, field), "is required: " + what);
        }
        return text;
    }

    OffsetDateTime time(JsonNode node, String field, String parent) {
        String text = text(node, field, parent, 40);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            error(path(parent, field), "must be an ISO-8601 time with offset, e.g. 2026-11-23T14:05:00Z");
            return null;
        }
    }

    LocalDate date(JsonNode node, String field, String parent) {
        String text = text(node, field, parent, 10);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            error(path(parent, field), "must be a date such as 2026-11-23");
            return null;
        }
    }

    /** A non-negative amount with at most 4 decimals, given as a JSON number or a string ("19.90"). */
    BigDecimal amount(JsonNode node, String field, String parent) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        BigDecimal amount = null;
        if (value.isNumber()) {
            amount = value.decimalValue();
        } else if (value.isTextual() && value.asText().trim().matches("[0-9]{1,15}(\\.[0-9]{1,4})?")) {
            amount = new BigDecimal(value.asText().trim());
        }
        if (amount == null || amount.signum() < 0 || amount.scale() > 4 || amount.precision() - amount.scale() > 15) {
            error(path(parent, field), "must be an amount of zero or more with at most 4 decimals, e.g. 19.90");
            return null;
        }
        return amount;
    }

    /** A whole number from 1 to {@code max}, or null when absent. */
    Integer positive(JsonNode node, String field, String parent, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 1 || value.asLong() > max) {
            error(path(parent, field), "must be a whole number from 1 to " + max);
            return null;
        }
        return value.asInt();
    }

    Integer requiredPositive(JsonNode node, String field, String parent, int max, String what) {
        int before = count();
        Integer value = positive(node, field, parent, max);
        if (value == null && count() == before) {
            error(path(parent, field), "is required: " + what);
        }
        return value;
    }

    /**
     * Each entry of an array of objects, read by {@code entry} (given the object and its path, e.g.
     * {@code items[2]}); null when the array is absent. An entry that is not an object, or that
     * {@code entry} found errors in, is left out (its errors are recorded).
     */
    <T> List<T> objects(JsonNode node, String field, int maxItems, BiFunction<JsonNode, String, T> entry) {
        JsonNode list = array(node, field, "", maxItems);
        if (list == null) {
            return null;
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = field + "[" + i + "]";
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

    Boolean bool(JsonNode node, String field, String parent) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            error(path(parent, field), "must be true or false");
            return null;
        }
        return value.asBoolean();
    }

    /** A list of short strings, or null when absent. */
    List<String> strings(JsonNode node, String field, String parent, int maxItems, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        List<String> result = new ArrayList<>();
        if (!value.isArray() || value.size() > maxItems) {
            error(path(parent, field), "must be an array of at most " + maxItems + " strings");
            return null;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual() || item.asText().isBlank() || item.asText().length() > maxLength) {
                error(path(parent, field) + "[" + i + "]", "must be a string of 1 to " + maxLength + " characters");
            } else {
                result.add(item.asText().trim());
            }
        }
        return result;
    }

    /** An object member, or null when absent; anything else is an error. */
    JsonNode object(JsonNode node, String field, String parent) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            error(path(parent, field), "must be an object");
            return null;
        }
        return value;
    }

    /** An array member, or null when absent; anything else (or too long) is an error. */
    JsonNode array(JsonNode node, String field, String parent, int maxItems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
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
}
