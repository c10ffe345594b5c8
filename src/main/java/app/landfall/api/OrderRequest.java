package app.landfall.api;

import app.landfall.i18n.Languages;
import app.landfall.orders.Address;
import app.landfall.orders.OrderUpsert;
import app.landfall.web.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The body of POST /api/v1/orders:
 * <pre>{"order_number", "placed_at"?, "currency"?, "customer": {"name", "email", "phone"}?,
 *  "shipping_address": {"line1", "line2", "city", "region", "postal_code", "country"}?,
 *  "promised_delivery_date"?, "subtotal_amount"?, "shipping_amount"?, "tax_amount"?,
 *  "discount_amount"?, "total_amount"?, "external_id"?,
 *  "items": [{"title", "quantity", "sku"?, "external_id"?, "variant_title"?, "unit_price"?,
 *             "image_url"?, "product_tags"?, "product_type"?, "final_sale"?}]?, "language"? (or Shopify's "customer_locale")}</pre>
 */
final class OrderRequest {
    static final int MAX_ITEMS = 250;

    private OrderRequest() {
    }

    static Optional<OrderUpsert> parse(JsonNode body, JsonFields fields) {
        if (body == null || !body.isObject()) {
            fields.error("", "the body must be a JSON object describing the order");
            return Optional.empty();
        }
        String orderNumber = fields.requiredText(body, "order_number", "", 64, "your order number, e.g. AA-10386");
        String externalId = fields.text(body, "external_id", "", 100);
        JsonNode customer = fields.object(body, "customer", "");
        String name = null;
        String email = null;
        String phone = null;
        if (customer != null) {
            name = fields.text(customer, "name", "customer", 200);
            email = fields.text(customer, "email", "customer", 254);
            if (email != null && !email.matches("[^@\\s]+@[^@\\s]+")) {
                fields.error("customer.email", "must be an email address");
            }
            phone = fields.text(customer, "phone", "customer", 40);
        }
        Address address = null;
        JsonNode shipping = fields.object(body, "shipping_address", "");
        if (shipping != null) {
            String country = fields.text(shipping, "country", "shipping_address", 2);
            if (country != null && !country.matches("[A-Z]{2}")) {
                fields.error("shipping_address.country", "must be an ISO 3166-1 alpha-2 code such as US");
            }
            address = new Address(fields.text(shipping, "line1", "shipping_address", 200),
                    fields.text(shipping, "line2", "shipping_address", 200),
                    fields.text(shipping, "city", "shipping_address", 100),
                    fields.text(shipping, "region", "shipping_address", 100),
                    fields.text(shipping, "postal_code", "shipping_address", 20),
                    country);
        }
        String currency = fields.text(body, "currency", "", 3);
        if (currency != null && !currency.matches("[A-Z]{3}")) {
            fields.error("currency", "must be an ISO 4217 code such as USD");
        }
        var placedAt = fields.value(body, "placed_at", "", Requests.TIME);
        var promised = fields.value(body, "promised_delivery_date", "", Requests.DATE);
        var subtotal = fields.amount(body, "subtotal_amount", "");
        var shippingAmount = fields.amount(body, "shipping_amount", "");
        var tax = fields.amount(body, "tax_amount", "");
        var discount = fields.amount(body, "discount_amount", "");
        var total = fields.amount(body, "total_amount", "");
        List<OrderUpsert.Item> items = items(body, fields);
        String language = language(body, fields);
        if (!fields.ok()) {
            return Optional.empty();
        }
        return Optional.of(new OrderUpsert(orderNumber, externalId, name,
                email == null ? null : email.toLowerCase(Locale.ROOT), phone, address, placedAt, promised, currency,
                subtotal, shippingAmount, tax, discount, total, items, language));
    }

    /** "language" or Shopify's "customer_locale": a language we write messages in, or a locale of one (de-CH, fr_CA). */
    private static String language(JsonNode body, JsonFields fields) {
        String field = body.has("language") || !body.has("customer_locale") ? "language" : "customer_locale";
        String raw = fields.text(body, field, "", 35);
        if (raw == null) {
            return null;
        }
        String primary = raw.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        if (!raw.strip().matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*") || !Languages.SUPPORTED.contains(primary)) {
            fields.error(field, "must be one of " + String.join(", ", Languages.SUPPORTED)
                    + " (or a locale of one, such as de-CH): the customer's messages are written in it");
            return null;
        }
        return primary;
    }

    private static List<OrderUpsert.Item> items(JsonNode body, JsonFields fields) {
        List<OrderUpsert.Item> items = fields.objects(body, "items", MAX_ITEMS, (node, path) -> {
            String title = fields.requiredText(node, "title", path, 500, "the product's name");
            Integer quantity = fields.requiredInteger(node, "quantity", path, 1, 10_000, "how many were ordered");
            String externalId = fields.text(node, "external_id", path, 100);
            String sku = fields.text(node, "sku", path, 100);
            String variant = fields.text(node, "variant_title", path, 200);
            var price = fields.amount(node, "unit_price", path);
            String image = fields.text(node, "image_url", path, 2000);
            if (image != null && !image.matches("https?://\\S+")) {
                fields.error(path + ".image_url", "must be an http(s) URL");
            }
            List<String> tags = fields.strings(node, "product_tags", path, 50, 100);
            Boolean finalSale = fields.bool(node, "final_sale", path);
            // the shop's product type ("Apparel", "Mugs"): return reasons can be limited to some types
            String productType = fields.text(node, "product_type", path, 100);
            if (productType != null && productType.isBlank()) {
                productType = null;
            }
            return quantity == null ? null : new OrderUpsert.Item(externalId, sku, title, variant, quantity, price, image,
                    tags == null ? List.of() : tags, Boolean.TRUE.equals(finalSale), productType == null ? null : productType.strip());
        });
        if (items == null || !fields.ok()) {
            return items; // with errors, entries were left out and indices would not match
        }
        for (int i = 0; i < items.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (sameItem(items.get(i), items.get(j))) {
                    fields.error("items[" + i + "]", "repeats items[" + j + "] (same external_id or sku); give each line once");
                }
            }
        }
        return items;
    }

    private static boolean sameItem(OrderUpsert.Item a, OrderUpsert.Item b) {
        if (a.externalId() != null || b.externalId() != null) {
            return a.externalId() != null && a.externalId().equals(b.externalId());
        }
        return a.sku() != null && a.sku().equals(b.sku());
    }
}
