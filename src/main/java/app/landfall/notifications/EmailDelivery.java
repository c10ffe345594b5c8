package app.landfall.notifications;

import app.landfall.i18n.Messages;
import app.landfall.web.Templates;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's emails. A batch of due ones is claimed ({@code FOR UPDATE SKIP LOCKED}, so
 * several senders and several processes never take the same one) and marked {@code sending} for a
 * lease of five minutes in a short transaction; each is then rendered and handed to the mail server
 * outside any transaction, and its outcome recorded. A process that dies mid-send leaves its claim
 * to run out, and the message is sent again: at most one duplicate per crash, never a lost message.
 *
 * <p>A temporary failure is retried after 1, 2, 4 … minutes (at most an hour apart, with jitter);
 * after a day, or at once for a permanent one, the message is {@code failed}, with the reason.
 * Without a mail server each message is rendered and kept as {@code unsent}: the admin's Messages
 * screen shows exactly what would have gone out, and nothing claims it was sent.
 *
 * <p>Shoppers' emails carry a link to their preferences page ({@link Unsubscribes}); one to an
 * address the store's list suppresses is kept as {@code suppressed}, not sent. Staff emails never are.
 */
final class EmailDelivery {
    static final Duration LEASE = Duration.ofMinutes(5);
    static final Duration GIVE_UP_AFTER = Duration.ofDays(1);
    static final String NO_SERVER = "Not sent: no mail server is configured (set LANDFALL_SMTP_URL). "
            + "This is the message as it would have gone out.";
    /** Gmail clips a message beyond 102 KB; keep well under it. */
    static final int MAX_HTML_BYTES = 100_000;
    static final String SUPPRESSED = "Not sent: the recipient unsubscribed from this store's emails.";
    private static final int BATCH = 50;
    /** Senders sharing a backlog (see {@link #run}); the database pool has room for them beside the pages. */
    static final int SENDERS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(EmailDelivery.class);

    private final DSLContext dsl;
    private final Outbox outbox;
    private final Clock clock;
    private final EmailContents contents;
    private final Templates templates;
    private final SmtpMailer mailer;
    private final String senderDomain;
    private final Suppressions suppressions;
    private final Unsubscribes unsubscribes;
    private final java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "email-sender");
        thread.setDaemon(true);
        return thread;
    });
    private final DkimSigning dkim;
    private final ClickLinks clicks;

    EmailDelivery(DSLContext dsl, Outbox outbox, Clock clock, EmailContents contents, Templates templates, SmtpMailer mailer,
            String from, Suppressions suppressions, Unsubscribes unsubscribes, DkimSigning dkim, ClickLinks clicks) {
        this.dsl = dsl;
        this.dkim = dkim;
        this.clicks = clicks;
        this.suppressions = suppressions;
        this.unsubscribes = unsubscribes;
        this.outbox = outbox;
        this.clock = clock;
        this.contents = contents;
        this.templates = templates;
        this.mailer = mailer;
        this.senderDomain = from.substring(from.indexOf('@') + 1);
    }


    /**
     * Sends (or, without a mail server, records) every due email; returns how many it handled. One
     * sender works through a few due emails in order; when a full batch is due (a wave of status
     * changes), {@link #SENDERS} senders share the backlog, each with its own claims and its own
     * connection to the mail server, so rendering, the database and the mail server's answers overlap.
     */
    int run() {
        List<Outbox.Claimed> first = claim();
        if (first.size() < BATCH) {
            return send(first, false);
        }
        List<java.util.concurrent.Future<Integer>> others = new java.util.ArrayList<>();
        for (int i = 1; i < SENDERS; i++) {
            others.add(senders.submit(() -> send(claim(), true)));
        }
        int handled = send(first, true);
        for (var other : others) {
            try {
                handled += other.get();
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.error("an email sender stopped", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return handled;
            }
        }
        return handled;
    }

    /** Delivers {@code batch}, then (when {@code more}) claims and delivers the next until none is due. */
    private int send(List<Outbox.Claimed> batch, boolean more) {
        int handled = 0;
        try (Sending sending = new Sending()) {
            while (true) {
                var suppressed = suppressions.suppressedAmong(dsl, Notice.Channel.EMAIL, batch.stream()
                        .filter(c -> Unsubscribes.toShopper(c.notice().template()))
                        .map(c -> Map.entry(c.notice().merchantId(), Unsubscribes.address(c.notice().recipient()))).toList());
                batch.forEach(claimed -> deliver(claimed, sending, suppressed));
                sending.recordAll();
                handled += batch.size();
                if (!more || batch.size() < BATCH) {
                    return handled;
                }
                batch = claim();
            }
        }
    }

    /**
     * One sender's connection to the mail server, opened at its first message (none without a
     * server), and the outcomes of its batch, recorded together in one transaction when the batch is
     * done (one commit, so one flush of the database's log, per batch instead of per email). A
     * process that dies before that sends those emails again once their lease runs out: each at
     * most twice per crash, as before, and none lost.
     */
    private final class Sending implements AutoCloseable {
        private SmtpMailer.Connection connection;
        private final List<Outbox.Outcome> outcomes = new java.util.ArrayList<>();

        void record(Outbox.Pending notice, String status, String subject, String text, String html, String error, String messageId) {
            record(notice, status, subject, text, html, error, messageId, null, null);
        }

        void record(Outbox.Pending notice, String status, String subject, String text, String html, String error, String messageId,
                String providerId, OffsetDateTime nextAttempt) {
            OffsetDateTime now = now();
            outcomes.add(new Outbox.Outcome(notice, new Outbox.Delivery(status, subject, text, html, error, messageId, providerId,
                    nextAttempt != null ? nextAttempt : now), now));
        }

        void recordAll() {
            if (!outcomes.isEmpty()) {
                dsl.transaction(cfg -> outbox.recordDeliveries(DSL.using(cfg), outcomes));
                outcomes.clear();
            }
        }

        String send(MimeMessage message) throws SmtpMailer.Failure {
            if (connection == null) {
                connection = mailer.connection();
            }
            return connection.send(message);
        }

        @Override
        public void close() {
            if (connection != null) {
                connection.close();
            }
        }
    }

    private List<Outbox.Claimed> claim() {
        return dsl.transactionResult(cfg -> outbox.claimEmails(DSL.using(cfg), now(), LEASE, BATCH));
    }

    /** Renders and sends one email ({@code suppressed}: the batch's addresses that unsubscribed from their store). */
    private void deliver(Outbox.Claimed claimed, Sending sending, java.util.Set<Map.Entry<Long, String>> suppressed) {
        Outbox.Pending notice = claimed.notice();
        EmailContents.Rendered rendered;
        String html;
        MimeMessage message;
        String messageId = messageId(notice.merchantId(), notice.id(), senderDomain);
        EmailContent content;
        Map<String, String> headers = Map.of();
        try {
            rendered = contents.render(notice);
            content = rendered.content();
            Locale locale = Locale.forLanguageTag(content.language());
            if (Unsubscribes.toShopper(notice.template())) {
                // a parcel's or a return's button goes through our own counting redirect, which leads to that
                // page (MessageClicks); a confirmation link, and the preferences link below, never do
                if (notice.template().startsWith("shipment.") || notice.template().startsWith("return.")) {
                    content = content.withAction(clicks.wrap(content.action(), notice.id()));
                }
                String preferences = unsubscribes.url(notice.merchantId(), notice.id());
                content = content.withPreferences(new EmailContent.Action(Messages.text(locale, "email.footer.preferences"), preferences));
                if (Unsubscribes.marketing(notice.template())) {
                    // RFC 8058: the mail provider's "Unsubscribe" button POSTs List-Unsubscribe=One-Click to this address
                    headers = Map.of("List-Unsubscribe", "<" + preferences + ">", "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
                }
            }
            html = templates.render("email/message", Map.of("content", content, "store", rendered.store()), locale);
            if (html.getBytes(StandardCharsets.UTF_8).length > MAX_HTML_BYTES) {
                sending.record(notice, "failed", null, null, null, "The rendered message is larger than 100 KB.", null);
                return;
            }
            message = mailer.build(notice.recipient(), rendered.store(), content, html, messageId, clock.instant(), headers);
        } catch (EmailContents.Unrenderable | SmtpMailer.Failure e) {
            sending.record(notice, "failed", null, null, null, e.getMessage(), null);
            return;
        }
        String text = content.text(rendered.store().name());
        if (Unsubscribes.toShopper(notice.template())
                && suppressed.contains(Map.entry(notice.merchantId(), Unsubscribes.address(notice.recipient())))) {
            sending.record(notice, "suppressed", content.subject(), text, html, SUPPRESSED, messageId);
            return;
        }
        if (!mailer.configured()) {
            sending.record(notice, "unsent", content.subject(), text, html, NO_SERVER, messageId);
            return;
        }
        try {
            String answer = sending.send(dkim.sign(notice.merchantId(), message));
            sending.record(notice, "sent", content.subject(), text, html, null, messageId, answer, null);
        } catch (jakarta.mail.MessagingException e) {
            sending.record(notice, "failed", content.subject(), text, html, "The message could not be signed: " + e.getMessage(), messageId);
        } catch (SmtpMailer.Failure f) {
            boolean giveUp = f.permanent || claimed.createdAt().isBefore(now().minus(GIVE_UP_AFTER));
            LOG.warn("email {} to a {} recipient: {}{}", notice.id(), notice.template(), f.getMessage(), giveUp ? " (given up)" : " (will retry)");
            sending.record(notice, giveUp ? "failed" : "pending", content.subject(), text, html, f.getMessage(), messageId, null,
                    giveUp ? null : now().plus(pause(claimed.attempts())));
        }
    }

    /** A notice's Message-ID: one per notice, the same on every try. */
    static String messageId(long merchantId, long noticeId, String senderDomain) {
        return "<notice." + merchantId + "." + noticeId + "@" + senderDomain + ">";
    }

    /** The pause before try {@code attempts + 1}: 1, 2, 4 … minutes, at most an hour, give or take a fifth. */
    static Duration pause(int attempts) {
        long minutes = Math.min(60, 1L << Math.min(6, Math.max(0, attempts - 1)));
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofSeconds(Math.round(minutes * 60 * jitter));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
