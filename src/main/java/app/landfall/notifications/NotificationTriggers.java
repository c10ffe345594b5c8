package app.landfall.notifications;

import static app.landfall.db.schema.Tables.NOTIFICATION_TRIGGERS;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Which messages a store sends, per trigger and channel: the one writer of
 * {@code notification_triggers}. A store that never chose gets each trigger's default; the ingestion
 * path reads the table itself, joined in the statement that writes the messages ({@link Outbox}).
 */
final class NotificationTriggers {
    /** A trigger (its template name) on a channel. */
    record Switch(String trigger, String channel) {
    }

    private NotificationTriggers() {
    }

    /** Every switch of the store on these channels: what it chose, else the default. */
    static Map<Switch, Boolean> of(DSLContext dsl, long merchantId, Iterable<String> channels) {
        Map<Switch, Boolean> chosen = new HashMap<>();
        dsl.select(NOTIFICATION_TRIGGERS.TRIGGER, NOTIFICATION_TRIGGERS.CHANNEL, NOTIFICATION_TRIGGERS.ENABLED)
                .from(NOTIFICATION_TRIGGERS).where(NOTIFICATION_TRIGGERS.MERCHANT_ID.eq(merchantId))
                .forEach(r -> chosen.put(new Switch(r.value1(), r.value2()), r.value3()));
        Map<Switch, Boolean> all = new HashMap<>();
        for (ShipmentTrigger trigger : ShipmentTrigger.values()) {
            for (String channel : channels) {
                Switch s = new Switch(trigger.template(), channel);
                all.put(s, chosen.getOrDefault(s, trigger.onByDefault(channel)));
            }
        }
        return all;
    }

    /** Stores every shipment trigger on these channels: on when it is in {@code on}, else off. */
    static void save(DSLContext tx, long merchantId, Iterable<String> channels, Set<Switch> on, OffsetDateTime now) {
        var insert = tx.insertInto(NOTIFICATION_TRIGGERS, NOTIFICATION_TRIGGERS.MERCHANT_ID, NOTIFICATION_TRIGGERS.TRIGGER,
                NOTIFICATION_TRIGGERS.CHANNEL, NOTIFICATION_TRIGGERS.ENABLED, NOTIFICATION_TRIGGERS.UPDATED_AT);
        for (ShipmentTrigger trigger : ShipmentTrigger.values()) {
            for (String channel : channels) {
                insert = insert.values(merchantId, trigger.template(), channel, on.contains(new Switch(trigger.template(), channel)), now);
            }
        }
        insert.onConflict(NOTIFICATION_TRIGGERS.MERCHANT_ID, NOTIFICATION_TRIGGERS.TRIGGER, NOTIFICATION_TRIGGERS.CHANNEL)
                .doUpdate()
                .set(NOTIFICATION_TRIGGERS.ENABLED, org.jooq.impl.DSL.excluded(NOTIFICATION_TRIGGERS.ENABLED))
                .set(NOTIFICATION_TRIGGERS.UPDATED_AT, org.jooq.impl.DSL.excluded(NOTIFICATION_TRIGGERS.UPDATED_AT))
                .execute();
    }
}
