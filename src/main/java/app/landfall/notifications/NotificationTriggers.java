package app.landfall.notifications;

import static app.landfall.db.schema.Tables.NOTIFICATION_TRIGGERS;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Which messages a store sends, per trigger and channel: the one writer of
 * {@code notification_triggers}. The triggers are a parcel's moments ({@link ShipmentTrigger}) and
 * a return's ({@link ReturnTrigger}); a store that never chose gets each trigger's default: email
 * on (but in-transit updates), texts off. The ingestion path reads the table itself, joined in the
 * statement that writes the messages ({@link Outbox}).
 */
final class NotificationTriggers {
    /** A trigger (its template name) on a channel. */
    record Switch(String trigger, String channel) {
    }

    /** A row of the settings: its template, its id in the page, its words, and whether its email starts on. */
    record Trigger(String template, String code, String label, String hint, boolean emailByDefault) {
        boolean onByDefault(String channel) {
            return channel.equals("email") && emailByDefault;
        }
    }

    private NotificationTriggers() {
    }

    static List<Trigger> shipments() {
        return ShipmentTrigger.listed().stream().map(t -> new Trigger(t.template(), t.code(), t.label(), t.hint(), t.onByDefault("email")))
                .toList();
    }

    static List<Trigger> returns() {
        return java.util.Arrays.stream(ReturnTrigger.values())
                .map(t -> new Trigger(t.template(), "return-" + t.code(), t.label(), t.hint(), true)).toList();
    }

    static List<Trigger> all() {
        List<Trigger> all = new ArrayList<>(shipments());
        all.addAll(returns());
        return all;
    }

    /** Every switch of the store on these channels: what it chose, else the default. */
    static Map<Switch, Boolean> of(DSLContext dsl, long merchantId, Iterable<String> channels) {
        Map<Switch, Boolean> chosen = new HashMap<>();
        dsl.select(NOTIFICATION_TRIGGERS.TRIGGER, NOTIFICATION_TRIGGERS.CHANNEL, NOTIFICATION_TRIGGERS.ENABLED)
                .from(NOTIFICATION_TRIGGERS).where(NOTIFICATION_TRIGGERS.MERCHANT_ID.eq(merchantId))
                .forEach(r -> chosen.put(new Switch(r.value1(), r.value2()), r.value3()));
        Map<Switch, Boolean> all = new HashMap<>();
        for (Trigger trigger : all()) {
            for (String channel : channels) {
                Switch s = new Switch(trigger.template(), channel);
                all.put(s, chosen.getOrDefault(s, trigger.onByDefault(channel)));
            }
        }
        return all;
    }

    /** Stores every trigger on these channels: on when it is in {@code on}, else off. */
    static void save(DSLContext tx, long merchantId, Iterable<String> channels, Set<Switch> on, OffsetDateTime now) {
        var insert = tx.insertInto(NOTIFICATION_TRIGGERS, NOTIFICATION_TRIGGERS.MERCHANT_ID, NOTIFICATION_TRIGGERS.TRIGGER,
                NOTIFICATION_TRIGGERS.CHANNEL, NOTIFICATION_TRIGGERS.ENABLED, NOTIFICATION_TRIGGERS.UPDATED_AT);
        for (Trigger trigger : all()) {
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
