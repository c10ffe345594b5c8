package app.landfall.hooks;

import app.landfall.carriers.TrackingNumbers;
import static app.landfall.web.JsonFields.index;
import static app.landfall.web.JsonFields.path;

import app.landfall.orders.Address;
import app.landfall.orders.OrderUpsert;
import app.landfall.tracking.CanonicalStatus;
import app.landfall.tracking.IncomingEvent;
import app.landfall.tracking.ShipmentStatus;
import app.landfall.tracking.ShipmentUpsert;
import app.landfall.tracking.Substatus;
import app.landfall.web.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Shopify webhook ({@code X-Shopify-Hmac-Sha256} already checked). The body is the REST resource
 * itself (an order, a fulfillment), the topic comes from {@code X-Shopify-Topic} and the delivery id
 * from {@code X-Shopify-Webhook-Id}. See https://shopify.dev/docs/api/webhooks and the REST Order and
 * Fulfillment resources.
 *
 * <ul>
 *   <li>{@code orders/create}, {@code orders/updated}: the order, and a shipment per tracking number
 *       of each of its {@code fulfillments};</li>
 *   <li>{@code fulfillments/create}, {@code fulfillments/update}: a shipment per tracking number;</li>
 *   <li>any other topic: empty content.</li>
 * </ul>
 *
 * <p>A fulfillment's tracking numbers are typed by merchants, so one that cannot be a tracking number
 * ("N/A", a URL) is skipped rather than refusing the delivery, which would also lose the order.
 * A fulfillment without any tracking number has nothing to track and gives no shipment.
 */
final class ShopifyWebhook {
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private ShopifyWebhook() {
    }

    static WebhookContent parse(String topic, String webhookId, JsonNode body) throws InvalidPayload {
        String id = webhookId == null || webhookId.isBlank() ? null : webhookId.strip();
        String t = topic == null ? "" : topic.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "orders/create", "orders/updated" -> order(id, body);
            case "fulfillments/create", "fulfillments/update" -> fulfillment(id, body);
            default -> new WebhookContent(id, List.of(), List.of());
        };
    }

    private static WebhookContent order(String deliveryId, JsonNode order) throws InvalidPayload {
        JsonFields in = new JsonFields();
        if (!in.root(order)) {
            InvalidPayload.throwIfAny(in);
        }
        String externalId = in.requiredId(order, "id", "", PayloadFormats.MAX_ID);
        String orderNumber = orderNumber(order, in);
        JsonNode customer = in.object(order, "customer", "");
        JsonNode shipTo = in.object(order, "shipping_address", "");
        String customerName = customerName(customer, shipTo, in);
        String email = email(in.text(order, "email", "", 320));
        if (email == null) {
            email = email(in.text(order, "contact_email", "", 320));
        }
        if (email == null && customer != null) {
            email = email(in.text(customer, "email", "customer", 320));
        }
        String phone = in.text(order, "phone", "", 64);
        if (phone == null && customer != null) {
            phone = in.text(customer, "phone", "customer", 64);
        }
        if (phone == null && shipTo != null) {
            phone = in.text(shipTo, "phone", "shipping_address", 64);
        }
        Address address = shipTo == null ? null : address(shipTo, in);
        OffsetDateTime placedAt = in.requiredValue(order, "created_at", "", PayloadFormats.TIME);
        String currency = in.text(order, "currency", "", 3);
        if (currency != null && !CURRENCY.matcher(currency).matches()) {
            in.error("currency", "must be an ISO 4217 code such as USD");
        }
        BigDecimal subtotal = in.amount(order, "subtotal_price", "");
        BigDecimal shipping = shippingAmount(order, in);
        BigDecimal tax = in.amount(order, "total_tax", "");
        BigDecimal discount = in.amount(order, "total_discounts", "");
        BigDecimal total = in.amount(order, "total_price", "");
        List<OrderUpsert.Item> items = orderItems(order, in);

        List<ShipmentUpsert> shipments = new ArrayList<>();
        JsonNode fulfillments = in.array(order, "fulfillments", "");
        if (fulfillments != null) {
            for (int i = 0; i < fulfillments.size(); i++) {
                String p = index("fulfillments", i);
                JsonNode f = fulfillments.get(i);
                if (!f.isObject()) {
                    in.error(p, "must be an object");
                    continue;
                }
                shipments.addAll(shipments(f, p, orderNumber, externalId, in));
            }
        }
        InvalidPayload.throwIfAny(in);
        OrderUpsert upsert = new OrderUpsert(orderNumber, externalId, customerName, email, phone, address, placedAt,
                null, currency, subtotal, shipping, tax, discount, total, items);
        return new WebhookContent(deliveryId, List.of(upsert), List.copyOf(shipments));
    }

    private static WebhookContent fulfillment(String deliveryId, JsonNode fulfillment) throws InvalidPayload {
        JsonFields in = new JsonFields();
        if (!in.root(fulfillment)) {
            InvalidPayload.throwIfAny(in);
        }
        String orderId = in.requiredId(fulfillment, "order_id", "", PayloadFormats.MAX_ID);
        List<ShipmentUpsert> shipments = shipments(fulfillment, "", null, orderId, in);
        InvalidPayload.throwIfAny(in);
        return new WebhookContent(deliveryId, List.of(), shipments);
    }

    /** The order's {@code name} ("#1001", or with the shop's own prefix/suffix) without its leading #. */
    private static String orderNumber(JsonNode order, JsonFields in) {
        String name = in.text(order, "name", "", 200);
        String field = "name";
        if (name != null && name.startsWith("#")) {
            name = name.substring(1).strip();
        }
        if (name == null || name.isEmpty()) {
            name = in.id(order, "order_number", "", PayloadFormats.MAX_ID);
            field = "order_number";
        }
        if (name == null) {
            in.error("name", "is required");
        } else if (name.length() > 64) {
            in.error(field, "must be at most 64 characters");
            return null;
        }
        return name;
    }

    /** The customer's first and last name, else the name on the shipping address. */
    private static String customerName(JsonNode customer, JsonNode shipTo, JsonFields in) {
        String name = null;
        if (customer != null) {
            String first = in.freeText(customer, "first_name", "customer", 100);
            String last = in.freeText(customer, "last_name", "customer", 100);
            name = first == null ? last : last == null ? first : first + " " + last;
        }
        if (name == null && shipTo != null) {
            name = in.freeText(shipTo, "name", "shipping_address", 200);
        }
        return JsonFields.truncate(name, 200);
    }

    /** Lower-cased; an address that is not one is left out (the order is still worth having). */
    private static String email(String email) {
        if (email == null) {
            return null;
        }
        String lower = email.toLowerCase(Locale.ROOT);
        return EMAIL.matcher(lower).matches() ? lower : null;
    }

    private static Address address(JsonNode a, JsonFields in) {
        String p = "shipping_address";
        String region = in.text(a, "province_code", p, 10);
        if (region == null) {
            region = in.freeText(a, "province", p, PayloadFormats.MAX_PLACE);
        }
        String zip = in.freeText(a, "zip", p, 200);
        String country = in.text(a, "country_code", p, 10);
        if (country != null && Countries.strictAlpha2(country) == null) {
            in.error(path(p, "country_code"), "must be an ISO 3166-1 alpha-2 code such as US");
        }
        return new Address(in.freeText(a, "address1", p, 200), in.freeText(a, "address2", p, 200),
                in.freeText(a, "city", p, PayloadFormats.MAX_PLACE), region,
                zip == null || zip.length() > PayloadFormats.MAX_POSTAL_CODE ? null : zip,
                Countries.strictAlpha2(country));
    }

    /** {@code total_shipping_price_set.shop_money.amount}: in the shop's currency, as the other totals. */
    private static BigDecimal shippingAmount(JsonNode order, JsonFields in) {
        JsonNode set = in.object(order, "total_shipping_price_set", "");
        JsonNode shop = set == null ? null : in.object(set, "shop_money", "total_shipping_price_set");
        return shop == null ? null : in.amount(shop, "amount", "total_shipping_price_set.shop_money");
    }

    /**
     * The order's {@code line_items}; null (leave stored items alone) when the member is absent. A line
     * with quantity 0 (removed by an order edit) is not an item of the order any more.
     */
    private static List<OrderUpsert.Item> orderItems(JsonNode order, JsonFields in) {
        JsonNode lines = in.array(order, "line_items", "");
        if (lines == null) {
            return null;
        }
        List<OrderUpsert.Item> items = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String p = index("line_items", i);
            JsonNode line = lines.get(i);
            if (!line.isObject()) {
                in.error(p, "must be an object");
                continue;
            }
            String id = in.requiredId(line, "id", p, PayloadFormats.MAX_ID);
            String sku = in.text(line, "sku", p, 255);
            String title = in.freeText(line, "title", p, 500);
            if (title == null) {
                in.error(path(p, "title"), "is required");
            }
            String variantTitle = in.freeText(line, "variant_title", p, 500);
            Integer quantity = in.requiredInteger(line, "quantity", p);
            BigDecimal price = in.amount(line, "price", p);
            if (quantity != null && quantity > 0) {
                items.add(new OrderUpsert.Item(id, sku, title, variantTitle, quantity, price, null, List.of(), false));
            }
        }
        return List.copyOf(items);
    }

    /**
     * A shipment per distinct tracking number of a fulfillment ({@code tracking_numbers}, else
     * {@code tracking_number}). Each carries the fulfillment's items, since Shopify does not say
     * which package of a multi-package fulfillment holds what, and its one event, if any.
     */
    private static List<ShipmentUpsert> shipments(JsonNode f, String p, String orderNumber, String orderExternalId,
                                                  JsonFields in) {
        String fulfillmentId = in.requiredId(f, "id", p, PayloadFormats.MAX_ID);
        String carrier = CarrierNames.fromShopify(in.freeText(f, "tracking_company", p, 200));
        List<String> numbers = trackingNumbers(f, p, in);
        List<ShipmentUpsert.Item> items = shipmentItems(f, p, in);
        Optional<IncomingEvent> event = event(f, p, fulfillmentId, in);
        List<ShipmentUpsert> shipments = new ArrayList<>();
        for (String number : numbers) {
            shipments.add(new ShipmentUpsert(orderNumber, orderExternalId, carrier, null, number, null, null,
                    items, event.map(List::of).orElse(List.of())));
        }
        return shipments;
    }

    private static List<String> trackingNumbers(JsonNode f, String p, JsonFields in) {
        Map<String, String> byNormalized = new LinkedHashMap<>();
        JsonNode list = in.array(f, "tracking_numbers", p);
        if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                JsonNode n = list.get(i);
                if (!n.isTextual()) {
                    in.error(index(path(p, "tracking_numbers"), i), "must be a string");
                } else if (PayloadFormats.isTrackingNumber(n.asText().strip())) {
                    byNormalized.putIfAbsent(TrackingNumbers.normalize(n.asText()), n.asText().strip());
                }
            }
        }
        if (list == null || list.isEmpty()) {
            String single = in.text(f, "tracking_number", p, 200);
            if (PayloadFormats.isTrackingNumber(single)) {
                byNormalized.put(TrackingNumbers.normalize(single), single);
            }
        }
        return List.copyOf(byNormalized.values());
    }

    private static List<ShipmentUpsert.Item> shipmentItems(JsonNode f, String p, JsonFields in) {
        String lp = path(p, "line_items");
        JsonNode lines = in.array(f, "line_items", p);
        if (lines == null) {
            return null;
        }
        List<ShipmentUpsert.Item> items = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String ip = index(lp, i);
            JsonNode line = lines.get(i);
            if (!line.isObject()) {
                in.error(ip, "must be an object");
                continue;
            }
            String id = in.requiredId(line, "id", ip, PayloadFormats.MAX_ID);
            String sku = in.text(line, "sku", ip, 255);
            Integer quantity = in.requiredInteger(line, "quantity", ip);
            if (quantity != null && quantity > 0) {
                items.add(new ShipmentUpsert.Item(id, sku, quantity));
            }
        }
        return List.copyOf(items);
    }

    /**
     * The fulfillment's state as one event: a cancelled fulfillment is Exception_Cancelled (and
     * nothing else: the carrier's last word no longer matters); otherwise its {@code shipment_status}
     * through {@link ShopifyStatuses#map}, when it has one. A value ShopifyStatuses does not know adds
     * no event, rather than a Pending one that would undo the shipment's progress. The event is dated
     * {@code updated_at} (else {@code created_at}); Shopify gives no time of the scan itself.
     */
    private static Optional<IncomingEvent> event(JsonNode f, String p, String fulfillmentId, JsonFields in) {
        String status = in.text(f, "status", p, 40);
        String shipmentStatus = in.text(f, "shipment_status", p, 60);
        OffsetDateTime updatedAt = in.value(f, "updated_at", p, PayloadFormats.TIME);
        OffsetDateTime createdAt = in.value(f, "created_at", p, PayloadFormats.TIME);
        boolean cancelled = "cancelled".equalsIgnoreCase(status);
        String raw;
        CanonicalStatus canonical;
        if (cancelled) {
            raw = "cancelled";
            canonical = CanonicalStatus.of(Substatus.Exception_Cancelled);
        } else if (shipmentStatus != null) {
            raw = shipmentStatus.toLowerCase(Locale.ROOT);
            canonical = ShopifyStatuses.map(shipmentStatus);
            if (canonical.status() == ShipmentStatus.Pending) {
                return Optional.empty();
            }
        } else {
            return Optional.empty();
        }
        OffsetDateTime occurredAt = updatedAt != null ? updatedAt : createdAt;
        if (occurredAt == null) {
            in.error(path(p, "updated_at"), "is required");
            return Optional.empty();
        }
        if (fulfillmentId == null) {
            return Optional.empty();
        }
        String message = cancelled ? "Fulfillment cancelled" : humanize(raw);
        return Optional.of(new IncomingEvent(occurredAt, canonical, raw, message, null, null, null, null, null, null,
                "shopify:" + fulfillmentId + ":" + raw));
    }

    /** {@code attempted_delivery} → "Attempted delivery". */
    private static String humanize(String status) {
        String words = status.replace('_', ' ').strip();
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
