package app.landfall.returns;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The return policy as the settings form sends it, checked field by field (pure: no I/O). Blank
 * optional numbers mean "no such rule". Every problem is keyed by its field, in words for the form.
 */
public record PolicyForm(Map<String, String> raw, Map<String, String> problems, Integer windowDays, String windowStartsAt,
        boolean allowRefund, boolean allowStoreCredit, boolean allowExchange, BigDecimal bonusPercent,
        BigDecimal restockingPercent, BigDecimal shippingFee, boolean feesWaivedForExchange, boolean feesWaivedForStoreCredit,
        Integer maxReturnsPerOrder, BigDecimal keepItemBelow, BigDecimal reviewAboveAmount, Integer reviewReturnsAbove,
        boolean finalSaleReturnable, List<String> excludedTags, Integer shipWithinDays, String returnToName, String returnToLine1,
        String returnToLine2, String returnToCity, String returnToRegion, String returnToPostalCode, String returnToCountry) {

    static final List<String> FIELDS = List.of("window_days", "window_starts_at", "store_credit_bonus_percent",
            "restocking_fee_percent", "return_shipping_fee", "max_returns_per_order", "keep_item_below", "review_above_amount",
            "review_returns_in_90_days_above", "excluded_product_tags", "ship_within_days", "return_to_name", "return_to_line1",
            "return_to_line2", "return_to_city", "return_to_region", "return_to_postal_code", "return_to_country");

    public static PolicyForm parse(Function<String, String> field) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (String name : FIELDS) {
            String v = field.apply(name);
            raw.put(name, v == null ? "" : v.strip());
        }
        Map<String, String> problems = new LinkedHashMap<>();
        Integer window = whole(raw, "window_days", 0, 730, true, problems, "The window is a number of days from 0 to 730.");
        String starts = raw.get("window_starts_at");
        if (!List.of("ordered", "shipped", "delivered").contains(starts)) {
            problems.put("window_starts_at", "Choose when the window starts.");
        }
        boolean refund = field.apply("allow_refund") != null;
        boolean credit = field.apply("allow_store_credit") != null;
        boolean exchange = field.apply("allow_exchange") != null;
        if (!refund && !credit && !exchange) {
            problems.put("resolutions", "Offer at least one of refund, store credit and exchange.");
        }
        BigDecimal bonus = amount(raw, "store_credit_bonus_percent", new BigDecimal("100"), true, problems,
                "The bonus is a percentage from 0 to 100.");
        BigDecimal restocking = amount(raw, "restocking_fee_percent", new BigDecimal("100"), true, problems,
                "The restocking fee is a percentage from 0 to 100.");
        BigDecimal shipping = amount(raw, "return_shipping_fee", null, true, problems,
                "The return shipping fee is an amount like 4.95 (0 for none).");
        Integer maxReturns = whole(raw, "max_returns_per_order", 1, 100, false, problems,
                "Returns per order is a number from 1 to 100, or empty for no limit.");
        BigDecimal keepBelow = amount(raw, "keep_item_below", null, false, problems,
                "Enter an amount like 5.00, or leave it empty.");
        BigDecimal reviewAbove = amount(raw, "review_above_amount", null, false, problems,
                "Enter an amount like 500.00, or leave it empty.");
        Integer reviewReturns = whole(raw, "review_returns_in_90_days_above", 0, 10_000, false, problems,
                "Enter a number of returns, or leave it empty.");
        Integer shipWithin = whole(raw, "ship_within_days", 1, 365, true, problems, "Enter a number of days from 1 to 365.");
        List<String> tags = Arrays.stream(raw.get("excluded_product_tags").split(",")).map(String::strip)
                .filter(t -> !t.isEmpty()).distinct().toList();
        if (tags.stream().anyMatch(t -> t.length() > 100) || tags.size() > 100) {
            problems.put("excluded_product_tags", "List up to 100 tags of up to 100 characters, separated by commas.");
        }
        for (String f : List.of("return_to_name", "return_to_line1", "return_to_line2")) {
            if (raw.get(f).length() > 200) {
                problems.put(f, "At most 200 characters.");
            }
        }
        for (String f : List.of("return_to_city", "return_to_region")) {
            if (raw.get(f).length() > 100) {
                problems.put(f, "At most 100 characters.");
            }
        }
        if (raw.get("return_to_postal_code").length() > 20) {
            problems.put("return_to_postal_code", "At most 20 characters.");
        }
        String country = raw.get("return_to_country").toUpperCase(Locale.ROOT);
        if (!country.isEmpty() && !country.matches("[A-Z]{2}")) {
            problems.put("return_to_country", "Use the two-letter country code, e.g. US or DE.");
        }
        return new PolicyForm(raw, problems, window, starts, refund, credit, exchange, bonus, restocking, shipping,
                field.apply("fees_waived_for_exchange") != null, field.apply("fees_waived_for_store_credit") != null, maxReturns,
                keepBelow, reviewAbove, reviewReturns, field.apply("final_sale_returnable") != null, tags, shipWithin,
                blank(raw.get("return_to_name")), blank(raw.get("return_to_line1")), blank(raw.get("return_to_line2")),
                blank(raw.get("return_to_city")), blank(raw.get("return_to_region")), blank(raw.get("return_to_postal_code")),
                country.isEmpty() ? null : country);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    private static Integer whole(Map<String, String> raw, String name, int min, int max, boolean required, Map<String, String> problems,
            String message) {
        String v = raw.get(name);
        if (v.isEmpty()) {
            if (required) {
                problems.put(name, message);
            }
            return null;
        }
        if (!v.matches("\\d{1,6}") || Integer.parseInt(v) < min || Integer.parseInt(v) > max) {
            problems.put(name, message);
            return null;
        }
        return Integer.parseInt(v);
    }

    private static BigDecimal amount(Map<String, String> raw, String name, BigDecimal max, boolean required, Map<String, String> problems,
            String message) {
        String v = raw.get(name);
        if (v.isEmpty()) {
            if (required) {
                problems.put(name, message);
            }
            return null;
        }
        if (!v.matches("\\d{1,13}(\\.\\d{1,4})?")) {
            problems.put(name, message);
            return null;
        }
        BigDecimal value = new BigDecimal(v);
        // percentages are stored with 2 decimals: a third would be rounded away without a word
        if (max != null && value.compareTo(max) > 0 || max != null && value.scale() > 2) {
            problems.put(name, message);
            return null;
        }
        return value;
    }

    private static String blank(String v) {
        return v == null || v.isEmpty() ? null : v;
    }

    /** For a form shown again: the excluded tags as one line. */
    static String tagsLine(List<String> tags) {
        return String.join(", ", new ArrayList<>(tags));
    }
}
