package app.landfall.bench;

import static app.landfall.bench.ShipmentPlan.CARRIER;
import static app.landfall.bench.ShipmentPlan.DAY;
import static app.landfall.bench.ShipmentPlan.DEST;
import static app.landfall.bench.ShipmentPlan.ETA;
import static app.landfall.bench.ShipmentPlan.EVENTS;
import static app.landfall.bench.ShipmentPlan.FIRST_AT;
import static app.landfall.bench.ShipmentPlan.FIRST_NAME;
import static app.landfall.bench.ShipmentPlan.G;
import static app.landfall.bench.ShipmentPlan.ITEMS;
import static app.landfall.bench.ShipmentPlan.LAST_NAME;
import static app.landfall.bench.ShipmentPlan.ORDER_NUMBER;
import static app.landfall.bench.ShipmentPlan.PLACED_AT;
import static app.landfall.bench.ShipmentPlan.PRICE_1;
import static app.landfall.bench.ShipmentPlan.PRICE_2;
import static app.landfall.bench.ShipmentPlan.PRODUCT_1;
import static app.landfall.bench.ShipmentPlan.PRODUCT_2;
import static app.landfall.bench.ShipmentPlan.QUANTITY_1;
import static app.landfall.bench.ShipmentPlan.STATUS;
import static app.landfall.bench.ShipmentPlan.SUBSTATUS;
import static app.landfall.bench.ShipmentPlan.TRACKING_NUMBER;
import static app.landfall.bench.ShipmentPlan.date;
import static app.landfall.bench.ShipmentPlan.eventTime;
import static app.landfall.bench.ShipmentPlan.in;
import static app.landfall.bench.ShipmentPlan.shipping;
import static app.landfall.bench.ShipmentPlan.subtotal;
import static app.landfall.bench.ShipmentPlan.tax;
import static app.landfall.bench.ShipmentPlan.timestamp;
import static app.landfall.bench.StatusMix.codes;
import static app.landfall.bench.SyntheticCatalog.ORIGINS;
import static app.landfall.bench.SyntheticCatalog.PLACE_CITY;
import static app.landfall.bench.SyntheticCatalog.PLACE_COUNTRY;
import static app.landfall.bench.SyntheticCatalog.PLACE_INDEX;
import static app.landfall.bench.SyntheticCatalog.PLACE_POSTAL_CODE;
import static app.landfall.bench.SyntheticCatalog.PLACE_REGION;
import static app.landfall.bench.SyntheticCatalog.PRODUCT_INDEX;
import static app.landfall.bench.SyntheticCatalog.PRODUCT_SKU;
import static app.landfall.bench.SyntheticCatalog.PRODUCT_TITLE;
import static app.landfall.bench.SyntheticCatalog.places;
import static app.landfall.bench.SyntheticCatalog.products;
import static app.landfall.bench.SyntheticCatalog.service;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.ORDER_ITEMS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.SHIPMENT_ITEMS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.generateSeries;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.replace;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.setLocal;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.uuid;
import static org.jooq.impl.DSL.when;

import app.landfall.bench.SyntheticCatalog.Place;
import app.landfall.tracking.ShipmentStatus;
import java.math.BigDecimal;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.Record4;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * Shipments number {@code from..to} of one merchant in this run, written by one statement: a
 * {@code plan} CTE rolls every random choice once per shipment, and data-modifying CTEs insert the
 * orders, their items, the shipments, the shipment items and the events from the plan and from the
 * ids the previous inserts return.
 */
record ShipmentChunk(BenchMerchants.Merchant merchant, int from, int to) {
    record Counts(long shipments, long items, long events) {
    }

    Counts insert(DSLContext tx, ShipmentPlan shipmentPlan) {
        tx.execute(setLocal(name("synchronous_commit"), inline("off")));
        tx.execute(setLocal(name("work_mem"), inline("64MB")));
        CommonTableExpression<?> plan = name("plan").as(shipmentPlan.rows(from, to));
        Place origin = ORIGINS.get(merchant.index() % ORIGINS.size());
        Table<?> dest = places("dest");
        Condition toDest = in(dest, PLACE_INDEX).eq(in(plan, DEST));

        Assignments order = new Assignments()
                .set(ORDERS.MERCHANT_ID, inline(merchant.id()))
                .set(ORDERS.BRAND_ID, inline(merchant.brandId()))
                .set(ORDERS.ORDER_NUMBER, in(plan, ORDER_NUMBER))
                .set(ORDERS.CUSTOMER_NAME, in(plan, FIRST_NAME).concat(inline(" "), in(plan, LAST_NAME)))
                .set(ORDERS.CUSTOMER_EMAIL, lower(in(plan, FIRST_NAME).concat(inline("."), in(plan, LAST_NAME),
                        in(plan, G).cast(SQLDataType.VARCHAR), inline("@example.com"))))
                .set(ORDERS.SHIPPING_ADDRESS_LINE1, in(plan, G).mod(inline(9899)).plus(inline(1))
                        .cast(SQLDataType.VARCHAR).concat(inline(" Main Street")))
                .set(ORDERS.SHIPPING_CITY, in(dest, PLACE_CITY))
                .set(ORDERS.SHIPPING_REGION, in(dest, PLACE_REGION))
                .set(ORDERS.SHIPPING_POSTAL_CODE, in(dest, PLACE_POSTAL_CODE))
                .set(ORDERS.SHIPPING_COUNTRY, in(dest, PLACE_COUNTRY))
                .set(ORDERS.PLACED_AT, timestamp(in(plan, PLACED_AT)))
                .set(ORDERS.PROMISED_DELIVERY_DATE, date(in(plan, PLACED_AT).plus(inline(7 * DAY))))
                .set(ORDERS.SUBTOTAL_AMOUNT, subtotal(plan))
                .set(ORDERS.SHIPPING_AMOUNT, shipping(plan))
                .set(ORDERS.TAX_AMOUNT, tax(plan))
                .set(ORDERS.TOTAL_AMOUNT, subtotal(plan).plus(shipping(plan)).plus(tax(plan)))
                .set(ORDERS.CREATED_AT, timestamp(in(plan, PLACED_AT)))
                .set(ORDERS.UPDATED_AT, timestamp(in(plan, PLACED_AT)));
        CommonTableExpression<Record3<Long, Long, String>> newOrders = name("new_orders").as(
                tx.insertInto(ORDERS, order.columns())
                        .select(select(order.values()).from(plan).join(dest).on(toDest))
                        .returningResult(ORDERS.MERCHANT_ID, ORDERS.ID, ORDERS.ORDER_NUMBER));
        Condition planOfOrder = in(plan, ORDER_NUMBER).eq(newOrders.field(ORDERS.ORDER_NUMBER));

        Field<Integer> k = field(name("item", "k"), SQLDataType.INTEGER);
        Field<Integer> size = in(plan, G).plus(k).mod(inline(3));
        Table<?> product = products();
        Assignments item = new Assignments()
                .set(ORDER_ITEMS.MERCHANT_ID, newOrders.field(ORDERS.MERCHANT_ID))
                .set(ORDER_ITEMS.ORDER_ID, newOrders.field(ORDERS.ID))
                .set(ORDER_ITEMS.SKU, in(product, PRODUCT_SKU))
                .set(ORDER_ITEMS.TITLE, in(product, PRODUCT_TITLE))
                .set(ORDER_ITEMS.VARIANT_TITLE, when(size.eq(inline(0)), inline("Small"))
                        .when(size.eq(inline(1)), inline("Medium")).otherwise(inline("Large")))
                .set(ORDER_ITEMS.QUANTITY, when(k.eq(inline(1)), in(plan, QUANTITY_1)).otherwise(inline(1)))
                .set(ORDER_ITEMS.UNIT_PRICE, when(k.eq(inline(1)), in(plan, PRICE_1)).otherwise(in(plan, PRICE_2)));
        CommonTableExpression<Record4<Long, Long, Long, Integer>> newItems = name("new_items").as(
                tx.insertInto(ORDER_ITEMS, item.columns())
                        .select(select(item.values()).from(newOrders)
                                .join(plan).on(planOfOrder)
                                .crossJoin(generateSeries(inline(1), in(plan, ITEMS)).as("item", "k"))
                                .join(product).on(in(product, PRODUCT_INDEX).eq(
                                        when(k.eq(inline(1)), in(plan, PRODUCT_1)).otherwise(in(plan, PRODUCT_2)))))
                        .returningResult(ORDER_ITEMS.MERCHANT_ID, ORDER_ITEMS.ID, ORDER_ITEMS.ORDER_ID, ORDER_ITEMS.QUANTITY));

        Field<String> status = in(plan, STATUS);
        Assignments shipment = new Assignments()
                .set(SHIPMENTS.MERCHANT_ID, newOrders.field(ORDERS.MERCHANT_ID))
                .set(SHIPMENTS.ORDER_ID, newOrders.field(ORDERS.ID))
                .set(SHIPMENTS.CARRIER, in(plan, CARRIER))
                .set(SHIPMENTS.SERVICE, service(in(plan, CARRIER)))
                .set(SHIPMENTS.TRACKING_NUMBER, in(plan, TRACKING_NUMBER))
                .set(SHIPMENTS.ORIGIN_CITY, inline(origin.city()))
                .set(SHIPMENTS.ORIGIN_REGION, inline(origin.region()))
                .set(SHIPMENTS.ORIGIN_POSTAL_CODE, inline(origin.postalCode()))
                .set(SHIPMENTS.ORIGIN_COUNTRY, inline(origin.country()))
                .set(SHIPMENTS.DESTINATION_CITY, in(dest, PLACE_CITY))
                .set(SHIPMENTS.DESTINATION_REGION, in(dest, PLACE_REGION))
                .set(SHIPMENTS.DESTINATION_POSTAL_CODE, in(dest, PLACE_POSTAL_CODE))
                .set(SHIPMENTS.DESTINATION_COUNTRY, in(dest, PLACE_COUNTRY))
                .set(SHIPMENTS.STATUS, status)
                .set(SHIPMENTS.SUBSTATUS, in(plan, SUBSTATUS))
                .set(SHIPMENTS.STATUS_CHANGED_AT, timestamp(eventTime(plan, in(plan, EVENTS))))
                .set(SHIPMENTS.CARRIER_ESTIMATED_DELIVERY, when(status.ne(inline(ShipmentStatus.Pending.code())), date(in(plan, ETA))))
                .set(SHIPMENTS.SHIPPED_AT, when(status.notIn(codes(ShipmentStatus.Pending, ShipmentStatus.InfoReceived)),
                        timestamp(eventTime(plan, least(inline(2), in(plan, EVENTS))))))
                // the newest event's time by the very expression the events use: recomputing it from
                // LAST_AT differs by a microsecond now and then (floating point)
                .set(SHIPMENTS.DELIVERED_AT, when(status.eq(inline(ShipmentStatus.Delivered.code())),
                        timestamp(eventTime(plan, in(plan, EVENTS)))))
                .set(SHIPMENTS.LAST_EVENT_AT, timestamp(eventTime(plan, in(plan, EVENTS))))
                // two random UUIDs without dashes: 64 characters of the base64url alphabet, 244 random bits
                .set(SHIPMENTS.PUBLIC_TOKEN, replace(uuid().cast(SQLDataType.VARCHAR), inline("-"), inline(""))
                        .concat(replace(uuid().cast(SQLDataType.VARCHAR), inline("-"), inline(""))))
                .set(SHIPMENTS.CREATED_AT, timestamp(in(plan, FIRST_AT)))
                .set(SHIPMENTS.UPDATED_AT, timestamp(eventTime(plan, in(plan, EVENTS))));
        CommonTableExpression<Record4<Long, Long, Long, String>> newShipments = name("new_shipments").as(
                tx.insertInto(SHIPMENTS, shipment.columns())
                        .select(select(shipment.values()).from(newOrders).join(plan).on(planOfOrder).join(dest).on(toDest))
                        .returningResult(SHIPMENTS.MERCHANT_ID, SHIPMENTS.ID, SHIPMENTS.ORDER_ID, SHIPMENTS.TRACKING_NUMBER));

        // every item of the order travels in its one shipment
        CommonTableExpression<?> newShipmentItems = name("new_shipment_items").as(
                tx.insertInto(SHIPMENT_ITEMS, SHIPMENT_ITEMS.MERCHANT_ID, SHIPMENT_ITEMS.SHIPMENT_ID,
                                SHIPMENT_ITEMS.ORDER_ITEM_ID, SHIPMENT_ITEMS.QUANTITY)
                        .select(select(newShipments.field(SHIPMENTS.MERCHANT_ID), newShipments.field(SHIPMENTS.ID),
                                newItems.field(ORDER_ITEMS.ID), newItems.field(ORDER_ITEMS.QUANTITY))
                                .from(newShipments)
                                .join(newItems).on(newItems.field(ORDER_ITEMS.ORDER_ID).eq(newShipments.field(SHIPMENTS.ORDER_ID))))
                        .returningResult(SHIPMENT_ITEMS.ORDER_ITEM_ID));

        CommonTableExpression<?> newEvents = name("new_events").as(TrackingTimeline.insert(tx, plan, newShipments, origin));

        // the inserts all run to completion (or fail the statement) whatever the main query reads
        Record3<Integer, BigDecimal, BigDecimal> inserted = tx
                .with(plan, newOrders, newItems, newShipments, newShipmentItems, newEvents)
                .select(count(), sum(in(plan, ITEMS)), sum(in(plan, EVENTS)))
                .from(plan)
                .fetchSingle();
        return new Counts(inserted.value1(), inserted.value2().longValue(), inserted.value3().longValue());
    }
}
