package app.landfall.api;

import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.ORDER_ITEMS;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import app.landfall.orders.OrderWriter;
import app.landfall.web.JsonFields;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** POST /api/v1/orders: creates an order, or updates it when the merchant has one with that number. */
public final class OrdersApi {
    private final DSLContext dsl;
    private final OrderWriter writer;

    public OrdersApi(DSLContext dsl, OrderWriter writer) {
        this.dsl = dsl;
        this.writer = writer;
    }

    public void upsert(Context ctx) {
        long merchantId = ApiAuthentication.merchantId(ctx);
        var body = Requests.jsonBody(ctx);
        if (body == null) {
            return;
        }
        JsonFields fields = new JsonFields();
        var order = OrderRequest.parse(body, fields);
        if (order.isEmpty()) {
            Requests.invalid(ctx, "The order is not valid; nothing was stored.", fields.errors());
            return;
        }
        OrderWriter.Written written = dsl.transactionResult(cfg -> writer.upsert(DSL.using(cfg), merchantId, order.get()));
        ctx.status(written.created() ? 201 : 200).json(find(merchantId, written.id()));
    }

    private OrderJson find(long merchantId, long id) {
        Field<List<OrderJson.Item>> items = multiset(
                select(ORDER_ITEMS.ID, ORDER_ITEMS.EXTERNAL_ID, ORDER_ITEMS.SKU, ORDER_ITEMS.TITLE,
                        ORDER_ITEMS.VARIANT_TITLE, ORDER_ITEMS.QUANTITY, ORDER_ITEMS.UNIT_PRICE,
                        ORDER_ITEMS.IMAGE_URL, ORDER_ITEMS.PRODUCT_TAGS, ORDER_ITEMS.FINAL_SALE, ORDER_ITEMS.PRODUCT_TYPE)
                        .from(ORDER_ITEMS)
                        .where(ORDER_ITEMS.MERCHANT_ID.eq(merchantId)).and(ORDER_ITEMS.ORDER_ID.eq(ORDERS.ID))
                        .orderBy(ORDER_ITEMS.ID))
                .convertFrom(r -> r.map(i -> new OrderJson.Item(i.value1(), i.value2(), i.value3(), i.value4(),
                        i.value5(), i.value6(), OrderJson.amount(i.value7()), i.value8(), Arrays.asList(i.value9()),
                        i.value10(), i.value11())));
        return dsl.select(ORDERS.asterisk(), items)
                .from(ORDERS)
                .where(ORDERS.MERCHANT_ID.eq(merchantId)).and(ORDERS.ID.eq(id))
                .fetchSingle(r -> {
                    var o = r.into(ORDERS);
                    return new OrderJson(o.getId(), o.getOrderNumber(), o.getExternalId(),
                            new OrderJson.Customer(o.getCustomerName(), o.getCustomerEmail(), o.getCustomerPhone()),
                            new OrderJson.Address(o.getShippingAddressLine1(), o.getShippingAddressLine2(),
                                    o.getShippingCity(), o.getShippingRegion(), o.getShippingPostalCode(),
                                    o.getShippingCountry()),
                            o.getPlacedAt(), o.getPromisedDeliveryDate(), o.getCurrency(),
                            OrderJson.amount(o.getSubtotalAmount()), OrderJson.amount(o.getShippingAmount()),
                            OrderJson.amount(o.getTaxAmount()), OrderJson.amount(o.getDiscountAmount()),
                            OrderJson.amount(o.getTotalAmount()), r.get(items), o.getLanguage(),
                            o.getCreatedAt(), o.getUpdatedAt());
                });
    }
}
