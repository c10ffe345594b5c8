package app.landfall.demo;

import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.ORDER_ITEMS;

import app.landfall.db.schema.tables.records.OrderItemsRecord;
import app.landfall.db.schema.tables.records.OrdersRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;
import org.jooq.Result;
import org.jooq.SelectField;
import org.jooq.TableRecord;

/** Writing the demo: one multi-row INSERT per table, and the ids the next tables point at. */
final class DemoRows {

    /** Database ids of what was written, found by the keys the demo knows things by. */
    record Ids(Map<String, Long> orders, Map<String, Long> items) {
        long order(DemoOrder order) {
            return orders.get(order.number());
        }

        long item(DemoOrder order, int line) {
            return items.get(order.number() + "#" + line);
        }
    }

    private DemoRows() {
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** One INSERT for all rows (which set the same columns), returning the given columns. */
    static <R extends TableRecord<R>> Result<R> insert(DSLContext dsl, List<R> rows, SelectField<?>... returning) {
        return multiRow(dsl, rows).returning(returning).fetch();
    }

    static <R extends TableRecord<R>> void insert(DSLContext dsl, List<R> rows) {
        multiRow(dsl, rows).execute();
    }

    private static <R extends TableRecord<R>> InsertSetMoreStep<R> multiRow(DSLContext dsl, List<R> rows) {
        InsertSetMoreStep<R> insert = null;
        for (R row : rows) {
            insert = insert == null ? dsl.insertInto(row.getTable()).set(row) : insert.newRecord().set(row);
        }
        if (insert == null) {
            throw new IllegalArgumentException("nothing to insert");
        }
        return insert;
    }

    static Ids insertOrders(DSLContext dsl, long merchantId, long brandId, List<DemoOrder> orders) {
        List<OrdersRecord> rows = orders.stream().map(order -> new OrdersRecord()
                .setMerchantId(merchantId)
                .setOrderNumber(order.number())
                .setBrandId(brandId)
                .setCustomerName(order.customer().name())
                .setCustomerEmail(order.customer().email())
                .setCustomerPhone(order.customer().phone())
                .setShippingAddressLine1(order.customer().line1())
                .setShippingAddressLine2(order.customer().line2())
                .setShippingCity(order.customer().destination().place().city())
                .setShippingRegion(order.customer().destination().place().region())
                .setShippingPostalCode(order.customer().destination().place().postalCode())
                .setShippingCountry(order.customer().destination().place().country())
                .setPlacedAt(at(order.placedAt()))
                .setPromisedDeliveryDate(order.promisedDelivery())
                .setCurrency(order.currency())
                .setSubtotalAmount(order.subtotal())
                .setShippingAmount(order.shipping())
                .setTaxAmount(order.tax())
                .setDiscountAmount(order.discount())
                .setTotalAmount(order.total())
                .setCreatedAt(at(order.placedAt()))
                .setUpdatedAt(at(order.placedAt())))
                .toList();
        Map<String, Long> orderIds = new HashMap<>();
        insert(dsl, rows, ORDERS.ID, ORDERS.ORDER_NUMBER).forEach(r -> orderIds.put(r.getOrderNumber(), r.getId()));

        List<OrderItemsRecord> items = new ArrayList<>();
        for (DemoOrder order : orders) {
            for (DemoOrder.Line line : order.lines()) {
                items.add(new OrderItemsRecord()
                        .setMerchantId(merchantId)
                        .setOrderId(orderIds.get(order.number()))
                        .setSku(line.sku())
                        .setTitle(line.product().title())
                        .setVariantTitle(line.variantTitle())
                        .setQuantity(line.quantity())
                        .setUnitPrice(line.unitPrice())
                        .setImageUrl(line.product().imageUrl())
                        .setProductTags(line.product().tags().toArray(String[]::new))
                        .setProductType(line.product().productType())
                        .setFinalSale(line.product().finalSale()));
            }
        }
        // an order never holds the same SKU twice, so (order, sku) finds each line's id
        Map<String, Long> bySku = new HashMap<>();
        insert(dsl, items, ORDER_ITEMS.ID, ORDER_ITEMS.ORDER_ID, ORDER_ITEMS.SKU)
                .forEach(r -> bySku.put(r.getOrderId() + "/" + r.getSku(), r.getId()));
        Map<String, Long> itemIds = new HashMap<>();
        for (DemoOrder order : orders) {
            for (int i = 0; i < order.lines().size(); i++) {
                itemIds.put(order.number() + "#" + i, bySku.get(orderIds.get(order.number()) + "/" + order.lines().get(i).sku()));
            }
        }
        return new Ids(orderIds, itemIds);
    }
}
