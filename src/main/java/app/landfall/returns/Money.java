package app.landfall.returns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Amounts as the (English) admin shows them: "$29.00", "€12.50", "12.50 XYZ" for a code Java does not know. */
final class Money {
    private Money() {
    }

    static String format(BigDecimal amount, String code) {
        return format(amount, code, Locale.US);
    }

    /** As a shopper's language writes it: "12,50 €" in German. */
    static String format(BigDecimal amount, String code, Locale locale) {
        try {
            Currency currency = Currency.getInstance(code);
            NumberFormat money = NumberFormat.getCurrencyInstance(locale);
            money.setCurrency(currency);
            int digits = Math.max(0, currency.getDefaultFractionDigits());
            money.setMinimumFractionDigits(digits);
            money.setMaximumFractionDigits(digits);
            return money.format(amount.setScale(digits, RoundingMode.HALF_EVEN));
        } catch (IllegalArgumentException e) {
            return amount.stripTrailingZeros().toPlainString() + " " + code;
        }
    }
}
