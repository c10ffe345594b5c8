package app.landfall.notifications;

import static app.landfall.db.schema.Tables.ORDER_SUBSCRIPTIONS;

import app.landfall.db.schema.tables.records.OrderSubscriptionsRecord;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The only writer of {@code order_subscriptions}: who hears about an order's parcels besides the
 * order's own address and number (people who asked on the tracking page and confirmed), and the
 * customer's own choices per order and channel. {@link Outbox#announceShipments} reads it in its one
 * statement: a confirmed, not stopped subscriber gets each message too; a customer's stopped channel
 * gets none.
 */
final class OrderSubscriptions {

    /** One row as the pages need it. */
    record Subscription(long id, long orderId, Notice.Channel channel, String address, boolean customer, boolean confirmed,
            boolean stopped) {
        static Subscription of(OrderSubscriptionsRecord r) {
            return new Subscription(r.getId(), r.getOrderId(), Notice.Channel.of(r.getChannel()), r.getAddress(), r.getCustomer(),
                    r.getConfirmedAt() != null, r.getStoppedAt() != null);
        }
    }

    /** The order's own address or number, on again for this order (it needs no confirmation). */
    void subscribeCustomer(DSLContext tx, long merchantId, long orderId, Notice.Channel channel, String address, String language,
            OffsetDateTime now) {
        setCustomer(tx, merchantId, orderId, channel, address, language, true, now);
    }

    /** The order's own address or number switched on or off for this order (the preferences page). */
    void setCustomer(DSLContext tx, long merchantId, long orderId, Notice.Channel channel, String address, String language, boolean on,
            OffsetDateTime now) {
        OffsetDateTime at = utc(now);
        tx.insertInto(ORDER_SUBSCRIPTIONS)
                .set(ORDER_SUBSCRIPTIONS.MERCHANT_ID, merchantId)
                .set(ORDER_SUBSCRIPTIONS.ORDER_ID, orderId)
                .set(ORDER_SUBSCRIPTIONS.CHANNEL, channel.code())
                .set(ORDER_SUBSCRIPTIONS.ADDRESS, address)
                .set(ORDER_SUBSCRIPTIONS.CUSTOMER, true)
                .set(ORDER_SUBSCRIPTIONS.LANGUAGE, language)
                .set(ORDER_SUBSCRIPTIONS.CREATED_AT, at)
                .set(ORDER_SUBSCRIPTIONS.CONFIRMED_AT, at)
                .set(ORDER_SUBSCRIPTIONS.STOPPED_AT, on ? null : at)
                .set(ORDER_SUBSCRIPTIONS.UPDATED_AT, at)
                .onConflict(ORDER_SUBSCRIPTIONS.MERCHANT_ID, ORDER_SUBSCRIPTIONS.ORDER_ID, ORDER_SUBSCRIPTIONS.CHANNEL)
                .where(ORDER_SUBSCRIPTIONS.CUSTOMER)
                .doUpdate()
                .set(ORDER_SUBSCRIPTIONS.STOPPED_AT, on ? null : at)
                .set(ORDER_SUBSCRIPTIONS.UPDATED_AT, at)
                .execute();
    }

    /**
     * Another address or number asks for the order's news: kept unconfirmed (it hears nothing yet), or
     * as it was when it already exists. Returns the row, to tell whether it is already confirmed.
     */
    Subscription request(DSLContext tx, long merchantId, long orderId, Notice.Channel channel, String address, String language,
            OffsetDateTime now) {
        OffsetDateTime at = utc(now);
        return Subscription.of(tx.insertInto(ORDER_SUBSCRIPTIONS)
                .set(ORDER_SUBSCRIPTIONS.MERCHANT_ID, merchantId)
                .set(ORDER_SUBSCRIPTIONS.ORDER_ID, orderId)
                .set(ORDER_SUBSCRIPTIONS.CHANNEL, channel.code())
                .set(ORDER_SUBSCRIPTIONS.ADDRESS, address)
                .set(ORDER_SUBSCRIPTIONS.CUSTOMER, false)
                .set(ORDER_SUBSCRIPTIONS.LANGUAGE, language)
                .set(ORDER_SUBSCRIPTIONS.CREATED_AT, at)
                .set(ORDER_SUBSCRIPTIONS.UPDATED_AT, at)
                .onConflict(ORDER_SUBSCRIPTIONS.MERCHANT_ID, ORDER_SUBSCRIPTIONS.ORDER_ID, ORDER_SUBSCRIPTIONS.CHANNEL,
                        ORDER_SUBSCRIPTIONS.ADDRESS)
                .doUpdate()
                .set(ORDER_SUBSCRIPTIONS.LANGUAGE, language)
                .set(ORDER_SUBSCRIPTIONS.UPDATED_AT, at)
                .returning()
                .fetchSingle());
    }

    /** The recipient followed the confirmation link: from now on it hears this order's news. False: no such request. */
    boolean confirm(DSLContext tx, long merchantId, long id, OffsetDateTime now) {
        OffsetDateTime at = utc(now);
        return tx.update(ORDER_SUBSCRIPTIONS)
                .set(ORDER_SUBSCRIPTIONS.CONFIRMED_AT, DSL.coalesce(ORDER_SUBSCRIPTIONS.CONFIRMED_AT, DSL.val(at)))
                .setNull(ORDER_SUBSCRIPTIONS.STOPPED_AT)
                .set(ORDER_SUBSCRIPTIONS.UPDATED_AT, at)
                .where(ORDER_SUBSCRIPTIONS.MERCHANT_ID.eq(merchantId)).and(ORDER_SUBSCRIPTIONS.ID.eq(id))
                .and(ORDER_SUBSCRIPTIONS.CUSTOMER.isFalse())
                .execute() == 1;
    }

    /** A confirmed subscriber switches a channel of this order on or off (the preferences page). */
    void setSubscriber(DSLContext tx, long merchantId, long id, boolean on, OffsetDateTime now) {
        OffsetDateTime at = utc(now);
        tx.update(ORDER_SUBSCRIPTIONS)
                .set(ORDER_SUBSCRIPTIONS.STOPPED_AT, on ? null : at)
                .set(ORDER_SUBSCRIPTIONS.UPDATED_AT, at)
                .where(ORDER_SUBSCRIPTIONS.MERCHANT_ID.eq(merchantId)).and(ORDER_SUBSCRIPTIONS.ID.eq(id))
                .and(ORDER_SUBSCRIPTIONS.CUSTOMER.isFalse()).and(ORDER_SUBSCRIPTIONS.CONFIRMED_AT.isNotNull())
                .execute();
    }

    Optional<Subscription> byId(DSLContext dsl, long merchantId, long id) {
        return dsl.selectFrom(ORDER_SUBSCRIPTIONS).where(ORDER_SUBSCRIPTIONS.MERCHANT_ID.eq(merchantId)).and(ORDER_SUBSCRIPTIONS.ID.eq(id))
                .fetchOptional().map(Subscription::of);
    }

    /** Every row of one order, for its preferences page. */
    List<Subscription> ofOrder(DSLContext dsl, long merchantId, long orderId) {
        return dsl.selectFrom(ORDER_SUBSCRIPTIONS).where(ORDER_SUBSCRIPTIONS.MERCHANT_ID.eq(merchantId))
                .and(ORDER_SUBSCRIPTIONS.ORDER_ID.eq(orderId)).orderBy(ORDER_SUBSCRIPTIONS.ID).fetch(Subscription::of);
    }

    private static OffsetDateTime utc(OffsetDateTime now) {
        return now.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
