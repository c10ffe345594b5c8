package app.landfall.notifications;

import app.landfall.admin.AdminAccess;
import app.landfall.admin.AdminPages;
import app.landfall.admin.AdminUser;
import app.landfall.admin.Role;
import app.landfall.audit.AuditTrail;
import app.landfall.web.ClientAddress;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
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
 * Settings › Notifications: which moments of a parcel's journey and of a return the store's customers
 * hear about, on which channel (a matrix of checkboxes, one form), and when ({@link TimingSettings}:
 * quiet hours, the review request). Admins and owners only.
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
        /** Whether the store can write its own words for this message (Settings › Notifications › Edit message). */
        public boolean editable() {
            return DefaultWords.editable(trigger);
        }

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

    /**
     * POST /admin/settings/notifications/timing: quiet hours (on, start, end, the moments exempt)
     * and the review request (on, days after delivery). A mistake re-renders the page with what was
     * typed and a message at the field; nothing is saved then.
     */
    public void saveTiming(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.ADMIN);
        TimingForm form = TimingForm.posted(ctx.formParam("quiet_hours"), ctx.formParam("quiet_start"), ctx.formParam("quiet_end"),
                ctx.formParams("exempt"), ctx.formParam("review"), ctx.formParam("review_days")).checked();
        if (!form.ok()) {
            render(ctx, user, NotificationTriggers.of(dsl, user.merchantId(), codes()), form, null, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        NotificationTiming.Timing timing = form.timing();
        String ip = clientAddress.of(ctx);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            NotificationTiming.save(tx, user.merchantId(), timing, now);
            Map<String, Object> details = new HashMap<>();
            details.put("quiet_hours", timing.quiet().on() ? timing.quiet().start() + "-" + timing.quiet().end() : "off");
            details.put("exempt", timing.exempt().stream().sorted().toList());
            details.put("review_after_days", timing.reviewAfterDays() == null ? "off" : timing.reviewAfterDays());
            audit.record(tx, user, ip, "notification_timing.changed", "merchant", user.merchantId(), details);
        });
        String saved = (timing.quiet().on() ? "Saved: quiet hours " + timing.quiet().start() + "–" + timing.quiet().end()
                + " in each customer's time zone" : "Saved: no quiet hours")
                + (timing.reviewAfterDays() == null ? "; no review requests." : "; review requests " + days(timing.reviewAfterDays()) + ".");
        AdminPages.flash(ctx, saved);
        ctx.redirect("/admin/settings/notifications", HttpStatus.SEE_OTHER);
    }

    private static String days(int days) {
        return days == 0 ? "on the day of delivery" : days + (days == 1 ? " day" : " days") + " after delivery";
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
                render(ctx, user, asSent, null, "One of the boxes sent is not a message Landfall sends. Reload the page and choose again:"
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
        AdminPages.flash(ctx, "Saved: customers hear about " + on.stream().map(NotificationTriggers.Switch::trigger).distinct().count()
                + " of " + NotificationTriggers.all().size() + " moments from now on.");
        ctx.redirect("/admin/settings/notifications", HttpStatus.SEE_OTHER);
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
        render(ctx, user, switches, null, error, status);
    }

    /** {@code timing}: the timing form as typed (with its mistakes), or null for the store's saved one. */
    private void render(Context ctx, AdminUser user, Map<NotificationTriggers.Switch, Boolean> switches, TimingForm timing,
            String error, HttpStatus status) {
        Map<String, Object> model = new HashMap<>();
        model.put("channels", CHANNELS);
        model.put("rows", rows(NotificationTriggers.shipments(), switches));
        model.put("returnRows", rows(NotificationTriggers.returns(), switches));
        model.put("textsKept", textsKept == null ? null : textsKept.substring(0, textsKept.indexOf('|')));
        model.put("textsKeptSettings", textsKept == null ? null : textsKept.substring(textsKept.indexOf('|') + 1));
        model.put("error", error);
        model.put("notice", null);
        model.put("timing", timing != null ? timing : TimingForm.of(NotificationTiming.of(dsl, user.merchantId())));
        model.put("timingError", timing != null);
        ctx.status(status);
        AdminPages.render(ctx, user, "notifications", "admin/notifications", model);
    }

    private static List<Row> rows(List<NotificationTriggers.Trigger> triggers, Map<NotificationTriggers.Switch, Boolean> switches) {
        return triggers.stream().map(t -> new Row(t.template(), t.label(), t.hint(),
                CHANNELS.stream().map(c -> new Cell("on-" + t.code() + "-" + c.code(), t.template() + ":" + c.code(), c.inSentence(),
                        switches.getOrDefault(new NotificationTriggers.Switch(t.template(), c.code()), false))).toList())).toList();
    }
}
