package app.landfall.notifications;

import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * The only writer of {@code notification_outbox}. A feature that has something to tell someone
 * adds a {@link Notice} in the transaction of the change it announces, so a change is never
 * announced without having happened, nor the other way round; senders (the outbound webhooks
 * today, email and SMS with the notifications issue) claim pending notices and mark them done.
 */
public final class Outbox {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * For the return submit's one statement (docs/benchmarks.md, "Return submit"), which writes the
     * return, its items, its parcel and its announcement in one round trip: an
     * {@code INSERT … SELECT} of the announcement of a return just created, to be used as a CTE
     * after one named {@code created} (columns {@code merchant_id, id, status, rma_number,
     * created_at}). Its one parameter is the shopper's email (null for none): an email to the shopper
     * and a {@code return.<status>} event for the merchant's systems, as {@link #announceReturn}.
     */
    public static final String ANNOUNCE_CREATED_RETURN = """
            INSERT INTO notification_outbox (merchant_id, channel, template, recipient, payload, dedupe_key, return_id, created_at,
                                             next_attempt_at)
            SELECT c.merchant_id, n.channel, 'return.' || c.status, n.recipient,
                   jsonb_build_object('return_id', c.id, 'rma', c.rma_number, 'status', c.status),
                   'return:' || c.id || ':' || c.status || ':' || n.channel, c.id, c.created_at, c.created_at
            FROM created c, (VALUES ('email', ?::text), ('webhook', 'merchant')) AS n (channel, recipient)
            WHERE n.recipient IS NOT NULL
            ON CONFLICT DO NOTHING""";

    /** A notice waiting for its sender. */
    public record Pending(long merchantId, long id, String template, String recipient, String language, JSONB payload) {
    }

    /** Adds a notice in {@code tx}; false when one with its dedupe key is there already (it is not sent twice). */
    public boolean add(DSLContext tx, Notice notice, OffsetDateTime now) {
        OffsetDateTime at = now.withOffsetSameInstant(ZoneOffset.UTC);
        return tx.insertInto(NOTIFICATION_OUTBOX)
                .set(NOTIFICATION_OUTBOX.MERCHANT_ID, notice.merchantId())
                .set(NOTIFICATION_OUTBOX.CHANNEL, notice.channel().code())
                .set(NOTIFICATION_OUTBOX.TEMPLATE, notice.template())
                .set(NOTIFICATION_OUTBOX.RECIPIENT, notice.recipient())
                .set(NOTIFICATION_OUTBOX.LANGUAGE, notice.language())
                .set(NOTIFICATION_OUTBOX.PAYLOAD, json(notice))
                .set(NOTIFICATION_OUTBOX.DEDUPE_KEY, notice.dedupeKey())
                .set(NOTIFICATION_OUTBOX.SHIPMENT_ID, notice.shipmentId())
                .set(NOTIFICATION_OUTBOX.RETURN_ID, notice.returnId())
                .set(NOTIFICATION_OUTBOX.CREATED_AT, at)
                .set(NOTIFICATION_OUTBOX.NEXT_ATTEMPT_AT, at)
                .onConflictDoNothing()
                .execute() == 1;
    }

    /**
     * Announces a return's new status: an email to the shopper when the order has an address, and
     * a {@code return.<status>} event for the merchant's systems (outbound webhooks, a payment
     * gateway that refunds).
     */
    public void announceReturn(DSLContext tx, long merchantId, long returnId, String rma, String status, String customerEmail,
            OffsetDateTime now) {
        var payload = java.util.Map.of("return_id", returnId, "rma", rma, "status", status);
        String cause = "return:" + returnId + ":" + status + ":";
        if (customerEmail != null) {
            add(tx, new Notice(merchantId, Notice.Channel.EMAIL, "return." + status, customerEmail, "en", payload,
                    cause + "email", null, returnId), now);
        }
        add(tx, new Notice(merchantId, Notice.Channel.WEBHOOK, "return." + status, "merchant", "en", payload,
                cause + "webhook", null, returnId), now);
    }

    /**
     * Up to {@code limit} pending notices of a channel, oldest first, locked until {@code tx} ends;
     * notices another sender holds are skipped, so senders in several processes never share one.
     */
    public List<Pending> claim(DSLContext tx, Notice.Channel channel, int limit) {
        return tx.select(NOTIFICATION_OUTBOX.MERCHANT_ID, NOTIFICATION_OUTBOX.ID, NOTIFICATION_OUTBOX.TEMPLATE,
                        NOTIFICATION_OUTBOX.RECIPIENT, NOTIFICATION_OUTBOX.LANGUAGE, NOTIFICATION_OUTBOX.PAYLOAD)
                .from(NOTIFICATION_OUTBOX)
                .where(NOTIFICATION_OUTBOX.CHANNEL.eq(channel.code())).and(NOTIFICATION_OUTBOX.STATUS.eq("pending"))
                .orderBy(NOTIFICATION_OUTBOX.ID)
                .limit(limit)
                .forUpdate().skipLocked()
                .fetch(r -> new Pending(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /** Marks claimed notices sent, or cancelled when there was nobody to send them to. */
    public void finish(DSLContext tx, List<Pending> notices, boolean sent, OffsetDateTime now) {
        if (notices.isEmpty()) {
            return;
        }
        tx.update(NOTIFICATION_OUTBOX)
                .set(NOTIFICATION_OUTBOX.STATUS, sent ? "sent" : "cancelled")
                .set(NOTIFICATION_OUTBOX.SENT_AT, now.withOffsetSameInstant(ZoneOffset.UTC))
                .where(DSL.row(NOTIFICATION_OUTBOX.MERCHANT_ID, NOTIFICATION_OUTBOX.ID)
                        .in(notices.stream().map(n -> DSL.row(n.merchantId(), n.id())).toList()))
                .execute();
    }

    /** An email claimed for sending: its notice, which try this is, and when it was written. */
    record ClaimedEmail(Pending notice, int attempts, OffsetDateTime createdAt) {
    }

    /**
     * Claims up to {@code limit} due emails in {@code tx}: pending ones whose time has come, and
     * those a sender claimed but did not finish within its lease. Locked rows (another sender's) are
     * skipped; each claimed one is marked {@code sending} until {@code now + lease}, with one more try.
     */
    List<ClaimedEmail> claimEmails(DSLContext tx, OffsetDateTime now, java.time.Duration lease, int limit) {
        List<ClaimedEmail> due = tx.select(NOTIFICATION_OUTBOX.MERCHANT_ID, NOTIFICATION_OUTBOX.ID, NOTIFICATION_OUTBOX.TEMPLATE,
                        NOTIFICATION_OUTBOX.RECIPIENT, NOTIFICATION_OUTBOX.LANGUAGE, NOTIFICATION_OUTBOX.PAYLOAD,
                        NOTIFICATION_OUTBOX.ATTEMPTS, NOTIFICATION_OUTBOX.CREATED_AT)
                .from(NOTIFICATION_OUTBOX)
                .where(NOTIFICATION_OUTBOX.CHANNEL.eq(Notice.Channel.EMAIL.code()))
                .and(NOTIFICATION_OUTBOX.STATUS.in("pending", "sending"))
                .and(NOTIFICATION_OUTBOX.NEXT_ATTEMPT_AT.le(now))
                .orderBy(NOTIFICATION_OUTBOX.NEXT_ATTEMPT_AT)
                .limit(limit)
                .forUpdate().skipLocked()
                .fetch(r -> new ClaimedEmail(new Pending(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()),
                        r.value7() + 1, r.value8()));
        if (!due.isEmpty()) {
            tx.update(NOTIFICATION_OUTBOX)
                    .set(NOTIFICATION_OUTBOX.STATUS, "sending")
                    .set(NOTIFICATION_OUTBOX.ATTEMPTS, NOTIFICATION_OUTBOX.ATTEMPTS.plus(1))
                    .set(NOTIFICATION_OUTBOX.NEXT_ATTEMPT_AT, now.plus(lease))
                    .set(NOTIFICATION_OUTBOX.UPDATED_AT, now)
                    .where(DSL.row(NOTIFICATION_OUTBOX.MERCHANT_ID, NOTIFICATION_OUTBOX.ID)
                            .in(due.stream().map(c -> DSL.row(c.notice().merchantId(), c.notice().id())).toList()))
                    .execute();
        }
        return due;
    }

    /** How a claimed message ended (or when it is tried again), and what it said. */
    record Delivery(String status, String subject, String text, String html, String error, String messageId, String providerId,
            OffsetDateTime nextAttempt) {
    }

    /** Records a claimed message's outcome (only while it is still marked as being sent). */
    void recordDelivery(DSLContext dsl, Pending notice, Delivery d, OffsetDateTime now) {
        dsl.update(NOTIFICATION_OUTBOX)
                .set(NOTIFICATION_OUTBOX.STATUS, d.status())
                .set(NOTIFICATION_OUTBOX.SUBJECT, d.subject())
                .set(NOTIFICATION_OUTBOX.BODY_TEXT, d.text())
                .set(NOTIFICATION_OUTBOX.BODY_HTML, d.html())
                .set(NOTIFICATION_OUTBOX.MESSAGE_ID, d.messageId())
                .set(NOTIFICATION_OUTBOX.PROVIDER_ID, d.providerId())
                .set(NOTIFICATION_OUTBOX.LAST_ERROR, d.error())
                .set(NOTIFICATION_OUTBOX.SENT_AT, d.status().equals("sent") ? now : null)
                .set(NOTIFICATION_OUTBOX.NEXT_ATTEMPT_AT, d.nextAttempt())
                .set(NOTIFICATION_OUTBOX.UPDATED_AT, now)
                .where(NOTIFICATION_OUTBOX.MERCHANT_ID.eq(notice.merchantId())).and(NOTIFICATION_OUTBOX.ID.eq(notice.id()))
                .and(NOTIFICATION_OUTBOX.STATUS.eq("sending"))
                .execute();
    }

    /**
     * Puts a message that did not go out (failed, or kept unsent for want of a mail server) back in
     * the queue, in {@code tx}: due now, its attempts kept, its last error cleared. False when the
     * store has no such message, or it is in another state; nothing changes then.
     */
    boolean resend(DSLContext tx, long merchantId, long id, OffsetDateTime now) {
        OffsetDateTime at = now.withOffsetSameInstant(ZoneOffset.UTC);
        return tx.update(NOTIFICATION_OUTBOX)
                .set(NOTIFICATION_OUTBOX.STATUS, "pending")
                .setNull(NOTIFICATION_OUTBOX.LAST_ERROR)
                .set(NOTIFICATION_OUTBOX.NEXT_ATTEMPT_AT, at)
                .set(NOTIFICATION_OUTBOX.UPDATED_AT, at)
                .where(NOTIFICATION_OUTBOX.MERCHANT_ID.eq(merchantId)).and(NOTIFICATION_OUTBOX.ID.eq(id))
                .and(NOTIFICATION_OUTBOX.CHANNEL.ne(Notice.Channel.WEBHOOK.code()))
                .and(NOTIFICATION_OUTBOX.STATUS.in("failed", "unsent"))
                .execute() == 1;
    }

    private static JSONB json(Notice notice) {
        try {
            return JSONB.valueOf(JSON.writeValueAsString(notice.payload()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a notice's payload holds plain values only", e);
        }
    }
}
