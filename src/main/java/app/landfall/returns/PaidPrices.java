package app.landfall.returns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What a shopper actually paid for each line of an order: an order-level discount is shared out over
 * the lines in proportion to their value, as Shopify allocates it, in whole minor units of the
 * currency, so the shares add up to the discount exactly (the odd cents go to the lines with the
 * largest remainders; on a tie, the earlier line). A refund is then never more than was paid.
 */
public final class PaidPrices {
    private PaidPrices() {
    }

    /**
     * The paid amount of each line, in the order given.
     *
     * @param lineValues unit price times quantity of every line of the order (not only the returned ones)
     */
    public static List<BigDecimal> allocate(String currency, List<BigDecimal> lineValues, BigDecimal orderDiscount) {
        int scale = ReturnRules.minorUnits(currency);
        List<BigDecimal> values = lineValues.stream().map(v -> v.setScale(scale, RoundingMode.HALF_UP)).toList();
        BigDecimal total = values.stream().reduce(BigDecimal.ZERO.setScale(scale), BigDecimal::add);
        BigDecimal discount = (orderDiscount == null ? BigDecimal.ZERO : orderDiscount).setScale(scale, RoundingMode.HALF_UP).min(total);
        if (discount.signum() <= 0) {
            return values;
        }
        // each line's exact share, floored to the minor unit; the cents left over go by largest remainder
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        List<BigDecimal> shares = new ArrayList<>();
        List<BigDecimal> remainders = new ArrayList<>();
        for (BigDecimal value : values) {
            BigDecimal exact = discount.multiply(value).divide(total, scale + 12, RoundingMode.DOWN);
            BigDecimal floored = exact.setScale(scale, RoundingMode.DOWN);
            shares.add(floored);
            remainders.add(exact.subtract(floored));
        }
        BigDecimal left = discount.subtract(shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        int cents = left.divide(unit, 0, RoundingMode.UNNECESSARY).intValueExact();
        IntStream.range(0, values.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> remainders.get(i)).reversed().thenComparing(i -> i))
                .limit(cents)
                .forEach(i -> shares.set(i, shares.get(i).add(unit)));
        return IntStream.range(0, values.size()).mapToObj(i -> values.get(i).subtract(shares.get(i))).toList();
    }

    /**
     * What {@code units} more units of a line cost, when {@code alreadyReturned} of its {@code quantity}
     * units are in other returns: the difference of the line's paid amount pro rata at both counts, so
     * the units of one line, returned in any number of returns, never add up to more than it cost.
     */
    public static BigDecimal forUnits(BigDecimal linePaid, int quantity, int alreadyReturned, int units) {
        int from = Math.max(0, Math.min(alreadyReturned, quantity));
        int to = Math.min(quantity, from + Math.max(0, units));
        return upTo(linePaid, quantity, to).subtract(upTo(linePaid, quantity, from));
    }

    private static BigDecimal upTo(BigDecimal linePaid, int quantity, int units) {
        return linePaid.multiply(BigDecimal.valueOf(units)).divide(BigDecimal.valueOf(quantity), linePaid.scale(), RoundingMode.HALF_UP);
    }
}
