package app.landfall.notifications;

import app.landfall.admin.AdminAccess;
import app.landfall.admin.AdminPages;
import app.landfall.admin.AdminUser;
import app.landfall.admin.Role;
import app.landfall.audit.AuditTrail;
import app.landfall.web.ClientAddress;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Settings › Notifications: which moments of a parcel's journey the store's customers hear about, on
 * which channel (a matrix of checkboxes, one form). Admins and owners only.
 */
public final class NotificationSettings {
    /** A column of the matrix: its heading, and its name within a sentence (a box's label). */
    record Channel(String code, String label, String inSentence) {
    }

    /** The channels the matrix shows, in order. */
    static final List<Channel> CHANNELS = List.of(new Channel("email", "Email", "email"),
            new Channel("sms", "SMS", "SMS"), new Channel("whatsapp", "WhatsApp", "WhatsApp"));

    /** A row of the matrix, with its switch per channel. */
    record Row(String trigger, String label, String hint, List<Cell> cells) {
    }

    record Cell(String id, String value, String channelLabel, boolean on) {
    }

    private final DSLContext dsl;
    private final Clock clock;
    private final AuditTrail audit;
    private final ClientAddress clientAddress;
    private final String textsKept;

    /** {@code textsKept}: which texts are kept unsent for want of LANDFALL_TWILIO_* settings (null: every one can go out). */
    NotificationSettings(DSLContext dsl, Clock clock, AuditTrail audit, ClientAddress clientAddress, String textsKept) {
        this.dsl = dsl;
        this.clock = clock;
        this.audit = audit;
        this.clientAddress = clientAddress;
        this.textsKept = textsKept;
    }

    /** GET /admin/settings/notifications */
    public void show(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.ADMIN);
        render(ctx, user, NotificationTriggers.of(dsl, user.merchantId(), codes()), null, HttpStatus.OK);
    }

    /** POST /admin/settings/notifications: {@code on} is each ticked box, {@code <trigger>:<channel>}. */
    public void save(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.ADMIN);
        Set<NotificationTriggers.Switch> on = new LinkedHashSet<>();
        Map<NotificationTriggers.Switch, Boolean> known = NotificationTriggers.of(dsl, user.merchantId(), codes());
        for (String value : ctx.formParams("on")) {
            NotificationTriggers.Switch s = parse(value);
            if (s == null || !known.containsKey(s)) {
                Map<NotificationTriggers.Switch, Boolean> asSent = new HashMap<>();
                known.keySet().forEach(k -> asSent.put(k, ctx.formParams("on").contains(k.trigger() + ":" + k.channel())));
                render(ctx, user, asSent, "One of the boxes sent is not a message Landfall sends. Reload the page and choose again:"
                        + " nothing was saved.", HttpStatus.UNPROCESSABLE_CONTENT);
                return;
            }
            on.add(s);
        }
        String ip = clientAddress.of(ctx);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            NotificationTriggers.save(tx, user.merchantId(), codes(), on, now);
            audit.record(tx, user, ip, "notification_triggers.changed", "merchant", user.merchantId(),
                    Map.of("on", on.stream().map(s -> s.trigger() + ":" + s.channel()).sorted().toList()));
        });
        ctx.redirect("/admin/settings/notifications?notice=" + URLEncoder.encode(
                "Saved: customers hear about " + on.stream().map(NotificationTriggers.Switch::trigger).distinct().count() + " of "
                        + ShipmentTrigger.values().length + " moments from now on.", StandardCharsets.UTF_8),
                HttpStatus.SEE_OTHER);
    }

    private static List<String> codes() {
        return CHANNELS.stream().map(Channel::code).toList();
    }

    private static NotificationTriggers.Switch parse(String value) {
        int colon = value == null ? -1 : value.lastIndexOf(':');
        return colon <= 0 ? null : new NotificationTriggers.Switch(value.substring(0, colon), value.substring(colon + 1));
    }

    private void render(Context ctx, AdminUser user, Map<NotificationTriggers.Switch, Boolean> switches, String error,
            HttpStatus status) {
        List<Row> rows = java.util.Arrays.stream(ShipmentTrigger.values()).map(t -> new Row(t.template(), t.label(), t.hint(),
                CHANNELS.stream().map(c -> new Cell("on-" + t.code() + "-" + c.code(), t.template() + ":" + c.code(), c.inSentence(),
                        switches.getOrDefault(new NotificationTriggers.Switch(t.template(), c.code()), false))).toList())).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("channels", CHANNELS);
        model.put("rows", rows);
        model.put("textsKept", textsKept);
        model.put("error", error);
        model.put("notice", error == null ? ctx.queryParam("notice") : null);
        ctx.status(status);
        AdminPages.render(ctx, user, "notifications", "admin/notifications", model);
    }
}
