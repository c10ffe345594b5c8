package app.landfall.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PolicySummaryTest {
    private static ReturnPolicy policy(int days, ReturnPolicy.WindowStart start, String shippingFee, String restocking,
            Set<ReturnPolicy.Method> methods) {
        return new ReturnPolicy(days, start, List.of(), Set.of(), false, null, EnumSet.allOf(ReturnPolicy.Resolution.class),
                methods, new ReturnPolicy.Fees(new BigDecimal(shippingFee), new BigDecimal(restocking), false, false),
                BigDecimal.ZERO, null, ReturnPolicy.Review.NEVER);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "en | You can return items within 30 days of delivery. | Returns are free. | Send items back by: drop-off with a QR code, printable label.",
            "de | Sie können Artikel innerhalb von 30 Tagen nach der Zustellung zurücksenden. | Die Rücksendung ist kostenlos. | So senden Sie Artikel zurück: Abgabe mit QR-Code, Etikett zum Ausdrucken.",
            "fr | Vous pouvez retourner des articles dans les 30 jours suivant la livraison. | Les retours sont gratuits. | Pour renvoyer des articles : dépôt avec un code QR, étiquette à imprimer.",
            "es | Puedes devolver artículos en los 30 días siguientes a la entrega. | Las devoluciones son gratuitas. | Cómo devolver artículos: entrega con código QR, etiqueta para imprimir."})
    void a_free_policy_in_each_language(String language, String window, String free, String methods) {
        var p = policy(30, ReturnPolicy.WindowStart.DELIVERED, "0", "0",
                EnumSet.of(ReturnPolicy.Method.QR_DROPOFF, ReturnPolicy.Method.PRINTABLE_LABEL));
        assertEquals(List.of(window, free, methods), PolicySummary.lines(p, "EUR", Locale.forLanguageTag(language)));
    }

    @Test
    void fees_are_named_with_the_amount_in_the_orders_currency_and_language() {
        var p = policy(14, ReturnPolicy.WindowStart.SHIPPED, "5.5", "10", EnumSet.of(ReturnPolicy.Method.PRINTABLE_LABEL));
        assertEquals(List.of("Sie können Artikel innerhalb von 14 Tagen nach dem Versand zurücksenden.",
                "Die Rücksendung kostet 5,50 €; der Betrag wird von Ihrer Erstattung abgezogen.",
                "Es fällt eine Wiedereinlagerungsgebühr von 10 % an.",
                "So senden Sie Artikel zurück: Etikett zum Ausdrucken."), PolicySummary.lines(p, "EUR", Locale.GERMAN));
    }

    @Test
    void a_shipping_fee_does_not_apply_when_returns_only_come_back_in_store() {
        var p = policy(30, ReturnPolicy.WindowStart.ORDERED, "6", "0", EnumSet.of(ReturnPolicy.Method.IN_STORE));
        assertEquals(List.of("You can return items within 30 days of your order.", "Returns are free.",
                "Send items back by: in one of our shops."), PolicySummary.lines(p, "USD", Locale.ENGLISH));
    }

    @Test
    void a_window_of_no_days_says_the_items_cannot_be_returned_and_nothing_else() {
        var p = policy(0, ReturnPolicy.WindowStart.DELIVERED, "0", "0", EnumSet.of(ReturnPolicy.Method.QR_DROPOFF));
        assertEquals(List.of("Items from this order cannot be returned."), PolicySummary.lines(p, "USD", Locale.ENGLISH));
    }
}
