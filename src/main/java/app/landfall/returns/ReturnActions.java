package app.landfall.returns;

import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.RETURN_ITEMS;

import app.landfall.notifications.Outbox;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;

/**
 * What the merchant (and, for cancelling, the shopper) does with a return. Each action is one
 * transaction: the return's row is locked, the step is checked against {@link ReturnStatus}, the
 * row and its items change, and the outbox gets the event. A step the state machine does not allow
 * is refused with a message saying why; the database trigger refuses it too.
 */
public final class ReturnActions {
    private final DSLContext dsl;
    private final Clock clock;
    private final Outbox outbox;
    private final Audit audit;

    public ReturnActions(DSLContext dsl, Clock clock, Outbox outbox) {
        this(dsl, clock, outbox, (tx, merchantId, returnId, rma, status, details) -> { });
    }

    private ReturnActions(DSLContext dsl, Clock clock, Outbox outbox, Audit audit) {
        this.dsl = dsl;
        this.clock = clock;
        this.outbox = outbox;
        this.audit = audit;
    }

    /**
     * Told of every transition, inside its transaction (the admin writes its audit log here), with
     * what else is worth keeping (a resolution's amount, the suggested one, and why it was exceeded).
     */
    @FunctionalInterface
    public interface Audit {
        void moved(DSLContext tx, long merchantId, long returnId, String rma, ReturnStatus status, Map<String, Object> details);
    }

    /** The same actions, each also recorded by {@code audit} in its transaction. */
    public ReturnActions audited(Audit audit) {
        return new ReturnActions(dsl, clock, outbox, audit);
    }

    /** What an action came to: done (with the new status), refused with a message, or no such return. */
    public record Outcome(boolean done, boolean found, ReturnStatus status, String message) {
        static Outcome notFound() {
            return new Outcome(false, false, null, "No such return.");
        }

        static Outcome refused(ReturnStatus status, String message) {
            return new Outcome(false, true, status, message);
        }
    }

    /** How an item arrived: how many units, and in what condition. */
    public record Received(int quantity, String condition) {
    }

    public Outcome approve(long merchantId, long returnId) {
        return move(merchantId, returnId, ReturnStatus.APPROVED, (tx, update) -> {
            update.set(RETURNS.APPROVED_AT, now());
            ReturnParcels.open(tx, merchantId, returnId, now());
        });
    }

    public Outcome reject(long merchantId, long returnId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 1_000) {
            return Outcome.refused(null, "Give the shopper a reason (up to 1,000 characters): it is shown to them.");
        }
        return move(merchantId, returnId, ReturnStatus.REJECTED,
                (tx, update) -> update.set(RETURNS.REJECTION_REASON, reason.strip()).set(RETURNS.REJECTED_AT, now()));
    }

    /** The shopper changed their mind: possible until the parcel is on its way. */
    public Outcome cancel(long merchantId, long returnId) {
        return move(merchantId, returnId, ReturnStatus.CANCELLED, (tx, update) -> update.set(RETURNS.CANCELLED_AT, now()));
    }

    /** The carrier picked up the return parcel (the return shipment's first scan). */
    public Outcome markInTransit(long merchantId, long returnId) {
        return move(merchantId, returnId, ReturnStatus.IN_TRANSIT, (tx, update) -> { });
    }

    /** The parcel arrived: per return item, the units that came and their condition. */
    public Outcome markReceived(long merchantId, long returnId, Map<Long, Received> items) {
        for (Received r : items.values()) {
            if (r.quantity() < 0 || r.condition() == null
                    || !java.util.Set.of("as_new", "opened", "used", "damaged", "missing").contains(r.condition())) {
                return Outcome.refused(null, "Each item needs the units received (0 or more) and a condition: "
                        + "as_new, opened, used, damaged or missing.");
            }
        }
        return move(merchantId, returnId, ReturnStatus.RECEIVED, (tx, update) -> {
            update.set(RETURNS.RECEIVED_AT, now());
            items.forEach((itemId, r) -> {
                int changed = tx.update(RETURN_ITEMS)
                        .set(RETURN_ITEMS.RECEIVED_QUANTITY, r.quantity())
                        .set(RETURN_ITEMS.CONDITION, r.condition())
                        .where(RETURN_ITEMS.MERCHANT_ID.eq(merchantId)).and(RETURN_ITEMS.RETURN_ID.eq(returnId)).and(RETURN_ITEMS.ID.eq(itemId))
                        .and(RETURN_ITEMS.QUANTITY.ge(r.quantity()))
                        .execute();
                if (changed != 1) {
                    throw new Refusal("Item " + itemId + " is not part of this return, or more units were received than it lists.");
                }
            });
        });
    }

    /**
     * Records how the return ended: refunded or credited with the amount, or exchanged. No payment
     * is made here: the {@code return.refunded} / {@code return.credited} event in the outbox is what
     * a payment integration acts on, so the amount is held to {@link RefundLimits}: never more than
     * was paid, and above the suggested amount only by an owner or admin who says why.
     *
     * @param mayExceedSuggested whether the person resolving is an owner or admin
     * @param reason             why more than the suggested amount is paid (kept in the audit log)
     */
    public Outcome resolve(long merchantId, long returnId, ReturnPolicy.Resolution how, BigDecimal amount,
            boolean mayExceedSuggested, String reason) {
        if (how == null) {
            return Outcome.refused(null, "Choose refund, store credit or exchange.");
        }
        if (how != ReturnPolicy.Resolution.EXCHANGE && (amount == null || amount.signum() < 0 || amount.scale() > 4)) {
            return Outcome.refused(null, "The amount must be zero or more, with at most 4 decimals.");
        }
        ReturnStatus target = switch (how) {
            case REFUND -> ReturnStatus.REFUNDED;
            case STORE_CREDIT -> ReturnStatus.CREDITED;
            case EXCHANGE -> ReturnStatus.EXCHANGED;
        };
        return move(merchantId, returnId, target, (tx, update, details) -> {
            update.set(RETURNS.COMPLETED_AT, now());
            if (how == ReturnPolicy.Resolution.EXCHANGE) {
                return;
            }
            Record r = tx.select(RETURNS.CURRENCY, RETURNS.ITEMS_VALUE, RETURNS.BONUS, RETURNS.TOTAL, RETURNS.RESOLUTION).from(RETURNS)
                    .where(RETURNS.MERCHANT_ID.eq(merchantId)).and(RETURNS.ID.eq(returnId)).fetchSingle();
            RefundLimits limits = new RefundLimits(r.get(RETURNS.CURRENCY), r.get(RETURNS.ITEMS_VALUE), r.get(RETURNS.BONUS), r.get(RETURNS.TOTAL),
                    ReturnPolicy.Resolution.valueOf(r.get(RETURNS.RESOLUTION).toUpperCase(java.util.Locale.ROOT)));
            limits.problem(how, amount, mayExceedSuggested, reason).ifPresent(problem -> {
                throw new Refusal(problem);
            });
            BigDecimal suggested = limits.suggested(how);
            details.put("amount", limits.shown(amount));
            details.put("suggested", limits.shown(suggested));
            if (amount.compareTo(suggested) > 0) {
                details.put("above_suggested_because", reason.strip());
            }
            update.set(how == ReturnPolicy.Resolution.REFUND ? RETURNS.REFUND_AMOUNT : RETURNS.CREDIT_AMOUNT, amount);
        });
    }

    /** A change to a return's row, made in the transition's transaction; {@code details} go to the audit log. */
    @FunctionalInterface
    private interface Change {
        void apply(DSLContext tx, UpdateSetMoreStep<?> update, Map<String, Object> details);
    }

    /** Thrown inside an action's transaction to undo it and answer with the message. */
    private static final class Refusal extends RuntimeException {
        Refusal(String message) {
            super(message, null, false, false);
        }
    }

    private Outcome move(long merchantId, long returnId, ReturnStatus target, BiConsumer<DSLContext, UpdateSetMoreStep<?>> change) {
        return move(merchantId, returnId, target, (tx, update, details) -> change.accept(tx, update));
    }

    private Outcome move(long merchantId, long returnId, ReturnStatus target, Change change) {
        try {
            return dsl.transactionResult(cfg -> {
                DSLContext tx = DSL.using(cfg);
                Record row = tx.select(RETURNS.STATUS, RETURNS.RMA_NUMBER, ORDERS.CUSTOMER_EMAIL)
                        .from(RETURNS).join(ORDERS).on(ORDERS.MERCHANT_ID.eq(RETURNS.MERCHANT_ID)).and(ORDERS.ID.eq(RETURNS.ORDER_ID))
                        .where(RETURNS.MERCHANT_ID.eq(merchantId)).and(RETURNS.ID.eq(returnId))
                        .forUpdate().of(RETURNS)
                        .fetchOne();
                if (row == null) {
                    return Outcome.notFound();
                }
                ReturnStatus current = ReturnStatus.of(row.get(RETURNS.STATUS)).orElseThrow();
                if (!current.canBecome(target)) {
                    return Outcome.refused(current, "Return " + row.get(RETURNS.RMA_NUMBER) + " is " + words(current)
                            + ", so it cannot be " + words(target) + ".");
                }
                OffsetDateTime now = now();
                UpdateSetMoreStep<?> update = tx.update(RETURNS).set(RETURNS.STATUS, target.code()).set(RETURNS.UPDATED_AT, now);
                Map<String, Object> details = new java.util.LinkedHashMap<>();
                change.apply(tx, update, details);
                update.where(RETURNS.MERCHANT_ID.eq(merchantId)).and(RETURNS.ID.eq(returnId)).execute();
                outbox.announceReturn(tx, merchantId, returnId, row.get(RETURNS.RMA_NUMBER), target.code(), row.get(ORDERS.CUSTOMER_EMAIL), now);
                audit.moved(tx, merchantId, returnId, row.get(RETURNS.RMA_NUMBER), target, details);
                return new Outcome(true, true, target, "Return " + row.get(RETURNS.RMA_NUMBER) + " is " + words(target) + ".");
            });
        } catch (Refusal r) {
            return Outcome.refused(null, r.getMessage());
        } catch (org.jooq.exception.DataAccessException e) {
            if (e.getCause() instanceof Refusal r) {
                return Outcome.refused(null, r.getMessage());
            }
            throw e;
        }
    }

    private static String words(ReturnStatus status) {
        return status.code().replace('_', ' ');
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
