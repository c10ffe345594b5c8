package app.landfall.notifications;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's SMS and WhatsApp messages, as {@link EmailDelivery} sends emails: due ones are
 * claimed under a lease ({@code FOR UPDATE SKIP LOCKED}), then each is written, its number made
 * E.164 in the order's country, checked against the store's STOP list, and posted to the Messages
 * API outside any transaction. An invalid number fails at once, a suppressed one is
 * {@code suppressed}; HTTP 429, 5xx and unreachable servers are retried with growing pauses for a
 * day; any other refusal fails with the provider's error code. Without an account or a sender for
 * the channel, each text is written and kept as {@code unsent}.
 */
final class TextDelivery {
    static final String NO_PROVIDER = "Not sent: no SMS provider is configured (set LANDFALL_TWILIO_ACCOUNT_SID, "
            + "LANDFALL_TWILIO_AUTH_TOKEN and LANDFALL_TWILIO_SMS_FROM). This is the text as it would have gone out.";
    static final String NO_WHATSAPP = "Not sent: no WhatsApp sender is configured (set LANDFALL_TWILIO_ACCOUNT_SID, "
            + "LANDFALL_TWILIO_AUTH_TOKEN and LANDFALL_TWILIO_WHATSAPP_FROM). This is the message as it would have gone out.";
    static final String SUPPRESSED = "Not sent: this number replied STOP to the store's messages.";
    private static final int BATCH = 50;
    private static final Logger LOG = LoggerFactory.getLogger(TextDelivery.class);

    private final DSLContext dsl;
    private final Outbox outbox;
    private final Suppressions suppressions;
    private final Clock clock;
    private final TextContents contents;
    private final TwilioMessages provider;

    TextDelivery(DSLContext dsl, Outbox outbox, Suppressions suppressions, Clock clock, TextContents contents, TwilioMessages provider) {
        this.dsl = dsl;
        this.outbox = outbox;
        this.suppressions = suppressions;
        this.clock = clock;
        this.contents = contents;
        this.provider = provider;
    }

    /** Sends (or, without a provider, records) every due text; returns how many it handled. */
    int run() {
        int handled = 0;
        while (true) {
            List<Outbox.Claimed> batch = dsl.transactionResult(cfg -> outbox.claimTexts(DSL.using(cfg), now(), EmailDelivery.LEASE, BATCH));
            batch.forEach(this::deliver);
            handled += batch.size();
            if (batch.size() < BATCH) {
                return handled;
            }
        }
    }

    private void deliver(Outbox.Claimed claimed) {
        Outbox.Pending notice = claimed.notice();
        TextContents.Rendered rendered;
        String to;
        try {
            rendered = contents.render(notice);
        } catch (EmailContents.Unrenderable e) {
            record(notice, "failed", null, null, e.getMessage(), null, null);
            return;
        }
        boolean sms = claimed.channel() == Notice.Channel.SMS;
        String text = sms ? SmsText.fit(rendered.text()) : rendered.text();
        // WhatsApp is not billed in segments; an SMS is, so its count is kept
        Integer segments = sms ? TextSegments.of(text).segments() : null;
        try {
            to = PhoneNumbers.e164(notice.recipient(), rendered.region());
        } catch (PhoneNumbers.Invalid e) {
            record(notice, "failed", text, segments, e.getMessage(), null, null);
            return;
        }
        if (suppressions.isSuppressed(dsl, notice.merchantId(), claimed.channel(), to)) {
            record(notice, "suppressed", text, segments, SUPPRESSED, null, null);
            return;
        }
        if (provider.sender(claimed.channel()).isEmpty()) {
            record(notice, "unsent", text, segments, claimed.channel() == Notice.Channel.WHATSAPP ? NO_WHATSAPP : NO_PROVIDER, null, null);
            return;
        }
        try {
            String sid = provider.send(claimed.channel(), to, text);
            record(notice, "sent", text, segments, null, sid, null);
        } catch (TwilioMessages.Failure f) {
            if (f.code == TwilioMessages.UNSUBSCRIBED) {
                // the provider knew of a STOP we had not heard: the store's list learns it too
                suppressions.suppress(dsl, notice.merchantId(), claimed.channel(), to, "The SMS provider says the number replied STOP",
                        now());
                record(notice, "suppressed", text, segments, SUPPRESSED + " " + f.getMessage(), null, null);
                return;
            }
            boolean giveUp = f.permanent || claimed.createdAt().isBefore(now().minus(EmailDelivery.GIVE_UP_AFTER));
            LOG.warn("{} {} ({}): {}{}", claimed.channel().code(), notice.id(), notice.template(), f.getMessage(),
                    giveUp ? " (given up)" : " (will retry)");
            record(notice, giveUp ? "failed" : "pending", text, segments, f.getMessage(), null,
                    giveUp ? null : now().plus(EmailDelivery.pause(claimed.attempts())));
        }
    }

    private void record(Outbox.Pending notice, String status, String text, Integer segments, String error, String providerId,
            OffsetDateTime nextAttempt) {
        OffsetDateTime now = now();
        outbox.recordDelivery(dsl, notice, Outbox.Delivery.text(status, text, segments, error, providerId,
                nextAttempt != null ? nextAttempt : now), now);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
