package app.landfall.notifications;

import static app.landfall.db.schema.Tables.BRANDS;
import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.NOTIFICATION_TIMING;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.SHIPMENTS;

import app.landfall.merchants.Merchants;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The parcel messages no status change raises, written by a background job: the pickup reminder
 * (the day before a parcel waiting at a pickup point is sent back, by every channel the store has
 * on for it) and the review request (an email some days after delivery, as the store set). Each is
 * once per parcel and channel: its dedupe key makes a second run, or another process running at the
 * same time, write nothing, and each run writes in one transaction. Demo stores' back-dated parcels
 * tell nobody.
 */
final class ShipmentReminders {
    /** A review request is still sent this long after its day (a server that was down); older deliveries are history. */
    static final Duration REVIEW_LATE_BY = Duration.ofDays(2);
    private static final int BATCH = 500;
    private static final List<String> CHANNELS = List.of("email", "sms", "whatsapp");

    private final DSLContext dsl;
    private final Clock clock;
    private final Outbox outbox;

    ShipmentReminders(DSLContext dsl, Clock clock, Outbox outbox) {
        this.dsl = dsl;
        this.clock = clock;
        this.outbox = outbox;
    }

    /** Writes the pickup reminders due now; returns how many parcels were due one. */
    int remindPickups() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        LocalDate utcToday = now.toLocalDate();
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            // a day either side of UTC's date covers every store's own date; each store's is checked below
            var due = tx.select(SHIPMENTS.MERCHANT_ID, SHIPMENTS.ID, SHIPMENTS.PICKUP_DEADLINE, ORDERS.CUSTOMER_EMAIL, ORDERS.CUSTOMER_PHONE,
                            MERCHANTS.TIMEZONE, language())
                    .from(SHIPMENTS)
                    .join(ORDERS).on(ORDERS.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID)).and(ORDERS.ID.eq(SHIPMENTS.ORDER_ID))
                    .join(MERCHANTS).on(MERCHANTS.ID.eq(SHIPMENTS.MERCHANT_ID))
                    .where(SHIPMENTS.STATUS.eq("AvailableForPickup")).and(SHIPMENTS.DIRECTION.eq("outbound"))
                    .and(SHIPMENTS.PICKUP_DEADLINE.between(utcToday, utcToday.plusDays(2)))
                    .and(MERCHANTS.IS_DEMO.isFalse())
                    .limit(BATCH)
                    .fetch();
            int reminded = 0;
            Map<Long, Map<NotificationTriggers.Switch, Boolean>> switches = new java.util.HashMap<>();
            ShipmentTrigger trigger = ShipmentTrigger.PICKUP_REMINDER;
            for (var r : due) {
                LocalDate today = now.atZoneSameInstant(Merchants.zone(r.value6())).toLocalDate();
                LocalDate deadline = r.value3();
                if (today.isBefore(deadline.minusDays(1)) || today.isAfter(deadline)) {
                    continue;
                }
                reminded++;
                var on = switches.computeIfAbsent(r.value1(), m -> NotificationTriggers.of(tx, m, CHANNELS));
                for (String channel : CHANNELS) {
                    String recipient = channel.equals("email") ? r.value4() : r.value5();
                    if (recipient != null && !recipient.isBlank()
                            && on.getOrDefault(new NotificationTriggers.Switch(trigger.template(), channel), false)) {
                        outbox.add(tx, new Notice(r.value1(), Notice.Channel.of(channel), trigger.template(), recipient.strip(), r.value7(),
                                Map.of("shipment_id", r.value2(), "status", "AvailableForPickup"),
                                trigger.dedupeKey(r.value2(), channel, null), r.value2(), null), now);
                    }
                }
            }
            return reminded;
        });
    }

    /**
     * Writes the review requests due now: an email for each parcel delivered at least the store's
     * days ago (7 unless it chose; none when it turned them off), and no more than
     * {@link #REVIEW_LATE_BY} beyond that. Returns how many parcels were due one.
     */
    int requestReviews() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Field<Integer> days = DSL.coalesce(NOTIFICATION_TIMING.REVIEW_AFTER_DAYS.cast(Integer.class),
                DSL.inline(NotificationTiming.DEFAULT_REVIEW_DAYS));
        Field<OffsetDateTime> dueAt = SHIPMENTS.DELIVERED_AT.plus(days);
        ShipmentTrigger trigger = ShipmentTrigger.REVIEW_REQUEST;
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            var due = tx.select(SHIPMENTS.MERCHANT_ID, SHIPMENTS.ID, ORDERS.CUSTOMER_EMAIL, language())
                    .from(SHIPMENTS)
                    .join(ORDERS).on(ORDERS.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID)).and(ORDERS.ID.eq(SHIPMENTS.ORDER_ID))
                    .join(MERCHANTS).on(MERCHANTS.ID.eq(SHIPMENTS.MERCHANT_ID))
                    .leftJoin(NOTIFICATION_TIMING).on(NOTIFICATION_TIMING.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID))
                    .where(SHIPMENTS.STATUS.eq("Delivered")).and(SHIPMENTS.DIRECTION.eq("outbound"))
                    // a store that saved its timing without a review request has turned it off
                    .and(NOTIFICATION_TIMING.MERCHANT_ID.isNull().or(NOTIFICATION_TIMING.REVIEW_AFTER_DAYS.isNotNull()))
                    .and(SHIPMENTS.DELIVERED_AT.gt(now.minusDays(30).minus(REVIEW_LATE_BY)))
                    .and(dueAt.le(now)).and(dueAt.gt(now.minus(REVIEW_LATE_BY)))
                    .and(ORDERS.CUSTOMER_EMAIL.isNotNull())
                    .and(MERCHANTS.IS_DEMO.isFalse())
                    .limit(BATCH)
                    .fetch();
            for (var r : due) {
                outbox.add(tx, new Notice(r.value1(), Notice.Channel.EMAIL, trigger.template(), r.value3().strip(), r.value4(),
                        Map.of("shipment_id", r.value2(), "status", "Delivered"), trigger.dedupeKey(r.value2(), "email", null), r.value2(),
                        null), now);
            }
            return due.size();
        });
    }

    /** The order's brand's language, else the store's default brand's, else English (as the status messages' statement). */
    private static Field<String> language() {
        return DSL.coalesce(DSL.field(DSL.select(BRANDS.DEFAULT_LANGUAGE).from(BRANDS)
                .where(BRANDS.MERCHANT_ID.eq(ORDERS.MERCHANT_ID))
                .and(BRANDS.ID.eq(ORDERS.BRAND_ID).or(ORDERS.BRAND_ID.isNull().and(BRANDS.IS_DEFAULT)))
                .orderBy(BRANDS.ID).limit(1)), DSL.inline("en"));
    }
}
