package app.landfall.returns;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the return rules need to know about an order, read from the database beforehand.
 *
 * @param activeReturns               returns of this order that are not cancelled, rejected or expired
 * @param customerReturnsLast90Days   returns of the same customer (by email) started in the last 90 days
 * @param discount                    the order-level discount, shared out over the lines by {@link PaidPrices}
 */
public record OrderFacts(String currency, LocalDate orderedOn, List<Item> items, int activeReturns,
        int customerReturnsLast90Days, BigDecimal discount) {

    public OrderFacts {
        items = List.copyOf(items);
        discount = discount == null ? BigDecimal.ZERO : discount;
    }

    /** An order without a discount. */
    public OrderFacts(String currency, LocalDate orderedOn, List<Item> items, int activeReturns, int customerReturnsLast90Days) {
        this(currency, orderedOn, items, activeReturns, customerReturnsLast90Days, BigDecimal.ZERO);
    }

    /**
     * One line of the order.
     *
     * @param quantityInReturns   units already in active returns
     * @param exchangeVariants    the other variants of the same product it can be exchanged for
     * @param productType         the shop's product type ("Apparel", "Mugs"), null when not sent
     */
    public record Item(long id, String sku, Set<String> tags, BigDecimal unitPrice, int quantity, int quantityInReturns,
            boolean finalSale, Delivery delivery, List<String> exchangeVariants, String productType) {
        public Item {
            tags = Set.copyOf(tags);
            exchangeVariants = List.copyOf(exchangeVariants);
        }

        /** An item whose product type is not known. */
        public Item(long id, String sku, Set<String> tags, BigDecimal unitPrice, int quantity, int quantityInReturns,
                boolean finalSale, Delivery delivery, List<String> exchangeVariants) {
            this(id, sku, tags, unitPrice, quantity, quantityInReturns, finalSale, delivery, exchangeVariants, null);
        }
    }

    /** Where the item's package is. {@code shippedOn} is the fulfillment date; {@code deliveredOn} is known once delivered. */
    public record Delivery(State state, LocalDate shippedOn, LocalDate deliveredOn) {
        public enum State {
            /** Not fulfilled yet. */
            NOT_SHIPPED,
            /** Shipped, tracked, not delivered yet. */
            IN_TRANSIT,
            /** Delivered on {@code deliveredOn}. */
            DELIVERED,
            /** Shipped on {@code shippedOn}, and nothing tells whether it arrived. */
            SHIPPED_UNTRACKED
        }

        public static Delivery notShipped() {
            return new Delivery(State.NOT_SHIPPED, null, null);
        }

        public static Delivery inTransit(LocalDate shippedOn) {
            return new Delivery(State.IN_TRANSIT, shippedOn, null);
        }

        public static Delivery delivered(LocalDate shippedOn, LocalDate deliveredOn) {
            return new Delivery(State.DELIVERED, shippedOn, deliveredOn);
        }

        public static Delivery untracked(LocalDate shippedOn) {
            return new Delivery(State.SHIPPED_UNTRACKED, shippedOn, null);
        }
    }
}
