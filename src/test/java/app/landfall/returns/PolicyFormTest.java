package app.landfall.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PolicyFormTest {
    private static Map<String, String> valid() {
        Map<String, String> form = new HashMap<>(Map.of("window_days", "30", "window_starts_at", "delivered",
                "store_credit_bonus_percent", "10", "restocking_fee_percent", "0", "return_shipping_fee", "4.95",
                "ship_within_days", "14", "allow_refund", "on"));
        return form;
    }

    @Test
    void a_complete_form_reads_into_the_policy_with_blank_optional_rules_as_none() {
        Map<String, String> form = valid();
        form.putAll(Map.of("excluded_product_tags", " gift-card, final ,gift-card,", "return_to_country", "de", "keep_item_below", "5"));
        PolicyForm p = PolicyForm.parse(form::get);
        assertTrue(p.ok(), p.problems().toString());
        assertEquals(30, p.windowDays());
        assertEquals(new BigDecimal("4.95"), p.shippingFee());
        assertEquals(List.of("gift-card", "final"), p.excludedTags());
        assertEquals("DE", p.returnToCountry());
        assertEquals(new BigDecimal("5"), p.keepItemBelow());
        assertNull(p.maxReturnsPerOrder());
        assertNull(p.reviewAboveAmount());
        assertTrue(p.allowRefund());
        assertFalse(p.allowExchange());
    }

    @ParameterizedTest(name = "{0} = \"{1}\" is refused")
    @CsvSource(delimiter = '|', value = {
        "window_days | -1", "window_days | 731", "window_days | thirty", "window_days | ''",
        "window_starts_at | returned",
        "store_credit_bonus_percent | 101", "store_credit_bonus_percent | 10.005", "restocking_fee_percent | -5",
        "return_shipping_fee | 4,95", "return_shipping_fee | ''", "max_returns_per_order | 0", "max_returns_per_order | 101",
        "keep_item_below | -1", "review_above_amount | 1e9", "review_returns_in_90_days_above | many",
        "ship_within_days | 0", "ship_within_days | 366", "return_to_country | USA", "return_to_postal_code | 123456789012345678901"})
    void bad_values_are_refused_with_a_message_on_their_field(String field, String value) {
        Map<String, String> form = valid();
        form.put(field, value);
        PolicyForm p = PolicyForm.parse(form::get);
        assertFalse(p.ok());
        assertTrue(p.problems().containsKey(field), p.problems().toString());
    }

    @Test
    void at_least_one_resolution_is_offered() {
        Map<String, String> form = valid();
        form.remove("allow_refund");
        assertTrue(PolicyForm.parse(form::get).problems().containsKey("resolutions"));
    }
}
