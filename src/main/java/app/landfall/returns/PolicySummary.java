package app.landfall.returns;

import app.landfall.i18n.Messages;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A store's return policy in a few sentences of the shopper's language, for paper that goes in the
 * box: how long, what it costs, how the parcel goes back. Only facts the flow will hold the shopper
 * to; the tag and SKU exceptions are left to the flow, which shows them per item.
 */
final class PolicySummary {
    private PolicySummary() {
    }

    static List<String> lines(ReturnPolicy policy, String currency, Locale language) {
        List<String> lines = new ArrayList<>();
        if (policy.windowDays() == 0) {
            lines.add(text(language, "slip.policy.closed"));
            return lines;
        }
        String start = policy.windowStartsAt().name().toLowerCase(Locale.ROOT);
        lines.add(text(language, "slip.policy.window." + start, policy.windowDays()));
        BigDecimal shipping = policy.fees().returnShippingFlat();
        BigDecimal restocking = policy.fees().restockingPercent();
        boolean shippedBack = policy.methods().stream().anyMatch(ReturnPolicy.Method::shipped);
        boolean shippingFee = shippedBack && shipping != null && shipping.signum() > 0;
        boolean restockingFee = restocking != null && restocking.signum() > 0;
        if (!shippingFee && !restockingFee) {
            lines.add(text(language, "slip.policy.free"));
        }
        if (shippingFee) {
            lines.add(text(language, "slip.policy.shipping_fee", Money.format(shipping, currency, language).replace('\u00a0', ' ')
                    .replace('\u202f', ' ')));
        }
        if (restockingFee) {
            lines.add(text(language, "slip.policy.restocking_fee", restocking.stripTrailingZeros().toPlainString()));
        }
        List<String> methods = policy.methods().stream().sorted()
                .map(m -> text(language, "slip.method." + m.name().toLowerCase(Locale.ROOT))).toList();
        lines.add(text(language, "slip.policy.methods", String.join(", ", methods)));
        return lines;
    }

    static String text(Locale language, String key, Object... args) {
        return Messages.text(language, key, args);
    }
}
