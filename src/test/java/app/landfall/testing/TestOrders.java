package app.landfall.testing;

import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.ORDER_ITEMS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.SHIPMENT_ITEMS;

import app.landfall.auth.Tokens;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;

/** Orders for integration tests, written straight to the tables. */
public final class TestOrders {
    private TestOrders() {
    }

    /** The ids of an order and of its one line. */
    public record Placed(long orderId, long itemId) {
    }

    /**
     * An order placed 12 days before {@code now}, shipped 2 days later and delivered 5 days before
     * {@code now}, with one line: 2 × 40.00 of "Rain jacket" (SKU JKT-M), shipped to an address.
     */
    public static Placed delivered(DSLContext dsl, long merchantId, String number, OffsetDateTime now) {
        OffsetDateTime placed = now.minusDays(12);
        long order = dsl.insertInto(ORDERS).set(ORDERS.MERCHANT_ID, merchantId).set(ORDERS.ORDER_NUMBER, number)
                .set(ORDERS.CUSTOMER_NAME, "Zoë Müller").set(ORDERS.CUSTOMER_EMAIL, number.toLowerCase() + "@example.com")
                .set(ORDERS.SHIPPING_ADDRESS_LINE1, "12 Elm Street").set(ORDERS.SHIPPING_CITY, "Springfield")
                .set(ORDERS.SHIPPING_REGION, "OR").set(ORDERS.SHIPPING_POSTAL_CODE, "97477").set(ORDERS.SHIPPING_COUNTRY, "US")
                .set(ORDERS.PLACED_AT, placed)
                .returning(ORDERS.ID).fetchSingle(ORDERS.ID);
        long item = dsl.insertInto(ORDER_ITEMS).set(ORDER_ITEMS.MERCHANT_ID, merchantId).set(ORDER_ITEMS.ORDER_ID, order)
                .set(ORDER_ITEMS.SKU, "JKT-M").set(ORDER_ITEMS.TITLE, "Rain jacket").set(ORDER_ITEMS.QUANTITY, 2)
                .set(ORDER_ITEMS.UNIT_PRICE, new BigDecimal("40.00"))
                .returning(ORDER_ITEMS.ID).fetchSingle(ORDER_ITEMS.ID);
        long shipment = dsl.insertInto(SHIPMENTS).set(SHIPMENTS.MERCHANT_ID, merchantId).set(SHIPMENTS.ORDER_ID, order)
                .set(SHIPMENTS.CARRIER, "ups").set(SHIPMENTS.TRACKING_NUMBER, "1Z" + number.replaceAll("[^A-Za-z0-9]", ""))
                .set(SHIPMENTS.STATUS, "Delivered").set(SHIPMENTS.PUBLIC_TOKEN, Tokens.newToken())
                .set(SHIPMENTS.SHIPPED_AT, placed.plusDays(2)).set(SHIPMENTS.DELIVERED_AT, placed.plusDays(7))
                .returning(SHIPMENTS.ID).fetchSingle(SHIPMENTS.ID);
        dsl.insertInto(SHIPMENT_ITEMS).set(SHIPMENT_ITEMS.MERCHANT_ID, merchantId).set(SHIPMENT_ITEMS.SHIPMENT_ID, shipment)
                .set(SHIPMENT_ITEMS.ORDER_ITEM_ID, item).set(SHIPMENT_ITEMS.QUANTITY, 2).execute();
        return new Placed(order, item);
    }
}
