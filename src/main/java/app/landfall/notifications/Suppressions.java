package app.landfall.notifications;

import static app.landfall.db.schema.Tables.NOTIFICATION_SUPPRESSIONS;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/**
 * The only writer of {@code notification_suppressions}: the addresses a store must not send to on
 * a channel, because the person replied STOP (or unsubscribed). Kept per store: a STOP to one store
 * says nothing about another's messages.
 */
final class Suppressions {

    /** Suppresses an address; a second STOP keeps the first one's date and reason. */
    void suppress(DSLContext dsl, long merchantId, Notice.Channel channel, String address, String reason, OffsetDateTime now) {
        dsl.insertInto(NOTIFICATION_SUPPRESSIONS)
                .set(NOTIFICATION_SUPPRESSIONS.MERCHANT_ID, merchantId)
                .set(NOTIFICATION_SUPPRESSIONS.CHANNEL, channel.code())
                .set(NOTIFICATION_SUPPRESSIONS.ADDRESS, address)
                .set(NOTIFICATION_SUPPRESSIONS.REASON, reason)
                .set(NOTIFICATION_SUPPRESSIONS.CREATED_AT, now.withOffsetSameInstant(ZoneOffset.UTC))
                .onConflictDoNothing()
                .execute();
    }

    /** Lifts a suppression (the person replied START); nothing happens when there was none. */
    void lift(DSLContext dsl, long merchantId, Notice.Channel channel, String address) {
        dsl.deleteFrom(NOTIFICATION_SUPPRESSIONS)
                .where(NOTIFICATION_SUPPRESSIONS.MERCHANT_ID.eq(merchantId))
                .and(NOTIFICATION_SUPPRESSIONS.CHANNEL.eq(channel.code()))
                .and(NOTIFICATION_SUPPRESSIONS.ADDRESS.eq(address))
                .execute();
    }

    /** Which of these addresses (each with its store) the stores suppress on {@code channel}, in one query. */
    java.util.Set<java.util.Map.Entry<Long, String>> suppressedAmong(DSLContext dsl, Notice.Channel channel,
            java.util.Collection<java.util.Map.Entry<Long, String>> addresses) {
        if (addresses.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(dsl.select(NOTIFICATION_SUPPRESSIONS.MERCHANT_ID, NOTIFICATION_SUPPRESSIONS.ADDRESS)
                .from(NOTIFICATION_SUPPRESSIONS)
                .where(NOTIFICATION_SUPPRESSIONS.CHANNEL.eq(channel.code()))
                .and(org.jooq.impl.DSL.row(NOTIFICATION_SUPPRESSIONS.MERCHANT_ID, NOTIFICATION_SUPPRESSIONS.ADDRESS)
                        .in(addresses.stream().map(a -> org.jooq.impl.DSL.row(a.getKey(), a.getValue())).toList()))
                .fetch(r -> java.util.Map.entry(r.value1(), r.value2())));
    }

    boolean isSuppressed(DSLContext dsl, long merchantId, Notice.Channel channel, String address) {
        return dsl.fetchExists(NOTIFICATION_SUPPRESSIONS, NOTIFICATION_SUPPRESSIONS.MERCHANT_ID.eq(merchantId)
                .and(NOTIFICATION_SUPPRESSIONS.CHANNEL.eq(channel.code())).and(NOTIFICATION_SUPPRESSIONS.ADDRESS.eq(address)));
    }
}
