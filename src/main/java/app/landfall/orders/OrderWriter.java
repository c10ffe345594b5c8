package app.landfall.orders;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.ORDER_ITEMS;
import static app.landfall.db.schema.Tables.RETURN_ITEMS;
import static app.landfall.db.schema.Tables.SHIPMENT_ITEMS;

import app.landfall.db.schema.tables.records.OrderItemsRecord;
import app.landfall.db.schema.tables.records.OrdersRecord;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Creates or updates an order by the merchant's order number, inside the caller's transaction.
 * Given values replace stored ones; values not given (null) are left as they are. Items are matched
 * by external id, else SKU; stored items the update no longer lists are removed unless a shipment or
 * a return refers to them (then they stay, so nothing that happened to them is lost).
 */
public final class OrderWriter {
    private final Clock clock;

    public OrderWriter(Clock clock) {
        this.clock = clock;
    }

    public record Written(long id, boolean created) {
    }

    public Written upsert(DSLContext tx, long merchantId, OrderUpsert order) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        OrdersRecord stored = lock(tx, merchantId, order.orderNumber());
        boolean created = false;
        if (stored == null) {
            OrdersRecord fresh = tx.newRecord(ORDERS);
            fresh.setMerchantId(merchantId).setOrderNumber(order.orderNumber())
                    .setPlacedAt(order.placedAt() != null ? order.placedAt() : now);
            apply(fresh, order);
            if (order.currency() == null) {
                // an order that names no currency is in the store's (Store settings)
                fresh.setCurrency(tx.select(MERCHANTS.CURRENCY).from(MERCHANTS).where(MERCHANTS.ID.eq(merchantId)).fetchSingle(MERCHANTS.CURRENCY));
            }
            // two deliveries about a new order can race (Shopify sends orders/create and
            // orders/updated together): the loser updates what the winner inserted
            Long id = tx.insertInto(ORDERS).set(fresh).onConflict(ORDERS.MERCHANT_ID, ORDERS.ORDER_NUMBER).doNothing()
                    .returning(ORDERS.ID).fetchOptional(ORDERS.ID).orElse(null);
            if (id != null) {
                created = true;
                fresh.setId(id);
                stored = fresh;
            } else {
                stored = lock(tx, merchantId, order.orderNumber());
            }
        }
        if (!created) {
            apply(stored, order);
            if (order.placedAt() != null) {
                stored.setPlacedAt(order.placedAt());
            }
            if (stored.changed()) {
                stored.setUpdatedAt(now);
                tx.executeUpdate(stored);
            }
        }
        if (order.items() != null) {
            writeItems(tx, merchantId, stored.getId(), order.items());
        }
        return new Written(stored.getId(), created);
    }

    /**
     * Remembers the language the customer chose on the order's tracking page (their next messages are
     * written in it); writes only when it changed.
     */
    public void rememberPageLanguage(DSLContext dsl, long merchantId, long orderId, String language) {
        dsl.update(ORDERS).set(ORDERS.PAGE_LANGUAGE, language)
                .where(ORDERS.MERCHANT_ID.eq(merchantId)).and(ORDERS.ID.eq(orderId))
                .and(ORDERS.PAGE_LANGUAGE.isDistinctFrom(language))
                .execute();
    }

    private static OrdersRecord lock(DSLContext tx, long merchantId, String orderNumber) {
        return tx.selectFrom(ORDERS)
                .where(ORDERS.MERCHANT_ID.eq(merchantId)).and(ORDERS.ORDER_NUMBER.eq(orderNumber))
                .forUpdate()
                .fetchOne();
    }

    private static void apply(OrdersRecord r, OrderUpsert o) {
        setIfGiven(o.externalId(), r::setExternalId);
        setIfGiven(o.customerName(), r::setCustomerName);
        setIfGiven(o.customerEmail() == null ? null : o.customerEmail().toLowerCase(Locale.ROOT), r::setCustomerEmail);
        setIfGiven(o.customerPhone(), r::setCustomerPhone);
        Address a = o.shippingAddress();
        if (a != null) {
            r.setShippingAddressLine1(a.line1()).setShippingAddressLine2(a.line2()).setShippingCity(a.city())
                    .setShippingRegion(a.region()).setShippingPostalCode(a.postalCode()).setShippingCountry(a.country());
        }
        setIfGiven(o.promisedDeliveryDate(), r::setPromisedDeliveryDate);
        setIfGiven(o.currency(), r::setCurrency);
        setIfGiven(o.subtotalAmount(), r::setSubtotalAmount);
        setIfGiven(o.shippingAmount(), r::setShippingAmount);
        setIfGiven(o.taxAmount(), r::setTaxAmount);
        setIfGiven(o.discountAmount(), r::setDiscountAmount);
        setIfGiven(o.totalAmount(), r::setTotalAmount);
        setIfGiven(o.language(), r::setLanguage);
        // a setter marks a field changed even when the value is equal; only real changes count
        for (var field : r.fields()) {
            if (r.changed(field) && Objects.equals(r.get(field), r.original(field)) && r.original(ORDERS.ID) != null) {
                r.changed(field, false);
            }
        }
    }

    private static <T> void setIfGiven(T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    private static void writeItems(DSLContext tx, long merchantId, long orderId, List<OrderUpsert.Item> items) {
        List<OrderItemsRecord> stored = tx.selectFrom(ORDER_ITEMS)
                .where(ORDER_ITEMS.MERCHANT_ID.eq(merchantId)).and(ORDER_ITEMS.ORDER_ID.eq(orderId))
                .orderBy(ORDER_ITEMS.ID)
                .fetch();
        List<OrderItemsRecord> unmatched = new ArrayList<>(stored);
        for (OrderUpsert.Item item : items) {
            OrderItemsRecord row = match(unmatched, item);
            if (row == null) {
                row = tx.newRecord(ORDER_ITEMS);
                row.setMerchantId(merchantId).setOrderId(orderId);
            } else {
                unmatched.remove(row);
            }
            row.setExternalId(item.externalId()).setSku(item.sku()).setTitle(item.title())
                    .setVariantTitle(item.variantTitle()).setQuantity(item.quantity())
                    .setUnitPrice(item.unitPrice() != null ? item.unitPrice() : BigDecimal.ZERO)
                    .setImageUrl(item.imageUrl())
                    .setProductTags(item.productTags() == null ? new String[0] : item.productTags().toArray(String[]::new))
                    .setFinalSale(item.finalSale())
                    .setProductType(item.productType());
            row.store();
        }
        if (!unmatched.isEmpty()) {
            List<Long> ids = unmatched.stream().map(OrderItemsRecord::getId).toList();
            tx.deleteFrom(ORDER_ITEMS)
                    .where(ORDER_ITEMS.MERCHANT_ID.eq(merchantId)).and(ORDER_ITEMS.ID.in(ids))
                    .andNotExists(DSL.selectOne().from(SHIPMENT_ITEMS)
                            .where(SHIPMENT_ITEMS.MERCHANT_ID.eq(merchantId))
                            .and(SHIPMENT_ITEMS.ORDER_ITEM_ID.eq(ORDER_ITEMS.ID)))
                    .andNotExists(DSL.selectOne().from(RETURN_ITEMS)
                            .where(RETURN_ITEMS.MERCHANT_ID.eq(merchantId))
                            .and(RETURN_ITEMS.ORDER_ITEM_ID.eq(ORDER_ITEMS.ID)))
                    .execute();
        }
    }

    private static OrderItemsRecord match(List<OrderItemsRecord> candidates, OrderUpsert.Item item) {
        if (item.externalId() != null) {
            return candidates.stream().filter(r -> item.externalId().equals(r.getExternalId())).findFirst().orElse(null);
        }
        if (item.sku() != null) {
            return candidates.stream().filter(r -> r.getExternalId() == null && item.sku().equals(r.getSku()))
                    .findFirst().orElse(null);
        }
        return candidates.stream().filter(r -> r.getExternalId() == null && r.getSku() == null
                        && item.title().equals(r.getTitle()) && Objects.equals(item.variantTitle(), r.getVariantTitle()))
                .findFirst().orElse(null);
    }
}
