package app.landfall.db;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.ORDER_ITEMS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.TRACKING_EVENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.landfall.auth.Tokens;
import app.landfall.testing.TestDatabase;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The database itself refuses data that must never exist. */
class SchemaIT {
    private static Database database;
    private static DSLContext dsl;
    private static long shop;
    private static long otherShop;
    private static long order;
    private static long otherShopsOrder;
    private static long shipment;

    @BeforeAll
    static void migrate() {
        database = Database.start(TestDatabase.config());
        dsl = database.dsl();
        shop = merchant("shop");
        otherShop = merchant("other-shop");
        order = order(shop, "1001");
        otherShopsOrder = order(otherShop, "2001");
        shipment = dsl.insertInto(SHIPMENTS)
                .set(SHIPMENTS.MERCHANT_ID, shop).set(SHIPMENTS.ORDER_ID, order)
                .set(SHIPMENTS.CARRIER, "ups").set(SHIPMENTS.TRACKING_NUMBER, "1Z999AA10123456784")
                .set(SHIPMENTS.PUBLIC_TOKEN, Tokens.newToken())
                .returning(SHIPMENTS.ID).fetchOne().getId();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    private static long merchant(String slug) {
        return dsl.insertInto(MERCHANTS).set(MERCHANTS.SLUG, slug).set(MERCHANTS.NAME, slug)
                .returning(MERCHANTS.ID).fetchOne().getId();
    }

    private static long order(long merchant, String number) {
        return dsl.insertInto(ORDERS).set(ORDERS.MERCHANT_ID, merchant).set(ORDERS.ORDER_NUMBER, number)
                .set(ORDERS.PLACED_AT, OffsetDateTime.now())
                .returning(ORDERS.ID).fetchOne().getId();
    }

    private static void refused(String sqlState, Executable write) {
        DataAccessException e = assertThrows(DataAccessException.class, write);
        assertEquals(sqlState, e.sqlState(), e.getMessage());
    }

    private static void insertReturn(long merchant, long orderId, String rma) {
        dsl.insertInto(RETURNS)
                .set(RETURNS.MERCHANT_ID, merchant).set(RETURNS.ORDER_ID, orderId).set(RETURNS.RMA_NUMBER, rma)
                .set(RETURNS.RESOLUTION, "refund").set(RETURNS.METHOD, "qr_dropoff")
                .set(RETURNS.PUBLIC_TOKEN, Tokens.newToken())
                .execute();
    }

    @Test
    void refuses_a_negative_or_zero_quantity() {
        for (int quantity : new int[] {-1, 0}) {
            refused("23514", () -> dsl.insertInto(ORDER_ITEMS)
                    .set(ORDER_ITEMS.MERCHANT_ID, shop).set(ORDER_ITEMS.ORDER_ID, order)
                    .set(ORDER_ITEMS.TITLE, "Wool socks").set(ORDER_ITEMS.QUANTITY, quantity)
                    .execute());
        }
    }

    @Test
    void refuses_a_duplicate_rma_number_within_a_merchant_but_not_across_merchants() {
        insertReturn(shop, order, "RMA-1");
        refused("23505", () -> insertReturn(shop, order, "RMA-1"));
        insertReturn(otherShop, otherShopsOrder, "RMA-1");
    }

    @Test
    void refuses_a_row_pointing_at_another_merchants_order() {
        refused("23503", () -> dsl.insertInto(ORDER_ITEMS)
                .set(ORDER_ITEMS.MERCHANT_ID, shop).set(ORDER_ITEMS.ORDER_ID, otherShopsOrder)
                .set(ORDER_ITEMS.TITLE, "Wool socks").set(ORDER_ITEMS.QUANTITY, 1)
                .execute());
        refused("23503", () -> insertReturn(shop, otherShopsOrder, "RMA-X"));
    }

    @Test
    void refuses_a_second_shipment_with_the_same_carrier_and_tracking_number() {
        refused("23505", () -> dsl.insertInto(SHIPMENTS)
                .set(SHIPMENTS.MERCHANT_ID, shop).set(SHIPMENTS.CARRIER, "ups")
                .set(SHIPMENTS.TRACKING_NUMBER, "1Z999AA10123456784").set(SHIPMENTS.PUBLIC_TOKEN, Tokens.newToken())
                .execute());
    }

    @Test
    void stores_an_event_once_per_dedupe_key() {
        insertEvent("evt-1", "InTransit", null);
        refused("23505", () -> insertEvent("evt-1", "InTransit", null));
        assertEquals(1, dsl.fetchCount(TRACKING_EVENTS, TRACKING_EVENTS.DEDUPE_KEY.eq("evt-1")));
    }

    @Test
    void refuses_unknown_statuses_and_substatuses_of_another_status() {
        refused("23503", () -> insertEvent("evt-2", "Teleported", null));
        refused("23503", () -> insertEvent("evt-3", "InTransit", "Delivered_Signed"));
        insertEvent("evt-4", "Delivered", "Delivered_Signed");
    }

    @Test
    void refuses_lowercase_or_spaced_tracking_numbers_and_bad_enumerations() {
        refused("23514", () -> dsl.insertInto(SHIPMENTS)
                .set(SHIPMENTS.MERCHANT_ID, shop).set(SHIPMENTS.CARRIER, "ups")
                .set(SHIPMENTS.TRACKING_NUMBER, "1z 999").set(SHIPMENTS.PUBLIC_TOKEN, Tokens.newToken())
                .execute());
        refused("23514", () -> dsl.insertInto(SHIPMENTS)
                .set(SHIPMENTS.MERCHANT_ID, shop).set(SHIPMENTS.CARRIER, "ups").set(SHIPMENTS.DIRECTION, "sideways")
                .set(SHIPMENTS.TRACKING_NUMBER, "1Z999AA10123456785").set(SHIPMENTS.PUBLIC_TOKEN, Tokens.newToken())
                .execute());
        refused("23514", () -> dsl.insertInto(MERCHANTS).set(MERCHANTS.SLUG, "admin").set(MERCHANTS.NAME, "x").execute());
    }

    private static void insertEvent(String dedupeKey, String status, String substatus) {
        dsl.insertInto(TRACKING_EVENTS)
                .set(TRACKING_EVENTS.MERCHANT_ID, shop).set(TRACKING_EVENTS.SHIPMENT_ID, shipment)
                .set(TRACKING_EVENTS.OCCURRED_AT, OffsetDateTime.now())
                .set(TRACKING_EVENTS.STATUS, status).set(TRACKING_EVENTS.SUBSTATUS, substatus)
                .set(TRACKING_EVENTS.SOURCE, "api").set(TRACKING_EVENTS.DEDUPE_KEY, dedupeKey)
                .execute();
    }
}
