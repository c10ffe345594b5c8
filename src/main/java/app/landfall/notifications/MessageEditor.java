package app.landfall.notifications;

import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;

import app.landfall.admin.AdminAccess;
import app.landfall.admin.AdminPages;
import app.landfall.admin.AdminUser;
import app.landfall.admin.Role;
import app.landfall.audit.AuditTrail;
import app.landfall.i18n.Languages;
import app.landfall.web.ClientAddress;
import app.landfall.web.SecurityHeaders;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Settings › Notifications › Edit message: a store's own subject and body for one message in one
 * language (email, and the SMS/WhatsApp text), with the placeholders it may use, a preview on the
 * store's newest matching parcel or return (live with htmx, a Preview button without), "Send a
 * test to me", and "Reset to default". Admins and owners only, as the settings screen.
 */
public final class MessageEditor {
    /** A store's admin may send this many tests in {@link #TEST_WINDOW}: enough to try, too few to mail anyone much. */
    static final int TESTS_PER_WINDOW = 5;
    static final Duration TEST_WINDOW = Duration.ofMinutes(10);
    private static final Map<String, String> LANGUAGES = Map.of("en", "English", "de", "Deutsch", "fr", "Français", "es", "Español");

    private final DSLContext dsl;
    private final Clock clock;
    private final Outbox outbox;
    private final MessagePreview preview;
    private final AuditTrail audit;
    private final ClientAddress clientAddress;
    private final boolean sendsEmail;

    /** {@code changed}: told of a store whose words were saved or reset (the email renderer reads them again at once). */
    private final java.util.function.LongConsumer changed;

    MessageEditor(DSLContext dsl, Clock clock, Outbox outbox, MessagePreview preview, AuditTrail audit, ClientAddress clientAddress,
            boolean sendsEmail, java.util.function.LongConsumer changed) {
        this.changed = changed;
        this.dsl = dsl;
        this.clock = clock;
        this.outbox = outbox;
        this.preview = preview;
        this.audit = audit;
        this.clientAddress = clientAddress;
        this.sendsEmail = sendsEmail;
    }

    /** What the form holds: the words as typed, and what is wrong with them (by field). */
    public record Form(String subject, String body, String text, Map<String, List<String>> problems) {
        boolean valid() {
            return problems.isEmpty();
        }

        CustomWords.Words email() {
            return new CustomWords.Words(subject.strip(), body.strip());
        }

        CustomWords.Words texts() {
            return new CustomWords.Words(null, text.strip());
        }
    }

    public record Language(String code, String label, String url, boolean current) {
    }

    public record Problem(String field, String message) {
    }

    public record PlaceholderRow(String code, String description, String example) {
    }

    /** GET /admin/settings/notifications/{trigger}/{language} */
    public void show(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.ADMIN);
        Target target = target(ctx);
        CustomWords.Words email = CustomWords.find(dsl, user.merchantId(), target.template, target.language, CustomWords.Channel.EMAIL)
                .orElse(DefaultWords.of(target.template, target.language, CustomWords.Channel.EMAIL));
        CustomWords.Words text = CustomWords.find(dsl, user.merchantId(), target.template, target.language, CustomWords.Channel.TEXT)
                .orElse(DefaultWords.of(target.template, target.language, CustomWords.Channel.TEXT));
        Form form = check(target, email.subject(), email.body(), text.body());
        render(ctx, user, target, form, null, HttpStatus.OK);
    }

    /** POST /admin/settings/notifications/{trigger}/{language}: keeps the store's words (the built-in ones unchanged keep none). */
    public void save(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.ADMIN);
        Target target = target(ctx);
        Form form = fromRequest(ctx, target);
        if (!form.valid()) {
            render(ctx, user, target, form, null, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        OffsetDateTime now = now();
        String ip = clientAddress.of(ctx);
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            for (CustomWords.Channel channel : CustomWords.Channel.values()) {
                CustomWords.Words words = channel == CustomWords.Channel.EMAIL ? form.email() : form.texts();
                if (words.equals(DefaultWords.of(target.template, target.language, channel))) {
                    CustomWords.reset(tx, user.merchantId(), target.template, target.language, channel);
                } else {
                    CustomWords.save(tx, user.merchantId(), target.template, target.language, channel, words, user.userId(), now);
                }
            }
            audit.record(tx, user, ip, "notification_template.saved", "merchant", user.merchantId(),
                    Map.of("template", target.template, "language", target.language));
        });
        changed.accept(user.merchantId());
        redirect(ctx, target, "Saved: " + target.label + " messages in " + LANGUAGES.get(target.language) + " use these words from now on.");
    }

    /** POST …/reset: back to the built-in words for this message and language, on every channel. */
    public void reset(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.ADMIN);
        Target target = target(ctx);
        String ip = clientAddress.of(ctx);
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            for (CustomWords.Channel channel : CustomWords.Channel.values()) {
                CustomWords.reset(tx, user.merchantId(), target.template, target.language, channel);
            }
            audit.record(tx, user, ip, "notification_template.reset", "merchant", user.merchantId(),
                    Map.of("template", target.template, "language", target.language));
        });
        changed.accept(user.merchantId());
        redirect(ctx, target, "Reset: " + target.label + " messages in " + LANGUAGES.get(target.language) + " use Landfall's words again.");
    }

    /** POST …/preview: the preview of the words as typed (the fragment for htmx, else the whole page). */
    public void preview(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.ADMIN);
        Target target = target(ctx);
        Form form = fromRequest(ctx, target);
        if (ctx.header("HX-Request") != null && !"true".equals(ctx.header("HX-Boosted"))) {
            Map<String, Object> model = new HashMap<>();
            putPreview(model, user, target, form);
            ctx.render("admin/notification-message :: preview", model);
            return;
        }
        render(ctx, user, target, form, null, form.valid() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT);
    }

    /** POST …/test: the email as previewed, to the signed-in admin's own address, through the outbox like any other. */
    public void test(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.ADMIN);
        Target target = target(ctx);
        Form form = fromRequest(ctx, target);
        if (!form.valid()) {
            render(ctx, user, target, form, null, HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        OffsetDateTime now = now();
        String prefix = "test:" + user.userId() + ":";
        String ip = clientAddress.of(ctx);
        boolean queued = dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            int recent = tx.fetchCount(NOTIFICATION_OUTBOX, NOTIFICATION_OUTBOX.MERCHANT_ID.eq(user.merchantId())
                    .and(NOTIFICATION_OUTBOX.DEDUPE_KEY.startsWith(prefix)).and(NOTIFICATION_OUTBOX.CREATED_AT.gt(now.minus(TEST_WINDOW))));
            if (recent >= TESTS_PER_WINDOW) {
                return false;
            }
            Map<String, Object> payload = new LinkedHashMap<>(preview.sample(user.merchantId(), target.template).payload());
            payload.put("test", true);
            payload.put("words", Map.of("subject", form.email().subject(), "body", form.email().body()));
            outbox.add(tx, new Notice(user.merchantId(), Notice.Channel.EMAIL, target.template, user.email(), target.language, payload,
                    prefix + UUID.randomUUID(), null, null), now);
            audit.record(tx, user, ip, "notification_template.test_sent", "merchant", user.merchantId(),
                    Map.of("template", target.template, "language", target.language));
            return true;
        });
        String notice = !queued ? null : sendsEmail ? "A test is on its way to " + user.email() + ". It is listed in Messages."
                : "The test is in Messages: no mail server is configured (LANDFALL_SMTP_URL), so it is kept there, not sent.";
        Form shown = queued ? form : new Form(form.subject(), form.body(), form.text(), Map.of("test",
                List.of("You sent " + TESTS_PER_WINDOW + " tests in the last " + TEST_WINDOW.toMinutes() + " minutes. Wait a few minutes,"
                        + " then send another.")));
        // the page again, not a redirect: the words as typed stay in the form, saved or not
        render(ctx, user, target, shown, notice, queued ? HttpStatus.OK : HttpStatus.TOO_MANY_REQUESTS);
    }

    /** GET …/email?w=: the previewed email's HTML alone, for the editor's sandboxed frame. */
    public void email(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.ADMIN);
        Target target = target(ctx);
        CustomWords.Words words = PreviewLink.unpack(ctx.queryParam("w")).orElseThrow(AdminAccess::notFound);
        Form form = check(target, words.subject(), words.body(), "-");
        if (!form.valid()) {
            throw AdminAccess.notFound();
        }
        SecurityHeaders.emailPreview(ctx);
        ctx.contentType("text/html; charset=utf-8").result(preview.email(user.merchantId(), target.template, target.language, words).html());
    }

    private record Target(String template, String language, String label, Placeholder.Kind kind) {
    }

    private static Target target(Context ctx) {
        String template = ctx.pathParam("trigger");
        String language = ctx.pathParam("language");
        if (!DefaultWords.editable(template) || !Languages.SUPPORTED.contains(language)) {
            throw AdminAccess.notFound();
        }
        return new Target(template, language, label(template), Placeholder.Kind.of(template).orElseThrow());
    }

    /** The message as the settings list names it. */
    static String label(String template) {
        return ShipmentTrigger.byTemplate(template).map(ShipmentTrigger::label).orElseGet(() -> switch (template) {
            case "return.requested" -> "Return requested";
            case "return.approved" -> "Return approved";
            case "return.rejected" -> "Return not accepted";
            case "return.in_transit" -> "Return on its way";
            case "return.received" -> "Return received";
            case "return.refunded" -> "Refund issued";
            case "return.credited" -> "Store credit issued";
            case "return.exchanged" -> "Exchange sent";
            case "return.cancelled" -> "Return cancelled";
            default -> "Return expired";
        });
    }

    private static Form fromRequest(Context ctx, Target target) {
        return check(target, value(ctx.formParam("subject")), value(ctx.formParam("body")), value(ctx.formParam("text")));
    }

    private static String value(String raw) {
        return raw == null ? "" : raw;
    }

    private static Form check(Target target, String subject, String body, String text) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        try {
            WordsTemplate.subject(subject, target.kind);
        } catch (WordsTemplate.Invalid e) {
            problems.put("subject", messages(e));
        }
        try {
            WordsTemplate.body(body, target.kind);
        } catch (WordsTemplate.Invalid e) {
            problems.put("body", messages(e));
        }
        try {
            WordsTemplate.text(text, target.kind);
        } catch (WordsTemplate.Invalid e) {
            problems.put("text", messages(e));
        }
        return new Form(subject, body.replace("\r\n", "\n"), text.replace("\r\n", "\n"), problems);
    }

    private static List<String> messages(WordsTemplate.Invalid e) {
        return e.problems().stream().map(WordsTemplate.Problem::message).toList();
    }

    private void render(Context ctx, AdminUser user, Target target, Form form, String notice, HttpStatus status) {
        Map<String, Object> model = new HashMap<>();
        model.put("template", target.template);
        model.put("language", target.language);
        model.put("languageLabel", LANGUAGES.get(target.language));
        model.put("label", target.label);
        model.put("kindWords", target.kind.words());
        model.put("base", base(target));
        model.put("languages", Languages.SUPPORTED.stream()
                .map(l -> new Language(l, LANGUAGES.get(l), "/admin/settings/notifications/" + target.template + "/" + l,
                        l.equals(target.language))).toList());
        model.put("placeholders", Placeholder.of(target.kind).stream()
                .map(p -> new PlaceholderRow(p.code(), p.description(), p.example())).toList());
        model.put("form", form);
        model.put("summary", form.problems().entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(m -> new Problem(e.getKey(), m))).toList());
        model.put("own", CustomWords.find(dsl, user.merchantId(), target.template, target.language, CustomWords.Channel.EMAIL).isPresent()
                || CustomWords.find(dsl, user.merchantId(), target.template, target.language, CustomWords.Channel.TEXT).isPresent());
        model.put("notice", notice);
        putPreview(model, user, target, form);
        ctx.status(status);
        AdminPages.render(ctx, user, "notifications", "admin/notification-message", model);
    }

    private void putPreview(Map<String, Object> model, AdminUser user, Target target, Form form) {
        model.put("base", base(target));
        model.put("previewProblems", form.problems().containsKey("test") ? List.of() : form.problems().values().stream()
                .flatMap(List::stream).toList());
        if (form.problems().keySet().stream().anyMatch(k -> !k.equals("test"))) {
            return;
        }
        MessagePreview.Email email = preview.email(user.merchantId(), target.template, target.language, form.email());
        model.put("previewSubject", email.subject());
        model.put("previewFrom", email.from());
        model.put("previewSample", email.sample());
        model.put("previewUrl", base(target) + "/email?w=" + URLEncoder.encode(PreviewLink.pack(form.email()), StandardCharsets.UTF_8));
        MessagePreview.Text text = preview.text(user.merchantId(), target.template, target.language, form.texts());
        model.put("previewText", text.text());
        model.put("previewSegments", text.segments());
    }

    private static String base(Target target) {
        return "/admin/settings/notifications/" + target.template + "/" + target.language;
    }

    private static void redirect(Context ctx, Target target, String notice) {
        AdminPages.flash(ctx, notice);
        ctx.redirect(base(target), HttpStatus.SEE_OTHER);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
