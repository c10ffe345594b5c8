package app.landfall.orders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An order as a merchant's system describes it, keyed by the merchant's order number (or, for
 * platforms such as Shopify, their own order id in {@code externalId}). Writing it creates the order
 * or brings the stored one up to date. Amounts are in {@code currency} (ISO 4217); null amounts,
 * names and addresses leave what is stored unchanged. {@code language} is the customer's (en, de, fr or
 * es), which their messages are written in.
 */
public record OrderUpsert(
        String orderNumber,
        String externalId,
        String customerName,
        String customerEmail,
        String customerPhone,
        Address shippingAddress,
        OffsetDateTime placedAt,
        LocalDate promisedDeliveryDate,
        String currency,
        BigDecimal subtotalAmount,
        BigDecimal shippingAmount,
        BigDecimal taxAmount,
        BigDecimal discountAmount,
        BigDecimal totalAmount,
        List<Item> items,
        String language) {

    /** Without a language: the stored one (or none) stays. */
    public OrderUpsert(String orderNumber, String externalId, String customerName, String customerEmail, String customerPhone,
            Address shippingAddress, OffsetDateTime placedAt, LocalDate promisedDeliveryDate, String currency,
            BigDecimal subtotalAmount, BigDecimal shippingAmount, BigDecimal taxAmount, BigDecimal discountAmount,
            BigDecimal totalAmount, List<Item> items) {
        this(orderNumber, externalId, customerName, customerEmail, customerPhone, shippingAddress, placedAt, promisedDeliveryDate,
                currency, subtotalAmount, shippingAmount, taxAmount, discountAmount, totalAmount, items, null);
    }

    /**
     * A line of the order. Items are matched to stored ones by {@code externalId}, else by
     * {@code sku}; a null {@code items} list on the order leaves the stored items as they are.
     */
    public record Item(
            String externalId,
            String sku,
            String title,
            String variantTitle,
            int quantity,
            BigDecimal unitPrice,
            String imageUrl,
            List<String> productTags,
            boolean finalSale,
            String productType) {

        /** A line whose product type is not known (e.g. from platforms that send none). */
        public Item(String externalId, String sku, String title, String variantTitle, int quantity, BigDecimal unitPrice,
                String imageUrl, List<String> productTags, boolean finalSale) {
            this(externalId, sku, title, variantTitle, quantity, unitPrice, imageUrl, productTags, finalSale, null);
        }
    }
}
