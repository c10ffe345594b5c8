package app.landfall.bench;

import static app.landfall.db.schema.Tables.BRANDS;
import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.ORDER_ITEMS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.SHIPMENT_ITEMS;
import static app.landfall.db.schema.Tables.TRACKING_EVENTS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.config.Config;
import app.landfall.config.ConfigException;
import app.landfall.db.Database;
import app.landfall.db.schema.tables.TrackingEvents;
import app.landfall.testing.TestDatabase;
import app.landfall.tracking.ShipmentStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.junit.jupiter.api.Test;

class BenchmarkDataIT {
    private static final String[] ARGS = {"--merchants", "2", "--shipments", "2000"};

    @Test
    void generates_orders_shipments_and_timelines_for_the_bench_merchants() {
        Config config = TestDatabase.config();
        BenchmarkData.run(config, ARGS);

        try (Database database = Database.start(config)) {
            DSLContext dsl = database.dsl();
            assertEquals(List.of("bench-1", "bench-2"),
                    dsl.select(MERCHANTS.SLUG).from(MERCHANTS).orderBy(MERCHANTS.SLUG).fetch(MERCHANTS.SLUG));
            assertEquals(2, dsl.fetchCount(BRANDS, BRANDS.IS_DEFAULT.isTrue()));
            assertEquals(2000, dsl.fetchCount(ORDERS));
            assertEquals(2000, dsl.fetchCount(SHIPMENTS));
            assertEquals(List.of(1000, 1000), dsl.select(count()).from(SHIPMENTS)
                    .groupBy(SHIPMENTS.MERCHANT_ID).fetch(count()));

            int items = dsl.fetchCount(ORDER_ITEMS);
            assertTrue(items >= 2000 && items <= 4000, "1-2 items per order, got " + items);
            assertEquals(items, dsl.fetchCount(SHIPMENT_ITEMS));
            int events = dsl.fetchCount(TRACKING_EVENTS);
            assertTrue(events > 2000 * 9 && events < 2000 * 11, "about 10 events per shipment, got " + events);

            Map<String, Integer> byStatus = dsl.select(SHIPMENTS.STATUS, count()).from(SHIPMENTS)
                    .groupBy(SHIPMENTS.STATUS).fetchMap(SHIPMENTS.STATUS, count());
            assertEquals(Arrays.stream(ShipmentStatus.values()).map(ShipmentStatus::code).collect(Collectors.toSet()),
                    byStatus.keySet(), "some shipments in every status");
            assertTrue(byStatus.get("Delivered") > byStatus.get("InTransit"), byStatus.toString());
            assertTrue(byStatus.get("InTransit") > byStatus.get("Exception"), byStatus.toString());
        }
    }

    @Test
    void every_shipment_shows_the_status_of_its_newest_event() {
        Config config = TestDatabase.config();
        BenchmarkData.run(config, ARGS);

        try (Database database = Database.start(config)) {
            DSLContext dsl = database.dsl();
            assertEquals(0, dsl.fetchCount(SHIPMENTS, SHIPMENTS.STATUS.isDistinctFrom(newestEvent(EVENT.STATUS))));
            assertEquals(0, dsl.fetchCount(SHIPMENTS, SHIPMENTS.SUBSTATUS.isDistinctFrom(newestEvent(EVENT.SUBSTATUS))));
            assertEquals(0, dsl.fetchCount(SHIPMENTS, SHIPMENTS.LAST_EVENT_AT.isDistinctFrom(newestEvent(EVENT.OCCURRED_AT))));
            assertEquals(0, dsl.fetchCount(SHIPMENTS, SHIPMENTS.STATUS.eq("Delivered").and(SHIPMENTS.DELIVERED_AT.isNull())));
            assertEquals(0, dsl.fetchCount(SHIPMENTS, SHIPMENTS.STATUS.ne("Delivered").and(SHIPMENTS.DELIVERED_AT.isNotNull())));
            assertEquals(0, dsl.fetchCount(TRACKING_EVENTS, TRACKING_EVENTS.SOURCE.ne("synthetic")));
        }
    }

    @Test
    void running_twice_adds_as_much_again_to_the_same_merchants() {
        Config config = TestDatabase.config();
        BenchmarkData.run(config, ARGS);
        int itemsOnce;
        int eventsOnce;
        try (Database database = Database.start(config)) {
            itemsOnce = database.dsl().fetchCount(ORDER_ITEMS);
            eventsOnce = database.dsl().fetchCount(TRACKING_EVENTS);
        }

        BenchmarkData.run(config, ARGS);

        try (Database database = Database.start(config)) {
            DSLContext dsl = database.dsl();
            assertEquals(2, dsl.fetchCount(MERCHANTS));
            assertEquals(2, dsl.fetchCount(BRANDS));
            assertEquals(4000, dsl.fetchCount(ORDERS));
            assertEquals(4000, dsl.fetchCount(SHIPMENTS));
            int items = dsl.fetchCount(ORDER_ITEMS);
            int events = dsl.fetchCount(TRACKING_EVENTS);
            assertTrue(items > itemsOnce * 1.8 && items < itemsOnce * 2.2, itemsOnce + " then " + items);
            assertEquals(items, dsl.fetchCount(SHIPMENT_ITEMS));
            assertTrue(events > eventsOnce * 1.8 && events < eventsOnce * 2.2, eventsOnce + " then " + events);
        }
    }

    @Test
    void rejects_an_unknown_option_before_touching_the_database() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> BenchmarkData.run(Config.from(Map.of()), new String[] {"--shipment", "5"}));
        assertTrue(e.getMessage().contains("unknown option \"--shipment\""), e.getMessage());
        assertTrue(e.getMessage().contains("usage:"), e.getMessage());
    }

    @Test
    void rejects_a_count_that_is_not_a_number() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> BenchmarkData.run(Config.from(Map.of()), new String[] {"--shipments", "lots"}));
        assertEquals("generate-data: --shipments must be a whole number from 1 to 1,000,000,000, got \"lots\"", e.getMessage());
    }

    private static final TrackingEvents EVENT = TRACKING_EVENTS.as("event");

    /** A column of the shipment's newest event (a subquery correlated with SHIPMENTS). */
    private static <T> Field<T> newestEvent(Field<T> column) {
        return select(column).from(EVENT)
                .where(EVENT.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID), EVENT.SHIPMENT_ID.eq(SHIPMENTS.ID))
                .orderBy(EVENT.OCCURRED_AT.desc(), EVENT.ID.desc())
                .limit(1)
                .asField();
    }
}
