package app.landfall.hooks;

import static app.landfall.hooks.HookFixtures.REMOVE;
import static app.landfall.hooks.HookFixtures.edit;
import static app.landfall.hooks.HookFixtures.errors;
import static app.landfall.hooks.HookFixtures.json;
import static app.landfall.hooks.HookFixtures.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.landfall.orders.Address;
import app.landfall.orders.OrderUpsert;
import app.landfall.tracking.CanonicalStatus;
import app.landfall.tracking.IncomingEvent;
import app.landfall.tracking.ShipmentStatus;
import app.landfall.tracking.ShipmentUpsert;
import app.landfall.tracking.Substatus;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fixtures are the REST Admin API's documented resources, which is what Shopify posts as the
 * webhook body: shopify-orders-create.json is the Order example of the Order resource (order
 * 450789469, "#1001", Bob Norman, three iPod Nano lines, TENOFF, its failed USPS fulfillment
 * 255858046; the refunds left out); shopify-fulfillments-create.json is the Fulfillment example of
 * "Create a fulfillment" with a UPS tracking number (fulfillment 1069019887 of the same order), and
 * shopify-fulfillments-update.json the same fulfillment after the carrier reported it in transit
 * ({@code shipment_status}, {@code updated_at}).
 */
class ShopifyWebhookTest {
    private static final ObjectNode ORDER = load("shopify-orders-create.json");
    private static final ObjectNode FULFILLMENT = load("shopify-fulfillments-create.json");
    private static final ObjectNode FULFILLMENT_UPDATE = load("shopify-fulfillments-update.json");
    private static final String WEBHOOK_ID = "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043";

    private static final List<OrderUpsert.Item> ORDER_ITEMS = List.of(
            new OrderUpsert.Item("466157049", "IPOD2008GREEN", "IPod Nano - 8gb", "green", 1, new BigDecimal("199.00"),
                    null, List.of(), false),
            new OrderUpsert.Item("518995019", "IPOD2008RED", "IPod Nano - 8gb", "red", 1, new BigDecimal("199.00"),
                    null, List.of(), false),
            new OrderUpsert.Item("703073504", "IPOD2008BLACK", "IPod Nano - 8gb", "black", 1, new BigDecimal("199.00"),
                    null, List.of(), false));

    private static OrderUpsert orderOf(ObjectNode body) throws InvalidPayload {
        WebhookContent content = ShopifyWebhook.parse("orders/create", WEBHOOK_ID, body);
        assertEquals(1, content.orders().size());
        return content.orders().get(0);
    }

    private static List<ShipmentUpsert> shipmentsOf(String topic, ObjectNode body) throws InvalidPayload {
        return ShopifyWebhook.parse(topic, WEBHOOK_ID, body).shipments();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"orders/create", "orders/updated"})
    void the_documented_order_is_an_order_and_a_shipment_per_tracked_fulfillment(String topic) throws InvalidPayload {
        WebhookContent content = ShopifyWebhook.parse(topic, WEBHOOK_ID, ORDER);

        assertEquals(WEBHOOK_ID, content.deliveryId());
        assertEquals(List.of(new OrderUpsert("1001", "450789469", "Bob Norman", "bob.norman@mail.example.com",
                "+557734881234", new Address("Chestnut Street 92", null, "Louisville", "KY", "40202", "US"),
                OffsetDateTime.parse("2008-01-10T11:00:00-05:00"), null, "USD", new BigDecimal("597.00"),
                new BigDecimal("0.00"), new BigDecimal("11.94"), new BigDecimal("10.00"), new BigDecimal("598.94"),
                ORDER_ITEMS)), content.orders());
        // the fulfillment failed and has no shipment_status: a shipment, but nothing has happened to it
        assertEquals(List.of(new ShipmentUpsert("1001", "450789469", "usps", null, "1Z2345", null, null,
                List.of(new ShipmentUpsert.Item("466157049", "IPOD2008GREEN", 1)), List.of())), content.shipments());
    }

    @Test
    void the_documented_fulfillment_is_a_shipment_of_the_order() throws InvalidPayload {
        WebhookContent content = ShopifyWebhook.parse("fulfillments/create", WEBHOOK_ID, FULFILLMENT);

        assertEquals(new WebhookContent(WEBHOOK_ID, List.of(), List.of(new ShipmentUpsert(null, "450789469", "ups", null,
                "1Z001985YW99744790", null, null, List.of(new ShipmentUpsert.Item("1071823198", "crappy_shoes_red", 1)),
                List.of()))), content);
    }

    @Test
    void a_shipment_status_is_one_event_keyed_by_fulfillment_and_status() throws InvalidPayload {
        List<ShipmentUpsert> shipments = shipmentsOf("fulfillments/update", FULFILLMENT_UPDATE);

        IncomingEvent expected = new IncomingEvent(OffsetDateTime.parse("2023-10-04T08:15:00-04:00"),
                CanonicalStatus.of(ShipmentStatus.InTransit), "in_transit", "In transit", null, null, null, null, null,
                null, "shopify:1069019887:in_transit");
        assertEquals(List.of(expected), shipments.get(0).events());
        // stable across redeliveries, and the same status at a later update is the same event
        assertEquals(shipments, shipmentsOf("fulfillments/update", FULFILLMENT_UPDATE.deepCopy()));
        ObjectNode later = edit(FULFILLMENT_UPDATE, "updated_at", "\"2023-10-05T08:15:00-04:00\"");
        assertEquals(expected.dedupeKey(), shipmentsOf("fulfillments/update", later).get(0).events().get(0).dedupeKey());
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(nullValues = "-", value = {
        "label_printed, InfoReceived, InfoReceived_LabelCreated, Label printed",
        "label_purchased, InfoReceived, InfoReceived_LabelCreated, Label purchased",
        "confirmed, InfoReceived, -, Confirmed",
        "carrier_picked_up, InTransit, InTransit_PickedUp, Carrier picked up",
        "in_transit, InTransit, -, In transit",
        "IN_TRANSIT, InTransit, -, In transit",
        "out_for_delivery, OutForDelivery, -, Out for delivery",
        "attempted_delivery, AttemptFail, -, Attempted delivery",
        "ready_for_pickup, AvailableForPickup, AvailableForPickup_PickupPoint, Ready for pickup",
        "picked_up, Delivered, Delivered_PickedUp, Picked up",
        "delayed, Exception, Exception_Delayed, Delayed",
        "delivered, Delivered, -, Delivered",
        "failure, Exception, -, Failure",
    })
    void shipment_statuses_go_through_ShopifyStatuses(String shipmentStatus, ShipmentStatus status, Substatus substatus,
                                                      String message) throws InvalidPayload {
        ObjectNode body = edit(FULFILLMENT_UPDATE, "shipment_status", '"' + shipmentStatus + '"');
        IncomingEvent event = shipmentsOf("fulfillments/update", body).get(0).events().get(0);
        String raw = shipmentStatus.toLowerCase();
        assertEquals(new CanonicalStatus(status, substatus), event.status());
        assertEquals(raw, event.rawStatus());
        assertEquals(message, event.message());
        assertEquals("shopify:1069019887:" + raw, event.dedupeKey());
    }

    @Test
    void an_unknown_shipment_status_adds_no_event_rather_than_a_pending_one() throws InvalidPayload {
        ObjectNode body = edit(FULFILLMENT_UPDATE, "shipment_status", "\"teleported\"");
        assertEquals(List.of(), shipmentsOf("fulfillments/update", body).get(0).events());
    }

    @Test
    void a_cancelled_fulfillment_is_a_cancellation_whatever_the_carrier_said() throws InvalidPayload {
        ObjectNode body = edit(FULFILLMENT_UPDATE, "status", "\"cancelled\"");
        List<IncomingEvent> events = shipmentsOf("fulfillments/update", body).get(0).events();

        assertEquals(List.of(new IncomingEvent(OffsetDateTime.parse("2023-10-04T08:15:00-04:00"),
                CanonicalStatus.of(Substatus.Exception_Cancelled), "cancelled", "Fulfillment cancelled", null, null, null,
                null, null, null, "shopify:1069019887:cancelled")), events);
    }

    @Test
    void the_event_falls_back_to_created_at() throws InvalidPayload {
        ObjectNode body = edit(FULFILLMENT_UPDATE, "updated_at", REMOVE);
        assertEquals(OffsetDateTime.parse("2023-10-03T13:22:34-04:00"),
                shipmentsOf("fulfillments/update", body).get(0).events().get(0).occurredAt());
        // without either there is no time to put it at
        ObjectNode neither = edit(body, "created_at", "null");
        assertEquals(List.of(Map.of("field", "updated_at", "message", "is required")),
                errors(() -> ShopifyWebhook.parse("fulfillments/update", WEBHOOK_ID, neither)));
    }

    @Test
    void every_distinct_tracking_number_is_a_shipment_and_unusable_ones_are_skipped() throws InvalidPayload {
        ObjectNode body = edit(FULFILLMENT_UPDATE, "tracking_numbers",
                "[\"1Z001985YW99744790\", \"1Z001985YW99744791\", \"1z 001985 yw99744790\", \"N/A\", \"\", \"123\"]");
        List<ShipmentUpsert> shipments = shipmentsOf("fulfillments/update", body);

        assertEquals(List.of("1Z001985YW99744790", "1Z001985YW99744791"),
                shipments.stream().map(ShipmentUpsert::trackingNumber).toList());
        // Shopify does not say which package holds what: each carries the fulfillment's items and its event
        assertEquals(shipments.get(0).items(), shipments.get(1).items());
        assertEquals(shipments.get(0).events(), shipments.get(1).events());
    }

    @Test
    void tracking_number_is_read_when_tracking_numbers_is_missing_or_empty() throws InvalidPayload {
        for (String numbers : List.of("[]", "null", REMOVE)) {
            ObjectNode body = edit(FULFILLMENT, "tracking_numbers", numbers);
            assertEquals("1Z001985YW99744790", shipmentsOf("fulfillments/create", body).get(0).trackingNumber());
        }
    }

    @Test
    void a_fulfillment_without_a_tracking_number_is_no_shipment() throws InvalidPayload {
        // the documented fulfillment created without tracking info
        ObjectNode body = edit(edit(FULFILLMENT, "tracking_numbers", "[]"), "tracking_number", "null");
        assertEquals(new WebhookContent(WEBHOOK_ID, List.of(), List.of()),
                ShopifyWebhook.parse("fulfillments/create", WEBHOOK_ID, body));
        ObjectNode order = edit(ORDER, "fulfillments[0].tracking_numbers", "[\"N/A\"]");
        assertEquals(List.of(), ShopifyWebhook.parse("orders/updated", WEBHOOK_ID, order).shipments());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "-", value = {
        "UPS, ups", "USPS, usps", "FedEx, fedex", "'DHL Express', dhl", "'DHL eCommerce', dhl",
        "'DHL eCommerce Asia', dhl", "Amazon, amazon", "'Amazon Logistics US', amazon", "'Amazon Logistics UK', amazon",
        "OnTrac, ontrac", "'ups ', ups",
        // Shopify's many other carriers and the merchant's own names: detect from the number
        "'Canada Post', -", "'Royal Mail', -", "Other, -", "'My Courier', -", "'', -", "-, -",
    })
    void tracking_companies_map_to_carrier_codes(String company, String carrier) throws InvalidPayload {
        ObjectNode body = edit(FULFILLMENT, "tracking_company", company == null ? "null" : '"' + company + '"');
        assertEquals(carrier, shipmentsOf("fulfillments/create", body).get(0).carrier());
    }

    @ParameterizedTest(name = "name {0}, order_number {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
        "'\"#1001\"', 1001, 1001",
        "'\"1001\"', 1001, 1001",
        "'\"#EU-1001-B\"', 1001, EU-1001-B",
        "'\"ABC1001\"', 1001, ABC1001",
        "'\"#\"', 1001, 1001",
        "null, 1001, 1001",
        "'\"\"', '\"1001\"', 1001",
    })
    void the_order_number_is_the_name_without_its_hash(String name, String orderNumber, String expected)
            throws InvalidPayload {
        ObjectNode body = edit(edit(ORDER, "name", name), "order_number", orderNumber);
        assertEquals(expected, orderOf(body).orderNumber());
    }

    @Test
    void the_customer_name_falls_back_to_the_shipping_address() throws InvalidPayload {
        assertEquals("Bob Norman", orderOf(edit(ORDER, "customer", REMOVE)).customerName());
        assertEquals("Norman", orderOf(edit(ORDER, "customer.first_name", "null")).customerName());
        ObjectNode anonymous = edit(edit(ORDER, "customer", REMOVE), "shipping_address", REMOVE);
        OrderUpsert order = orderOf(anonymous);
        assertNull(order.customerName());
        assertNull(order.shippingAddress());
    }

    @Test
    void email_is_lower_cased_and_falls_back_to_the_contact_and_customer_email() throws InvalidPayload {
        assertEquals("bob.norman@mail.example.com",
                orderOf(edit(ORDER, "email", "\"Bob.Norman@Mail.Example.COM\"")).customerEmail());
        ObjectNode noEmail = edit(edit(ORDER, "email", "\"\""), "contact_email", REMOVE);
        assertEquals("bob.norman@mail.example.com", orderOf(noEmail).customerEmail());
        ObjectNode none = edit(edit(noEmail, "customer.email", "null"), "email", "\"not an address\"");
        assertNull(orderOf(none).customerEmail());
    }

    @Test
    void phone_falls_back_to_the_customer_then_the_shipping_address() throws InvalidPayload {
        ObjectNode noPhone = edit(ORDER, "phone", "null");
        assertEquals("+16136120707", orderOf(noPhone).customerPhone());
        assertEquals("555-625-1199", orderOf(edit(noPhone, "customer.phone", "null")).customerPhone());
    }

    @Test
    void the_region_is_the_province_code_else_the_province() throws InvalidPayload {
        Address address = orderOf(edit(ORDER, "shipping_address.province_code", "null")).shippingAddress();
        assertEquals("Kentucky", address.region());
        assertEquals("US", address.country());
    }

    @Test
    void lines_removed_by_an_order_edit_are_not_items_and_absent_lines_leave_items_alone() throws InvalidPayload {
        assertEquals(ORDER_ITEMS.subList(0, 2), orderOf(edit(ORDER, "line_items[2].quantity", "0")).items());
        assertNull(orderOf(edit(ORDER, "line_items", REMOVE)).items());
    }

    @Test
    void amounts_may_be_numbers_and_missing_ones_are_null() throws InvalidPayload {
        ObjectNode body = edit(edit(ORDER, "total_price", "598.94"), "total_shipping_price_set", REMOVE);
        OrderUpsert order = orderOf(body);
        assertEquals(new BigDecimal("598.94"), order.totalAmount());
        assertNull(order.shippingAmount());
    }

    @ParameterizedTest(name = "topic [{0}]")
    @ValueSource(strings = {"orders/paid", "orders/cancelled", "orders/fulfilled", "fulfillment_events/create",
        "products/create", "app/uninstalled", "customers/data_request", ""})
    @NullSource
    void other_topics_are_acknowledged_without_content(String topic) throws InvalidPayload {
        assertEquals(new WebhookContent(WEBHOOK_ID, List.of(), List.of()),
                ShopifyWebhook.parse(topic, WEBHOOK_ID, ORDER));
        // whatever the body
        assertEquals(new WebhookContent(WEBHOOK_ID, List.of(), List.of()),
                ShopifyWebhook.parse(topic, WEBHOOK_ID, json("[]")));
    }

    @Test
    void topics_are_matched_ignoring_case_and_spaces() throws InvalidPayload {
        assertEquals(1, ShopifyWebhook.parse(" Orders/Updated ", WEBHOOK_ID, ORDER).orders().size());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "id                                   | <remove>         | id                                   | is required",
        "id                                   | 4.5              | id                                   | must be a string or a whole number",
        "created_at                           | <remove>         | created_at                           | is required",
        "created_at                           | '\"10/01/2008\"' | created_at                           | must be an ISO-8601 time such as 2024-05-01T10:33:38+08:00",
        "currency                             | '\"usd\"'        | currency                             | must be an ISO 4217 code such as USD",
        "currency                             | '\"US Dollar\"'  | currency                             | must be at most 3 characters",
        "total_price                          | '\"598,94\"'     | total_price                          | must be a non-negative decimal amount such as \"19.99\"",
        "total_tax                            | '\"-1.00\"'      | total_tax                            | must be a non-negative decimal amount such as \"19.99\"",
        "subtotal_price                       | true             | subtotal_price                       | must be a non-negative decimal amount such as \"19.99\"",
        "total_shipping_price_set             | '\"0.00\"'       | total_shipping_price_set             | must be an object",
        "total_shipping_price_set.shop_money.amount | '\"free\"' | total_shipping_price_set.shop_money.amount | must be a non-negative decimal amount such as \"19.99\"",
        "customer                             | '\"Bob\"'        | customer                             | must be an object",
        "shipping_address                     | '[]'             | shipping_address                     | must be an object",
        "shipping_address.country_code        | '\"USA\"'        | shipping_address.country_code        | must be an ISO 3166-1 alpha-2 code such as US",
        "email                                | 12               | email                                | must be a string",
        "line_items                           | '{}'             | line_items                           | must be an array",
        "line_items[1]                        | '\"red\"'        | line_items[1]                        | must be an object",
        "line_items[1].id                     | <remove>         | line_items[1].id                     | is required",
        "line_items[1].quantity               | '\"1\"'          | line_items[1].quantity               | must be a whole number",
        "line_items[1].quantity               | <remove>         | line_items[1].quantity               | is required",
        "line_items[2].title                  | null             | line_items[2].title                  | is required",
        "line_items[2].price                  | '\"$199\"'       | line_items[2].price                  | must be a non-negative decimal amount such as \"19.99\"",
        "fulfillments                         | '{}'             | fulfillments                         | must be an array",
        "fulfillments[0]                      | 255858046        | fulfillments[0]                      | must be an object",
        "fulfillments[0].id                   | <remove>         | fulfillments[0].id                   | is required",
        "fulfillments[0].tracking_numbers     | '\"1Z2345\"'     | fulfillments[0].tracking_numbers     | must be an array",
        "fulfillments[0].tracking_numbers[0]  | 12345            | fulfillments[0].tracking_numbers[0]  | must be a string",
        "fulfillments[0].line_items[0].quantity | 1.5            | fulfillments[0].line_items[0].quantity | must be a whole number",
        "fulfillments[0].updated_at           | '\"yesterday\"'  | fulfillments[0].updated_at           | must be an ISO-8601 time such as 2024-05-01T10:33:38+08:00",
    })
    void a_malformed_order_is_refused_with_the_path_of_each_problem(String path, String literal, String field,
                                                                   String message) {
        List<Map<String, String>> errors = errors(() -> ShopifyWebhook.parse("orders/updated", WEBHOOK_ID,
                edit(ORDER, path, literal)));
        assertEquals(List.of(Map.of("field", field, "message", message)), errors);
    }

    @Test
    void an_order_needs_a_name_or_an_order_number() {
        ObjectNode body = edit(edit(ORDER, "name", REMOVE), "order_number", REMOVE);
        assertEquals(List.of(Map.of("field", "name", "message", "is required")),
                errors(() -> ShopifyWebhook.parse("orders/create", WEBHOOK_ID, body)));
        ObjectNode tooLong = edit(ORDER, "name", '"' + "#" + "9".repeat(65) + '"');
        assertEquals(List.of(Map.of("field", "name", "message", "must be at most 64 characters")),
                errors(() -> ShopifyWebhook.parse("orders/create", WEBHOOK_ID, tooLong)));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "order_id                | <remove>         | order_id                | is required",
        "order_id                | '{}'             | order_id                | must be a string or a whole number",
        "id                      | <remove>         | id                      | is required",
        "tracking_company        | 1                | tracking_company        | must be a string",
        "tracking_numbers        | '{}'             | tracking_numbers        | must be an array",
        "shipment_status         | 3                | shipment_status         | must be a string",
        "updated_at              | '\"2023-13-04\"' | updated_at              | must be an ISO-8601 time such as 2024-05-01T10:33:38+08:00",
        "line_items[0].id        | '[]'             | line_items[0].id        | must be a string or a whole number",
        "line_items[0]           | 'null'           | line_items[0]           | must be an object",
    })
    void a_malformed_fulfillment_is_refused_with_the_path_of_each_problem(String path, String literal, String field,
                                                                         String message) {
        List<Map<String, String>> errors = errors(() -> ShopifyWebhook.parse("fulfillments/update", WEBHOOK_ID,
                edit(FULFILLMENT_UPDATE, path, literal)));
        assertEquals(List.of(Map.of("field", field, "message", message)), errors);
    }

    @Test
    void a_body_that_is_not_an_object_is_refused() {
        assertEquals(List.of(Map.of("field", "$", "message", "must be a JSON object")),
                errors(() -> ShopifyWebhook.parse("orders/create", WEBHOOK_ID, json("[]"))));
        assertEquals(List.of(Map.of("field", "$", "message", "must be a JSON object")),
                errors(() -> ShopifyWebhook.parse("fulfillments/create", WEBHOOK_ID, null)));
    }
}
