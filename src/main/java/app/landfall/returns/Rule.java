package app.landfall.returns;

/**
 * The rules of a return policy. Every decision about a return names the rules that produced it, so
 * the merchant sees why (the code and its detail) and the shopper gets the reason in plain words
 * (the message {@code return.rule.<code>} in the page's language).
 */
public enum Rule {
    /** The item can be returned within the policy's window. */
    WINDOW,
    /** A product tag gives this item its own window. */
    WINDOW_BY_TAG,
    /** The item's SKU gives it its own window (it wins over tags). */
    WINDOW_BY_SKU,
    /** The window has closed. */
    WINDOW_CLOSED,
    /** The window starts at delivery and the item has not been delivered (or not shipped). */
    NOT_DELIVERED,
    /** Final-sale items cannot be returned under this policy. */
    FINAL_SALE,
    /** A product tag the policy excludes ("category not returnable"). */
    EXCLUDED_TAG,
    /** Every unit of the item is already in another return. */
    ALREADY_RETURNED,
    /** The order already has as many returns as the policy allows. */
    MAX_RETURNS_PER_ORDER,
    /** The order's discount is shared out over its lines: a line is worth what was paid for it. */
    ORDER_DISCOUNT,
    /** A percentage of the items' value is kept. */
    RESTOCKING_FEE,
    /** A flat fee for the return label or drop-off. */
    RETURN_SHIPPING_FEE,
    /** Fees are waived because the shopper chose an exchange. */
    FEES_WAIVED_FOR_EXCHANGE,
    /** Fees are waived because the shopper chose store credit. */
    FEES_WAIVED_FOR_STORE_CREDIT,
    /** Store credit gets a bonus percentage on top. */
    STORE_CREDIT_BONUS,
    /** Worth less than the threshold: refunded without being sent back. */
    KEEP_ITEM,
    /** The reason given needs a person to look (e.g. "damaged", with photos). */
    REVIEW_REASON,
    /** Returns worth more than an amount are looked at by a person. */
    REVIEW_AMOUNT,
    /** The customer returned more than so many orders in 90 days. */
    REVIEW_FREQUENT_RETURNER,
    /** Nothing needed a person: approved at once. */
    AUTO_APPROVE;

    /** The message key of the shopper's wording. */
    public String messageKey() {
        return "return.rule." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
