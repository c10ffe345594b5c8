package app.landfall.returns;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the rules made of a request. With {@code problems}, nothing may be stored: each names the
 * field and a message key for the shopper. Otherwise the lines, the amounts in the order's
 * currency, whether a person must approve, and every rule that applied, in order.
 */
public record ReturnDecision(List<Problem> problems, List<Line> lines, Amounts amounts, boolean needsReview, List<Applied> rules) {

    public ReturnDecision {
        problems = List.copyOf(problems);
        lines = List.copyOf(lines);
        rules = List.copyOf(rules);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** A field the shopper must fix; {@code message} is a message key, {@code args} its arguments. */
    public record Problem(String field, String message, List<Object> args) {
        public Problem {
            args = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args)); // an argument may be null
        }
    }

    /** A returned item: its value, and whether the shopper keeps it (refunded without sending it back). */
    public record Line(long orderItemId, int quantity, BigDecimal value, boolean keepItem) {
    }

    /**
     * @param itemsValue     what was paid for the returned units (the order's discount shared out by {@link PaidPrices})
     * @param total          what the shopper gets back: refund, store credit, or the value towards an exchange
     */
    public record Amounts(String currency, BigDecimal itemsValue, BigDecimal restockingFee, BigDecimal shippingFee,
            BigDecimal bonus, BigDecimal total) {
    }

    /** A rule that applied, with the detail a merchant needs (e.g. "10 % of 45.00"). */
    public record Applied(Rule rule, long orderItemId, String detail) {
        /** For rules about the whole return rather than one item. */
        public static final long WHOLE_RETURN = 0;
    }
}
