package app.landfall.returns;

import app.landfall.returns.ReturnPolicy.Resolution;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * How much a return may be resolved with. A refund is never more than was paid for the returned
 * units ({@code items_value}, the order's discount shared out), store credit never more than that
 * plus the policy's bonus. Up to the suggested amount anyone who processes returns may pay; above
 * it only an owner or admin, and only with a reason, which goes into the audit log.
 *
 * @param itemsValue what was paid for the returned units; null for returns older than the rules
 * @param bonus      the store-credit bonus the shopper was promised
 * @param total      the suggested amount for the resolution the shopper asked for
 * @param requested  the resolution the shopper asked for
 */
public record RefundLimits(String currency, BigDecimal itemsValue, BigDecimal bonus, BigDecimal total, Resolution requested) {

    /** An amount as the merchant reads it: in the currency's minor units ("31.00", not "31.0000"). */
    public String shown(BigDecimal amount) {
        return amount.setScale(ReturnRules.minorUnits(currency), java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** The most that may be paid this way; empty when nothing says what was paid. */
    public Optional<BigDecimal> cap(Resolution how) {
        if (itemsValue == null) {
            return Optional.empty();
        }
        return Optional.of(how == Resolution.STORE_CREDIT ? itemsValue.add(nonNull(bonus)) : itemsValue);
    }

    /** What the rules suggest paying this way: the bonus comes only with store credit. */
    public BigDecimal suggested(Resolution how) {
        if (total == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal suggested = requested == Resolution.STORE_CREDIT && how != Resolution.STORE_CREDIT
                ? total.subtract(nonNull(bonus)).max(BigDecimal.ZERO) : total;
        return cap(how).map(suggested::min).orElse(suggested);
    }

    /**
     * Why {@code amount} may not be paid {@code how}, or empty when it may.
     *
     * @param mayExceedSuggested whether the person is an owner or admin
     * @param reason             why they pay more than suggested
     */
    public Optional<String> problem(Resolution how, BigDecimal amount, boolean mayExceedSuggested, String reason) {
        if (how == Resolution.EXCHANGE) {
            return Optional.empty();
        }
        String paying = how == Resolution.STORE_CREDIT ? "credited" : "refunded";
        Optional<BigDecimal> cap = cap(how);
        if (cap.isPresent() && amount.compareTo(cap.get()) > 0) {
            return Optional.of("At most " + shown(cap.get()) + " can be " + paying + ": what was paid for the returned items"
                    + (how == Resolution.STORE_CREDIT && nonNull(bonus).signum() > 0 ? " plus the store-credit bonus." : "."));
        }
        BigDecimal suggested = suggested(how);
        if (amount.compareTo(suggested) <= 0) {
            return Optional.empty();
        }
        if (!mayExceedSuggested) {
            return Optional.of("Only an owner or admin can pay more than the suggested " + shown(suggested) + ".");
        }
        if (reason == null || reason.isBlank()) {
            return Optional.of("Say why you pay more than the suggested " + shown(suggested) + ": it is kept in the audit log.");
        }
        if (reason.length() > 1_000) {
            return Optional.of("Keep the reason to 1,000 characters.");
        }
        return Optional.empty();
    }

    private static BigDecimal nonNull(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }
}
