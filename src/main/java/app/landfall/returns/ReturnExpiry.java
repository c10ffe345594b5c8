package app.landfall.returns;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_ITEMS;
import static app.landfall.db.schema.Tables.RETURN_POLICIES;
import static app.landfall.db.schema.Tables.SHIPMENTS;

import app.landfall.notifications.Outbox;
import app.landfall.db.schema.tables.ReturnPolicies;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record4;
import org.jooq.Result;
import org.jooq.impl.DSL;

/**
 * Expires approved returns whose parcel never left: sent back by carrier (QR drop-off or printed
 * label), approved longer ago than the policy's {@code ship_within_days}, with at least one item to
 * send, and no return shipment the carrier has picked up. The shopper and the merchant hear of it
 * through the outbox, as for every other step. Runs in the background; several instances may run it
 * at once (rows another one holds are skipped and expired on its side).
 */
public final class ReturnExpiry {
    static final int BATCH = 500;
    private static final List<String> SHIPPED_METHODS = List.of("qr_dropoff", "printable_label");
    // a return shipment in any of these has not been handed to the carrier yet
    private static final List<String> NOT_PICKED_UP = List.of("Pending", "InfoReceived");
    private static final int DEFAULT_SHIP_WITHIN_DAYS = 30;

    private final DSLContext dsl;
    private final Clock clock;
    private final Outbox outbox;

    public ReturnExpiry(DSLContext dsl, Clock clock, Outbox outbox) {
        this.dsl = dsl;
        this.clock = clock;
        this.outbox = outbox;
    }

    /** Returns how many returns expired. */
    public int run() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        int expired = 0;
        while (true) {
            int[] batch = dsl.transactionResult(cfg -> expireBatch(DSL.using(cfg), now));
            expired += batch[1];
            if (batch[0] < BATCH || batch[1] == 0) {
                return expired;
            }
        }
    }

    /** One transaction: locks up to {@link #BATCH} due returns, expires them; returns {found, expired}. */
    private int[] expireBatch(DSLContext tx, OffsetDateTime now) {
        Result<Record4<Long, Long, String, String>> due = tx.select(RETURNS.MERCHANT_ID, RETURNS.ID, RETURNS.RMA_NUMBER, ORDERS.CUSTOMER_EMAIL)
                .from(RETURNS)
                .join(ORDERS).on(ORDERS.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(ORDERS.ID.eq(RETURNS.ORDER_ID))
                .where(RETURNS.STATUS.eq(ReturnStatus.APPROVED.code()))
                .and(RETURNS.METHOD.in(SHIPPED_METHODS))
                // a timestamp plus a number adds days
                .and(RETURNS.APPROVED_AT.plus(shipWithin()).lt(now))
                .and(somethingToSend())
                .and(notPickedUp())
                .orderBy(RETURNS.APPROVED_AT)
                .limit(BATCH)
                .forUpdate().of(RETURNS).skipLocked()
                .fetch();
        int expired = 0;
        for (var row : due) {
            long merchantId = row.value1();
            long returnId = row.value2();
            int changed = tx.update(RETURNS)
                    .set(RETURNS.STATUS, ReturnStatus.EXPIRED.code())
                    .set(RETURNS.UPDATED_AT, now)
                    .where(RETURNS.MERCHANT_ID.eq(merchantId)).and(RETURNS.ID.eq(returnId))
                    .and(RETURNS.STATUS.eq(ReturnStatus.APPROVED.code()))
                    .execute();
            if (changed == 1) {
                outbox.announceReturn(tx, merchantId, returnId, row.value3(), ReturnStatus.EXPIRED.code(), row.value4(), now);
                expired++;
            }
        }
        return new int[] {due.size(), expired};
    }

    /** How long before it expires the shopper of an approved return not yet sent is reminded. */
    static final java.time.Duration REMIND_BEFORE = java.time.Duration.ofDays(2);

    /**
     * Reminds the shoppers of approved returns that expire within {@link #REMIND_BEFORE} and have not
     * been sent ("expiring soon", on the channels the store switched on). Once per return: the outbox's
     * dedupe key makes a second run, or another process running it at once, write nothing. Returns
     * how many returns were due a reminder.
     */
    public int remind() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Field<OffsetDateTime> expires = RETURNS.APPROVED_AT.plus(shipWithin());
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            var due = tx.select(RETURNS.MERCHANT_ID, RETURNS.ID, RETURNS.RMA_NUMBER, ORDERS.CUSTOMER_EMAIL, expires, MERCHANTS.TIMEZONE)
                    .from(RETURNS)
                    .join(ORDERS).on(ORDERS.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(ORDERS.ID.eq(RETURNS.ORDER_ID))
                    .join(MERCHANTS).on(MERCHANTS.ID.eq(RETURNS.MERCHANT_ID))
                    .where(RETURNS.STATUS.eq(ReturnStatus.APPROVED.code()))
                    .and(RETURNS.METHOD.in(SHIPPED_METHODS))
                    .and(expires.ge(now)).and(expires.lt(now.plus(REMIND_BEFORE)))
                    .and(somethingToSend())
                    .and(notPickedUp())
                    .orderBy(RETURNS.APPROVED_AT)
                    .limit(BATCH)
                    .fetch();
            for (var row : due) {
                java.time.LocalDate lastDay = row.value5().atZoneSameInstant(app.landfall.merchants.Merchants.zone(row.value6())).toLocalDate();
                outbox.remindReturnExpiring(tx, row.value1(), row.value2(), row.value3(), lastDay, row.value4(), now);
            }
            return due.size();
        });
    }

    /** The return's own policy's days; the merchant's default policy's when it has none; else 30. */
    private static Field<Integer> shipWithin() {
        ReturnPolicies own = RETURN_POLICIES.as("own_policy");
        ReturnPolicies fallback = RETURN_POLICIES.as("default_policy");
        return DSL.coalesce(
                DSL.field(DSL.select(own.SHIP_WITHIN_DAYS).from(own)
                        .where(own.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(own.ID.eq(RETURNS.POLICY_ID))),
                DSL.field(DSL.select(fallback.SHIP_WITHIN_DAYS).from(fallback)
                        .where(fallback.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(fallback.IS_DEFAULT)),
                DSL.inline(DEFAULT_SHIP_WITHIN_DAYS));
    }

    /** Items the shopper keeps are not sent; a return of only those has nothing to wait for. */
    private static Condition somethingToSend() {
        return DSL.exists(DSL.selectOne().from(RETURN_ITEMS)
                .where(RETURN_ITEMS.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(RETURN_ITEMS.RETURN_ID.eq(RETURNS.ID))
                .and(RETURN_ITEMS.KEEP_ITEM.isFalse()));
    }

    /** A parcel the carrier has scanned is on its way even if nobody marked the return in transit yet. */
    private static Condition notPickedUp() {
        return RETURNS.RETURN_SHIPMENT_ID.isNull().or(DSL.notExists(DSL.selectOne().from(SHIPMENTS)
                .where(SHIPMENTS.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(SHIPMENTS.ID.eq(RETURNS.RETURN_SHIPMENT_ID))
                .and(SHIPMENTS.STATUS.notIn(NOT_PICKED_UP))));
    }
}
