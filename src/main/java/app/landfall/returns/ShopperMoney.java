package app.landfall.returns;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Amounts as a shopper reads them: the order's currency, written the way the page's language writes
 * money ("€42.00" in English, "42,00 €" in German), with the currency's own number of decimals
 * ({@link Money} does the writing; this only holds the order's currency and the page's language).
 */
final class ShopperMoney {
    private final String currencyCode;
    private final Locale locale;

    ShopperMoney(String currencyCode, Locale locale) {
        this.currencyCode = currencyCode;
        this.locale = locale;
    }

    String format(BigDecimal amount) {
        return amount == null ? null : Money.format(amount, currencyCode, locale);
    }
}
