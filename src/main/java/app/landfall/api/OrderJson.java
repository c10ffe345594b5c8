package app.landfall.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** An order as the API returns it. Amounts are decimal strings ("19.90"), as the platforms send them. */
record OrderJson(
        long id,
        String orderNumber,
        String externalId,
        Customer customer,
        Address shippingAddress,
        OffsetDateTime placedAt,
        LocalDate promisedDeliveryDate,
        String currency,
        String subtotalAmount,
        String shippingAmount,
        String taxAmount,
        String discountAmount,
        String totalAmount,
        List<Item> items,
        String language,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    record Customer(String name, String email, String phone) {
    }

    record Address(String line1, String line2, String city, String region, String postalCode, String country) {
    }

    record Item(long id, String externalId, String sku, String title, String variantTitle, int quantity,
                String unitPrice, String imageUrl, List<String> productTags, boolean finalSale, String productType) {
    }

    /** At least two decimals, no trailing zeros beyond them: 19.9000 becomes "19.90", 0.1250 "0.125". */
    static String amount(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.setScale(Math.max(2, stripped.scale())).toPlainString();
    }
}
