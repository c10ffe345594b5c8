package app.landfall.returns;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * A merchant's return rules, as {@link ReturnRules} applies them.
 *
 * @param windowDays            days to start a return, counted from {@code windowStartsAt}
 * @param windowStartsAt        delivery (the default; fulfillment when delivery is unknown), shipping, or the order
 * @param windowOverrides       other windows for products with a tag or a SKU; a SKU wins over tags, and among
 *                              several tags the longest window wins (a shopper is never worse off for a second tag)
 * @param excludedTags          products with one of these tags cannot be returned
 * @param finalSaleReturnable   whether final-sale items can be returned after all
 * @param maxReturnsPerOrder    how many returns one order may have (null: no limit)
 * @param resolutions           what the shopper may choose: refund, store credit, exchange
 * @param methods               how the parcel goes back: QR drop-off, printable label, in store
 * @param fees                  what is deducted, and when it is waived
 * @param storeCreditBonusPercent added to store credit (e.g. 10 for +10 %)
 * @param keepItemBelow         items with a unit price at or below this are refunded without being sent back (null: never)
 * @param review                when a person must approve instead of the automatic approval
 */
public record ReturnPolicy(
        int windowDays,
        WindowStart windowStartsAt,
        List<WindowOverride> windowOverrides,
        Set<String> excludedTags,
        boolean finalSaleReturnable,
        Integer maxReturnsPerOrder,
        Set<Resolution> resolutions,
        Set<Method> methods,
        Fees fees,
        BigDecimal storeCreditBonusPercent,
        BigDecimal keepItemBelow,
        Review review) {

    public ReturnPolicy {
        windowOverrides = List.copyOf(windowOverrides);
        excludedTags = Set.copyOf(excludedTags);
        resolutions = Set.copyOf(resolutions);
        methods = Set.copyOf(methods);
        if (windowDays < 0) {
            throw new IllegalArgumentException("windowDays must not be negative");
        }
        if (resolutions.isEmpty() || methods.isEmpty()) {
            throw new IllegalArgumentException("a policy offers at least one resolution and one method");
        }
    }

    public enum WindowStart { DELIVERED, SHIPPED, ORDERED }

    public enum Resolution { REFUND, STORE_CREDIT, EXCHANGE }

    public enum Method {
        QR_DROPOFF, PRINTABLE_LABEL, IN_STORE;

        /** Whether the parcel travels with a carrier (and so a return shipping fee can apply). */
        public boolean shipped() {
            return this != IN_STORE;
        }
    }

    /** A window for products with this tag, or this SKU. */
    public record WindowOverride(Kind kind, String value, int windowDays) {
        public enum Kind { TAG, SKU }
    }

    /**
     * @param returnShippingFlat    once per return that is shipped back
     * @param restockingPercent     of the returned items' value
     */
    public record Fees(BigDecimal returnShippingFlat, BigDecimal restockingPercent, boolean waivedForExchange,
            boolean waivedForStoreCredit) {
        public static final Fees NONE = new Fees(BigDecimal.ZERO, BigDecimal.ZERO, false, false);
    }

    /**
     * @param aboveAmount           returns worth more than this go to review (null: never)
     * @param returnsIn90DaysAbove  customers with more returns than this in 90 days go to review (null: never)
     */
    public record Review(BigDecimal aboveAmount, Integer returnsIn90DaysAbove) {
        public static final Review NEVER = new Review(null, null);
    }
}
