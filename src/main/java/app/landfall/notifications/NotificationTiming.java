package app.landfall.notifications;

import static app.landfall.db.schema.Tables.NOTIFICATION_TIMING;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * When a store's customers hear from it: its quiet hours, the moments exempt from them, and the
 * review request's delay. The one writer of {@code notification_timing}; a store without a row has
 * {@link Timing#DEFAULT}.
 */
final class NotificationTiming {
    /** The moments that go out even in quiet hours unless the store chooses otherwise: news that cannot wait for morning. */
    static final Set<String> URGENT = Set.of(ShipmentTrigger.OUT_FOR_DELIVERY.template(), ShipmentTrigger.FAILED_ATTEMPT.template(),
            ShipmentTrigger.PICKUP_REMINDER.template());
    /** The moments a store may exempt, in the order the settings list them. */
    static final List<ShipmentTrigger> EXEMPTABLE = List.of(ShipmentTrigger.OUT_FOR_DELIVERY, ShipmentTrigger.FAILED_ATTEMPT,
            ShipmentTrigger.PICKUP_REMINDER, ShipmentTrigger.AVAILABLE_FOR_PICKUP, ShipmentTrigger.DELIVERED, ShipmentTrigger.EXCEPTION);
    static final int DEFAULT_REVIEW_DAYS = 7;

    /** {@code reviewAfterDays}: null when the store sends no review request. */
    record Timing(QuietHours quiet, Set<String> exempt, Integer reviewAfterDays) {
        static final Timing DEFAULT = new Timing(QuietHours.DEFAULT, URGENT, DEFAULT_REVIEW_DAYS);

        Timing {
            exempt = Set.copyOf(exempt);
        }

        /** Whether a message of this template waits for the end of quiet hours: never a staff email, nor an exempt moment. */
        boolean holds(String template) {
            return quiet.on() && !template.startsWith("admin.") && !exempt.contains(template);
        }
    }

    private NotificationTiming() {
    }

    static Timing of(DSLContext dsl, long merchantId) {
        return dsl.selectFrom(NOTIFICATION_TIMING).where(NOTIFICATION_TIMING.MERCHANT_ID.eq(merchantId)).fetchOptional()
                .map(r -> new Timing(new QuietHours(r.getQuietHours(), r.getQuietStart(), r.getQuietEnd()), Set.of(r.getExempt()),
                        r.getReviewAfterDays() == null ? null : r.getReviewAfterDays().intValue()))
                .orElse(Timing.DEFAULT);
    }

    static void save(DSLContext tx, long merchantId, Timing timing, OffsetDateTime now) {
        Short days = timing.reviewAfterDays() == null ? null : timing.reviewAfterDays().shortValue();
        String[] exempt = timing.exempt().stream().sorted().toArray(String[]::new);
        tx.insertInto(NOTIFICATION_TIMING)
                .set(NOTIFICATION_TIMING.MERCHANT_ID, merchantId)
                .set(NOTIFICATION_TIMING.QUIET_HOURS, timing.quiet().on())
                .set(NOTIFICATION_TIMING.QUIET_START, timing.quiet().start())
                .set(NOTIFICATION_TIMING.QUIET_END, timing.quiet().end())
                .set(NOTIFICATION_TIMING.EXEMPT, exempt)
                .set(NOTIFICATION_TIMING.REVIEW_AFTER_DAYS, days)
                .set(NOTIFICATION_TIMING.UPDATED_AT, now)
                .onConflict(NOTIFICATION_TIMING.MERCHANT_ID).doUpdate()
                .set(NOTIFICATION_TIMING.QUIET_HOURS, timing.quiet().on())
                .set(NOTIFICATION_TIMING.QUIET_START, timing.quiet().start())
                .set(NOTIFICATION_TIMING.QUIET_END, timing.quiet().end())
                .set(NOTIFICATION_TIMING.EXEMPT, exempt)
                .set(NOTIFICATION_TIMING.REVIEW_AFTER_DAYS, days)
                .set(NOTIFICATION_TIMING.UPDATED_AT, now)
                .execute();
    }
}
