package app.landfall.notifications;

import app.landfall.admin.AdminAccess;
import app.landfall.admin.AdminPages;
import app.landfall.admin.AdminUser;
import app.landfall.admin.Role;
import app.landfall.audit.AuditTrail;
import app.landfall.db.schema.tables.records.NotificationOutboxRecord;
import app.landfall.i18n.Languages;
import app.landfall.web.ClientAddress;
import app.landfall.web.SecurityHeaders;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The merchant's Messages screen, a mailbox and delivery log in one: every email and text the store
 * sent, kept or gave up on, filtered in the URL; one message with its headers, its text part and its
 * HTML (in a sandboxed frame), and, for one that failed or was never sent, "Send again".
 */
public final class MessagesScreen {
    private final DSLContext dsl;
    private final MessageLog log;
    private final Outbox outbox;
    private final EmailContents contents;
    private final AuditTrail audit;
    private final ClientAddress clientAddress;
    private final Clock clock;
    private final boolean sendsEmail;
    private final String from;

    MessagesScreen(DSLContext dsl, MessageLog log, Outbox outbox, EmailContents contents, AuditTrail audit, ClientAddress clientAddress,
            Clock clock, boolean sendsEmail, String from) {
        this.dsl = dsl;
        this.log = log;
        this.outbox = outbox;
        this.contents = contents;
        this.audit = audit;
        this.clientAddress = clientAddress;
        this.clock = clock;
        this.sendsEmail = sendsEmail;
        this.from = from;
    }

    public record Row(long id, String when, String channel, String recipient, String title, String status, String tone, int attempts) {
    }

    public record Option(String code, String label) {
    }

    public record Header(String name, String value) {
    }

    /** GET /admin/messages?status=&channel=&after= */
    public void list(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.SUPPORT);
        List<String> problems = new ArrayList<>();
        String statusParam = blankToNull(ctx.queryParam("status"));
        MessageStatus status = statusParam == null ? null : MessageStatus.byCode(statusParam).orElse(null);
        if (statusParam != null && status == null) {
            problems.add("There is no status \"" + statusParam + "\": showing every status.");
        }
        List<String> channels = channels();
        String channel = blankToNull(ctx.queryParam("channel"));
        if (channel != null && !channels.contains(channel)) {
            problems.add("There is no channel \"" + channel + "\": showing every channel.");
            channel = null;
        }
        String after = blankToNull(ctx.queryParam("after"));
        if (after != null && !after.matches("\\d{1,18}")) {
            throw new BadRequestResponse("This page link is broken (\"after\" is not a message number). Go back to the newest messages.");
        }
        ZoneId zone = user.zone();
        List<NotificationOutboxRecord> found = log.page(user.merchantId(), status, channel, after == null ? null : Long.parseLong(after));
        List<Row> rows = found.stream().limit(MessageLog.PAGE).map(r -> {
            MessageStatus s = MessageStatus.of(r.getStatus());
            return new Row(r.getId(), AdminPages.time(r.getCreatedAt(), zone), MessageLog.channelLabel(r.getChannel()), r.getRecipient(),
                    MessageLog.title(r), s.label(), s.tone(), r.getAttempts());
        }).toList();
        String filters = query("status", status == null ? null : status.code(), "channel", channel);
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows);
        model.put("problems", problems);
        model.put("status", status == null ? "" : status.code());
        model.put("channel", channel == null ? "" : channel);
        model.put("statuses", Arrays.stream(MessageStatus.values()).map(s -> new Option(s.code(), s.label())).toList());
        model.put("channels", channels.stream().map(c -> new Option(c, MessageLog.channelLabel(c))).toList());
        model.put("filtered", status != null || channel != null || after != null);
        model.put("sendsEmail", sendsEmail);
        model.put("firstPage", after == null ? null : "/admin/messages" + (filters.isEmpty() ? "" : "?" + filters));
        model.put("nextPage", found.size() <= MessageLog.PAGE ? null : "/admin/messages?" + (filters.isEmpty() ? "" : filters + "&")
                + "after=" + found.get(MessageLog.PAGE - 1).getId());
        AdminPages.render(ctx, user, "messages", "admin/messages", model);
    }

    /** GET /admin/messages/{id} */
    public void show(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.SUPPORT);
        NotificationOutboxRecord m = log.one(user.merchantId(), AdminAccess.id(ctx.pathParam("id"))).orElseThrow(AdminAccess::notFound);
        ZoneId zone = user.zone();
        MessageStatus status = MessageStatus.of(m.getStatus());
        Map<String, Object> model = new HashMap<>();
        model.put("m", m);
        model.put("title", MessageLog.title(m));
        model.put("channel", MessageLog.channelLabel(m.getChannel()));
        model.put("status", status.label());
        model.put("tone", status.tone());
        // a message kept unsent says why in its own words, which already say what "Not sent" means: one sentence, not two
        boolean keptWithReason = status == MessageStatus.UNSENT && m.getLastError() != null;
        model.put("meaning", keptWithReason ? m.getLastError() : status.meaning());
        model.put("why", keptWithReason ? null : m.getLastError());
        model.put("headers", headers(m, zone));
        model.put("written", AdminPages.time(m.getCreatedAt(), zone));
        model.put("clicks", m.getClicks() == 0 ? "None yet"
                : m.getClicks() + (m.getClicks() == 1 ? " click, " : " clicks, first ") + AdminPages.time(m.getFirstClickedAt(), zone));
        model.put("nextAttempt", status == MessageStatus.QUEUED || status == MessageStatus.HELD
                ? AdminPages.time(m.getNextAttemptAt(), zone) : null);
        boolean keptAgain = m.getChannel().equals("email") && !sendsEmail;
        // an email kept for want of a mail server would only be kept again: no button until there is one
        boolean resendable = MessageStatus.resendable(m.getStatus()) && !(keptAgain && m.getStatus().equals("unsent"));
        model.put("canResend", resendable && user.can(Role.ADMIN));
        model.put("resendNeedsAdmin", resendable && !user.can(Role.ADMIN));
        model.put("keptAgain", keptAgain);
        AdminPages.render(ctx, user, "messages", "admin/message", model);
    }

    /** GET /admin/messages/{id}/preview: the HTML part alone, for the detail page's sandboxed frame. */
    public void preview(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.SUPPORT);
        NotificationOutboxRecord m = log.one(user.merchantId(), AdminAccess.id(ctx.pathParam("id"))).orElseThrow(AdminAccess::notFound);
        if (m.getBodyHtml() == null) {
            throw AdminAccess.notFound();
        }
        SecurityHeaders.emailPreview(ctx);
        ctx.contentType("text/html; charset=utf-8").result(m.getBodyHtml());
    }

    /** POST /admin/messages/{id}/resend: a failed or unsent message goes back to the sender. */
    public void resend(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.ADMIN);
        long id = AdminAccess.id(ctx.pathParam("id"));
        NotificationOutboxRecord m = log.one(user.merchantId(), id).orElseThrow(AdminAccess::notFound);
        String ip = clientAddress.of(ctx);
        boolean queued = dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            if (!outbox.resend(tx, user.merchantId(), id, OffsetDateTime.now(clock))) {
                return false;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("channel", m.getChannel());
            details.put("template", m.getTemplate());
            details.put("previous_status", m.getStatus());
            audit.record(tx, user, ip, "message.resent", "message", id, details);
            return true;
        });
        String back = "/admin/messages/" + id;
        if (!queued) {
            MessageStatus now = log.one(user.merchantId(), id).map(r -> MessageStatus.of(r.getStatus())).orElse(MessageStatus.of(m.getStatus()));
            AdminPages.flashProblem(ctx, "Not sent again: this message is " + now.label().toLowerCase(java.util.Locale.ROOT)
                    + ". Only a message that failed or was never sent can be sent again.");
            ctx.redirect(back, HttpStatus.SEE_OTHER);
            return;
        }
        AdminPages.flash(ctx, m.getChannel().equals("email") && !sendsEmail
                ? "Queued again. No mail server is configured, so it will be kept here again, not sent: set LANDFALL_SMTP_URL."
                : "Queued to be sent again: it goes out within seconds.");
        ctx.redirect(back, HttpStatus.SEE_OTHER);
    }

    /** The headers the email had, or will have, as SmtpMailer writes them. */
    private List<Header> headers(NotificationOutboxRecord m, ZoneId zone) {
        List<Header> out = new ArrayList<>();
        if (!m.getChannel().equals("email")) {
            out.add(new Header("To", m.getRecipient()));
            return out;
        }
        EmailContents.Store store = sender(m);
        out.add(new Header("From", store == null ? from : "\"" + store.name().replace("\"", "") + "\" <" + from + ">"));
        if (store != null && store.replyTo() != null) {
            out.add(new Header("Reply-To", store.replyTo()));
        }
        out.add(new Header("To", m.getRecipient()));
        out.add(new Header("Subject", m.getSubject() == null ? "(written when it is sent)" : m.getSubject()));
        OffsetDateTime date = m.getSentAt() != null ? m.getSentAt() : m.getSubject() != null ? m.getUpdatedAt() : null;
        out.add(new Header("Date", date == null ? "(when it is sent)" : AdminPages.time(date, zone)));
        out.add(new Header("Message-ID", m.getMessageId() != null ? m.getMessageId()
                : EmailDelivery.messageId(m.getMerchantId(), m.getId(), from.substring(from.indexOf('@') + 1))));
        out.add(new Header("Content-Language", Languages.SUPPORTED.contains(m.getLanguage()) ? m.getLanguage() : "en"));
        return out;
    }

    private EmailContents.Store sender(NotificationOutboxRecord m) {
        try {
            return contents.sender(m.getMerchantId(), m.getReturnId());
        } catch (EmailContents.Unrenderable e) {
            return null;
        }
    }

    /** The channels of messages to people (the webhook channel is the merchant's systems', not a person's). */
    private static List<String> channels() {
        return Arrays.stream(Notice.Channel.values()).filter(c -> c != Notice.Channel.WEBHOOK).map(Notice.Channel::code).toList();
    }

    private static String query(String... pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                out.append(out.isEmpty() ? "" : "&").append(pairs[i]).append('=').append(encode(pairs[i + 1]));
            }
        }
        return out.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
