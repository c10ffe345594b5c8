package app.landfall.demo;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.MERCHANT_USERS;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.ORDER_ITEMS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_ITEMS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.SHIPMENT_ITEMS;
import static app.landfall.db.schema.Tables.TRACKING_EVENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.sum;

import app.landfall.auth.Passwords;
import app.landfall.carriers.TrackingNumbers;
import app.landfall.db.Database;
import app.landfall.db.schema.tables.records.ReturnsRecord;
import app.landfall.db.schema.tables.records.ShipmentsRecord;
import app.landfall.db.schema.tables.records.TrackingEventsRecord;
import app.landfall.testing.TestDatabase;
import app.landfall.tracking.ShipmentStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Result;
import org.jooq.Table;
import org.junit.jupiter.api.Test;

class DemoDataIT {
    private final Instant now = Instant.now();
    private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);

    private Database seededDatabase() {
        Database db = Database.start(TestDatabase.config());
        long started = System.nanoTime();
        assertTrue(DemoData.seedIfEmpty(db.dsl(), clock));
        System.out.printf("DemoDataIT: seeded the demo store in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        return db;
    }

    @Test
    void seeds_one_store_with_about_fifty_orders_and_an_owner_who_can_sign_in() {
        try (Database db = seededDatabase()) {
            DSLContext dsl = db.dsl();
            assertEquals(1, dsl.fetchCount(MERCHANTS, MERCHANTS.SLUG.eq(DemoData.SLUG)));
            int orders = dsl.fetchCount(ORDERS);
            assertTrue(orders >= 45 && orders <= 55, "orders: " + orders);
            String hash = dsl.select(MERCHANT_USERS.PASSWORD_HASH).from(MERCHANT_USERS)
                    .where(MERCHANT_USERS.ROLE.eq("owner")).fetchSingle(MERCHANT_USERS.PASSWORD_HASH);
            assertTrue(Passwords.matches(DemoData.OWNER_PASSWORD, hash));
            var links = DemoLinks.find(dsl, "http://localhost").orElseThrow();
            assertTrue(links.trackingPage().startsWith("http://localhost/t/"), links.trackingPage());
        }
    }

    @Test
    void seeding_again_returns_false_and_changes_nothing() {
        try (Database db = seededDatabase()) {
            List<Table<?>> tables = List.of(MERCHANTS, MERCHANT_USERS, ORDERS, ORDER_ITEMS, SHIPMENTS, SHIPMENT_ITEMS,
                    TRACKING_EVENTS, RETURNS, RETURN_ITEMS);
            List<Integer> before = tables.stream().map(db.dsl()::fetchCount).toList();
            assertFalse(DemoData.seedIfEmpty(db.dsl(), clock));
            assertEquals(before, tables.stream().map(db.dsl()::fetchCount).toList());
        }
    }

    @Test
    void shipments_cover_every_status_and_agree_with_their_newest_event() {
        try (Database db = seededDatabase()) {
            DSLContext dsl = db.dsl();
            List<ShipmentsRecord> shipments = dsl.selectFrom(SHIPMENTS).fetch();
            Set<String> statuses = shipments.stream().map(ShipmentsRecord::getStatus).collect(Collectors.toSet());
            assertEquals(Arrays.stream(ShipmentStatus.values()).map(ShipmentStatus::code).collect(Collectors.toSet()), statuses);

            Map<Long, Result<TrackingEventsRecord>> events = dsl.selectFrom(TRACKING_EVENTS)
                    .orderBy(TRACKING_EVENTS.OCCURRED_AT, TRACKING_EVENTS.ID)
                    .fetchGroups(TRACKING_EVENTS.SHIPMENT_ID);
            for (ShipmentsRecord shipment : shipments) {
                boolean waiting = shipment.getStatus().equals("AvailableForPickup");
                assertEquals(waiting, shipment.getPickupLocation() != null,
                        shipment.getTrackingNumber() + ": a parcel waiting for pickup says where, and only then");
                if (waiting) {
                    assertTrue(shipment.getPickupDeadline().isAfter(shipment.getStatusChangedAt().toLocalDate()),
                            "the last day to collect comes after the parcel arrived there");
                }
                List<TrackingEventsRecord> history = events.containsKey(shipment.getId()) ? events.get(shipment.getId()) : List.of();
                String which = shipment.getTrackingNumber() + " (" + shipment.getStatus() + ")";
                if (shipment.getStatus().equals("Pending")) {
                    assertTrue(history.isEmpty(), which);
                    continue;
                }
                TrackingEventsRecord newest = history.get(history.size() - 1);
                assertEquals(newest.getOccurredAt().toInstant(), shipment.getLastEventAt().toInstant(), which);
                assertEquals(history.get(0).getOccurredAt().toInstant(), shipment.getShippedAt().toInstant(), which);
                if (shipment.getStatus().equals("Expired")) {
                    // we stop tracking a label nobody scanned for 30 days; the carrier sent no event for that
                    assertEquals(List.of("InfoReceived"), history.stream().map(TrackingEventsRecord::getStatus).toList(), which);
                    assertTrue(newest.getOccurredAt().toInstant().isBefore(now.minus(Duration.ofDays(30))), which);
                    continue;
                }
                assertEquals(newest.getStatus(), shipment.getStatus(), which);
                assertEquals(newest.getSubstatus(), shipment.getSubstatus(), which);
                if (shipment.getStatus().equals("Delivered")) {
                    assertEquals(newest.getOccurredAt(), shipment.getDeliveredAt(), which);
                } else {
                    assertNull(shipment.getDeliveredAt(), which);
                }
            }
        }
    }

    @Test
    void every_event_lies_in_the_past_in_order_and_from_the_demo() {
        try (Database db = seededDatabase()) {
            Map<Long, Result<TrackingEventsRecord>> events = db.dsl().selectFrom(TRACKING_EVENTS)
                    .orderBy(TRACKING_EVENTS.ID)
                    .fetchGroups(TRACKING_EVENTS.SHIPMENT_ID);
            assertTrue(events.values().stream().mapToInt(List::size).sum() > 300);
            for (List<TrackingEventsRecord> history : events.values()) {
                Instant previous = Instant.MIN;
                for (TrackingEventsRecord event : history) {
                    Instant at = event.getOccurredAt().toInstant();
                    assertTrue(at.isAfter(previous), event::toString);
                    assertTrue(event.getReceivedAt().toInstant().isBefore(now), event::toString);
                    assertEquals("demo", event.getSource());
                    assertNotNull(event.getOccurredTimezone());
                    assertNotNull(event.getCity());
                    previous = at;
                }
            }
            assertEquals(0, db.dsl().fetchCount(SHIPMENTS, SHIPMENTS.UPDATED_AT.greaterThan(now.atOffset(ZoneOffset.UTC))));
            assertEquals(0, db.dsl().fetchCount(ORDERS, ORDERS.PLACED_AT.greaterThan(now.atOffset(ZoneOffset.UTC))));
        }
    }

    @Test
    void tracking_numbers_are_unique_and_carry_valid_check_digits() {
        try (Database db = seededDatabase()) {
            List<ShipmentsRecord> shipments = db.dsl().selectFrom(SHIPMENTS).fetch();
            assertEquals(shipments.size(), shipments.stream().map(ShipmentsRecord::getTrackingNumber).distinct().count());
            for (ShipmentsRecord shipment : shipments) {
                assertTrue(DemoTrackingNumbers.isValid(shipment.getCarrier(), shipment.getTrackingNumber()),
                        shipment.getCarrier() + " " + shipment.getTrackingNumber());
                // and the carrier detector (tested against published numbers) agrees
                assertTrue(TrackingNumbers.detect(shipment.getTrackingNumber()).candidates().stream()
                                .anyMatch(c -> c.carrierCode().equals(shipment.getCarrier())),
                        shipment.getCarrier() + " " + shipment.getTrackingNumber());
            }
            assertEquals(Set.of("ups", "fedex", "usps", "dhl"),
                    shipments.stream().map(ShipmentsRecord::getCarrier).collect(Collectors.toSet()));
        }
    }

    @Test
    void amounts_add_up_and_every_item_ships_exactly_once() {
        try (Database db = seededDatabase()) {
            DSLContext dsl = db.dsl();
            for (var order : dsl.selectFrom(ORDERS).fetch()) {
                BigDecimal items = dsl.select(sum(ORDER_ITEMS.UNIT_PRICE.times(ORDER_ITEMS.QUANTITY))).from(ORDER_ITEMS)
                        .where(ORDER_ITEMS.ORDER_ID.eq(order.getId())).fetchSingle().value1();
                assertEquals(0, items.compareTo(order.getSubtotalAmount()), order.getOrderNumber());
                BigDecimal total = order.getSubtotalAmount().add(order.getShippingAmount()).add(order.getTaxAmount())
                        .subtract(order.getDiscountAmount());
                assertEquals(0, total.compareTo(order.getTotalAmount()), order.getOrderNumber());
            }
            assertEquals(0, dsl.fetchCount(SHIPMENTS, SHIPMENTS.ID.notIn(
                    dsl.select(SHIPMENT_ITEMS.SHIPMENT_ID).from(SHIPMENT_ITEMS))));
            // every item of a shipped order travels out in exactly one package, whole
            var outbound = dsl.select(ORDER_ITEMS.ID, ORDER_ITEMS.QUANTITY, sum(SHIPMENT_ITEMS.QUANTITY))
                    .from(ORDER_ITEMS)
                    .join(SHIPMENT_ITEMS).on(SHIPMENT_ITEMS.ORDER_ITEM_ID.eq(ORDER_ITEMS.ID))
                    .join(SHIPMENTS).on(SHIPMENTS.ID.eq(SHIPMENT_ITEMS.SHIPMENT_ID)).and(SHIPMENTS.DIRECTION.eq("outbound"))
                    .groupBy(ORDER_ITEMS.ID, ORDER_ITEMS.QUANTITY)
                    .fetch();
            outbound.forEach(r -> assertEquals(r.value2().intValue(), r.value3().intValue(), "item " + r.value1()));
            long splitOrders = dsl.select(SHIPMENTS.ORDER_ID).from(SHIPMENTS).where(SHIPMENTS.DIRECTION.eq("outbound"))
                    .groupBy(SHIPMENTS.ORDER_ID).having(count().gt(1)).fetch().size();
            assertTrue(splitOrders >= 2, "split orders: " + splitOrders);
        }
    }

    @Test
    void returns_pass_through_at_least_five_states_and_those_on_the_way_have_a_parcel() {
        try (Database db = seededDatabase()) {
            DSLContext dsl = db.dsl();
            var returns = dsl.selectFrom(RETURNS).fetch();
            assertTrue(returns.stream().map(ReturnsRecord::getStatus).distinct().count() >= 5);
            for (var r : returns) {
                assertTrue(dsl.fetchExists(RETURN_ITEMS, RETURN_ITEMS.RETURN_ID.eq(r.getId())), r.getRmaNumber());
                boolean travelling = Set.of("in_transit", "received", "refunded").contains(r.getStatus());
                assertEquals(travelling, r.getReturnShipmentId() != null, r.getRmaNumber());
                if (travelling) {
                    assertEquals("return", dsl.select(SHIPMENTS.DIRECTION).from(SHIPMENTS)
                            .where(SHIPMENTS.ID.eq(r.getReturnShipmentId())).fetchSingle(SHIPMENTS.DIRECTION));
                }
                assertEquals(r.getStatus().equals("rejected"), r.getRejectionReason() != null, r.getRmaNumber());
            }
        }
    }
}
