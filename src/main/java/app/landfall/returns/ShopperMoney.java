package app.landfall.returns;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * Amounts as a shopper reads them: the order's currency, written the way the page's language writes
 * money ("€42.00" in English, "42,00 €" in German), with the currency's own number of decimals.
 */
final class ShopperMoney {
    private final NumberFormat format;

    ShopperMoney(String currencyCode, Locale locale) {
        format = NumberFormat.getCurrencyInstance(locale);
        try {
            Currency currency = Currency.getInstance(currencyCode);
            format.setCurrency(currency);
            format.setMinimumFractionDigits(Math.max(0, currency.getDefaultFractionDigits()));
            format.setMaximumFractionDigits(Math.max(0, currency.getDefaultFractionDigits()));
        } catch (IllegalArgumentException | NullPointerException e) {
            // an unknown code still prints the numbers
        }
    }

    String format(BigDecimal amount) {
        return amount == null ? null : format.format(amount);
    }
}
