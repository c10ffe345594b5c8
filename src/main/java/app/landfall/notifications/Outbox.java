package app.landfall.notifications;

import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
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
     * The language a message to an order's customer is written in, as SQL over the order {@code o}:
     * the one they last chose on its tracking page, else the order's own, else its brand's default
     * (the store's default brand for an order without one), else English.
     */
    static final String READER_LANGUAGE = """
            coalesce(o.page_language, o.language,
                     (SELECT b.default_language FROM brands b
                      WHERE b.merchant_id = o.merchant_id AND (b.id = o.brand_id OR (o.brand_id IS NULL AND b.is_default))
                      ORDER BY b.id LIMIT 1), 'en')""";

    /**
     * For the return submit's one statement (docs/benchmarks.md, "Return submit"), which writes the
     * return, its items, its parcel and its announcement in one round trip: an
     * {@code INSERT … SELECT} of the announcement of a return just created, to be used as a CTE
     * after one named {@code created} (columns {@code merchant_id, id, order_id, status, rma_number,
     * created_at}). Its one parameter is the shopper's email (null for none): an email to the shopper
     * and a {@code return.<status>} event for the merchant's systems, as {@link #announceReturn}.
     */
    public static final String ANNOUNCE_CREATED_RETURN = """
            INSERT INTO notification_outbox (merchant_id, channel, template, recipient, language, payload, dedupe_key, return_id,
                                             created_at, next_attempt_at)
            SELECT c.merchant_id, n.channel, 'return.' || c.status, n.recipient, %s,
                   jsonb_build_object('return_id', c.id, 'rma', c.rma_number, 'status', c.status),
                   'return:' || c.id || ':' || c.status || ':' || n.channel, c.id, c.created_at, c.created_at
            FROM created c
            JOIN orders o ON o.merchant_id = c.merchant_id AND o.id = c.order_id
            CROSS JOIN (VALUES ('email', ?::text), ('webhook', 'merchant')) AS n (channel, recipient)
            WHERE n.recipient IS NOT NULL
            ON CONFLICT DO NOTHING""".formatted(Outbox.READER_LANGUAGE);

    /**
     * A parcel's new status announced in the ingesting transaction, in one statement for the whole
     * write (the ingestion path is measured: docs/benchmarks.md, "Event ingestion through the API";
     * this runs only for writes that change a status, never per event). Waiting messages of those
     * parcels that announce a status they have left are marked skipped; then a message goes to the
     * order's customer for each moment and channel the store has switched on ({@code
     * notification_triggers}, else the trigger's default: email on, SMS and WhatsApp off): an email to
     * the order's address, a text to its phone. Each is written unless one with its dedupe key exists.
     * Return parcels, parcels without an order, and orders without the address or number a channel
     * needs get none on it.
     */
    private static final String ANNOUNCE_SHIPMENTS = """
            WITH stale AS (
                UPDATE notification_outbox o
                SET status = 'skipped', last_error = s.reason, updated_at = ?::timestamptz
                FROM unnest(?::bigint[], ?::text[], ?::text[]) AS s (shipment_id, template, reason)
                WHERE o.merchant_id = ? AND o.shipment_id = s.shipment_id AND o.template = s.template
                  AND o.channel <> 'webhook' AND o.status IN ('pending', 'held')
            )
            INSERT INTO notification_outbox (merchant_id, channel, template, recipient, language, payload, dedupe_key,
                                             shipment_id, created_at, next_attempt_at)
            SELECT s.merchant_id, n.channel, n.template, r.recipient,
                   %s,
                   jsonb_build_object('shipment_id', s.id, 'status', n.status), n.dedupe_key, s.id,
                   ?::timestamptz, ?::timestamptz
            FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[])
                AS n (shipment_id, template, status, channel, dedupe_key, on_by_default)
            JOIN shipments s ON s.merchant_id = ? AND s.id = n.shipment_id AND s.direction = 'outbound'
            JOIN orders o ON o.merchant_id = s.merchant_id AND o.id = s.order_id
            CROSS JOIN LATERAL (SELECT nullif(btrim(CASE n.channel WHEN 'email' THEN o.customer_email ELSE o.customer_phone END), '')
                                AS recipient) r
            LEFT JOIN notification_triggers t ON t.merchant_id = s.merchant_id AND t.trigger = n.template AND t.channel = n.channel
            WHERE r.recipient IS NOT NULL AND coalesce(t.enabled, n.on_by_default)
            ON CONFLICT DO NOTHING""".formatted(Outbox.READER_LANGUAGE);
    private static final org.jooq.Param<Long> MERCHANT = DSL.param("lf_merchant", org.jooq.impl.SQLDataType.BIGINT);
    private static final org.jooq.Param<String> NOW = DSL.param("lf_now", org.jooq.impl.SQLDataType.CLOB);
    private static final org.jooq.Param<Long[]> STALE_IDS = DSL.param("lf_stale_ids", org.jooq.impl.SQLDataType.BIGINT.array());
    private static final org.jooq.Param<String[]> STALE_TEMPLATES = texts("lf_stale_templates");
    private static final org.jooq.Param<String[]> STALE_REASONS = texts("lf_stale_reasons");
    private static final org.jooq.Param<Long[]> IDS = DSL.param("lf_ids", org.jooq.impl.SQLDataType.BIGINT.array());
    private static final org.jooq.Param<String[]> TEMPLATES = texts("lf_templates");
    private static final org.jooq.Param<String[]> STATUSES = texts("lf_statuses");
    private static final org.jooq.Param<String[]> CHANNELS = texts("lf_channels");
    private static final org.jooq.Param<String[]> KEYS = texts("lf_keys");
    private static final org.jooq.Param<Boolean[]> DEFAULTS = DSL.param("lf_defaults", org.jooq.impl.SQLDataType.BOOLEAN.array());
    private static final app.landfall.db.RenderedQuery ANNOUNCE = app.landfall.db.RenderedQuery.of(DSL.query(ANNOUNCE_SHIPMENTS,
            NOW, STALE_IDS, STALE_TEMPLATES, STALE_REASONS, MERCHANT, NOW, NOW, IDS, TEMPLATES, STATUSES, CHANNELS, KEYS, DEFAULTS, MERCHANT));

    private static org.jooq.Param<String[]> texts(String name) {
        return DSL.param(name, org.jooq.impl.SQLDataType.CLOB.array());
    }

    /**
     * One parcel's new status, to announce: {@code trigger} null when it is no moment customers hear
     * about; {@code since} when the parcel reached it (names an in-transit update's cause).
     */
    record ShipmentAnnouncement(long shipmentId, String status, ShipmentTrigger trigger, Instant since) {
    }

    /** The channels a parcel's moment may go out on, each to be switched on per store. */
    private static final List<Notice.Channel> SHIPMENT_CHANNELS = List.of(Notice.Channel.EMAIL, Notice.Channel.SMS,
            Notice.Channel.WHATSAPP);

    /** Skips the parcels' stale waiting messages and writes their new ones, in {@code tx} (see {@link #ANNOUNCE_SHIPMENTS}). */
    void announceShipments(DSLContext tx, long merchantId, List<ShipmentAnnouncement> changes, Instant now) {
        List<Long> staleIds = new java.util.ArrayList<>();
        List<String> staleTemplates = new java.util.ArrayList<>();
        List<String> staleReasons = new java.util.ArrayList<>();
        List<Long> ids = new java.util.ArrayList<>();
        List<String> templates = new java.util.ArrayList<>();
        List<String> statuses = new java.util.ArrayList<>();
        List<String> channels = new java.util.ArrayList<>();
        List<String> keys = new java.util.ArrayList<>();
        List<Boolean> defaults = new java.util.ArrayList<>();
        for (ShipmentAnnouncement change : changes) {
            String reason = ShipmentTrigger.skippedReason(change.status());
            for (ShipmentTrigger stale : ShipmentTrigger.staleOnceIn(change.status())) {
                staleIds.add(change.shipmentId());
                staleTemplates.add(stale.template());
                staleReasons.add(reason);
            }
            if (change.trigger() != null) {
                for (Notice.Channel channel : SHIPMENT_CHANNELS) {
                    ids.add(change.shipmentId());
                    templates.add(change.trigger().template());
                    statuses.add(change.status());
                    channels.add(channel.code());
                    keys.add(change.trigger().dedupeKey(change.shipmentId(), channel.code(), change.since()));
                    defaults.add(change.trigger().onByDefault(channel.code()));
                }
            }
        }
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        values.put(MERCHANT.getParamName(), merchantId);
        values.put(NOW.getParamName(), now.toString());
        values.put(STALE_IDS.getParamName(), staleIds.toArray(Long[]::new));
        values.put(STALE_TEMPLATES.getParamName(), staleTemplates.toArray(String[]::new));
        values.put(STALE_REASONS.getParamName(), staleReasons.toArray(String[]::new));
        values.put(IDS.getParamName(), ids.toArray(Long[]::new));
        values.put(TEMPLATES.getParamName(), templates.toArray(String[]::new));
        values.put(STATUSES.getParamName(), statuses.toArray(String[]::new));
        values.put(CHANNELS.getParamName(), channels.toArray(String[]::new));
        values.put(KEYS.getParamName(), keys.toArray(String[]::new));
        values.put(DEFAULTS.getParamName(), defaults.toArray(Boolean[]::new));
        ANNOUNCE.execute(tx, values);
    }

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
            String language = tx.resultQuery("SELECT " + READER_LANGUAGE
                    + " FROM returns r JOIN orders o ON o.merchant_id = r.merchant_id AND o.id = r.order_id"
                    + " WHERE r.merchant_id = ? AND r.id = ?", merchantId, returnId).fetchOptional(0, String.class).orElse("en");
            add(tx, new Notice(merchantId, Notice.Channel.EMAIL, "return." + status, customerEmail, language, payload,
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
        return claimDue(tx, List.of(Notice.Channel.EMAIL), now, lease, limit).stream()
                .map(c -> new ClaimedEmail(c.notice(), c.attempts(), c.createdAt())).toList();
    }

    /** A text (SMS or WhatsApp) claimed for sending, as {@link ClaimedEmail}, with its channel and order. */
    record ClaimedText(Pending notice, Notice.Channel channel, int attempts, OffsetDateTime createdAt) {
    }

    /** Claims due SMS and WhatsApp messages as {@link #claimEmails} claims emails. */
    List<ClaimedText> claimTexts(DSLContext tx, OffsetDateTime now, java.time.Duration lease, int limit) {
        return claimDue(tx, List.of(Notice.Channel.SMS, Notice.Channel.WHATSAPP), now, lease, limit);
    }

    private List<ClaimedText> claimDue(DSLContext tx, List<Notice.Channel> channels, OffsetDateTime now, java.time.Duration lease,
            int limit) {
        List<ClaimedText> due = tx.select(NOTIFICATION_OUTBOX.MERCHANT_ID, NOTIFICATION_OUTBOX.ID, NOTIFICATION_OUTBOX.TEMPLATE,
                        NOTIFICATION_OUTBOX.RECIPIENT, NOTIFICATION_OUTBOX.LANGUAGE, NOTIFICATION_OUTBOX.PAYLOAD,
                        NOTIFICATION_OUTBOX.ATTEMPTS, NOTIFICATION_OUTBOX.CREATED_AT, NOTIFICATION_OUTBOX.CHANNEL)
                .from(NOTIFICATION_OUTBOX)
                .where(NOTIFICATION_OUTBOX.CHANNEL.in(channels.stream().map(Notice.Channel::code).toList()))
                .and(NOTIFICATION_OUTBOX.STATUS.in("pending", "sending"))
                .and(NOTIFICATION_OUTBOX.NEXT_ATTEMPT_AT.le(now))
                .orderBy(NOTIFICATION_OUTBOX.NEXT_ATTEMPT_AT)
                .limit(limit)
                .forUpdate().skipLocked()
                .fetch(r -> new ClaimedText(new Pending(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()),
                        Notice.Channel.of(r.value9()), r.value7() + 1, r.value8()));
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
            OffsetDateTime nextAttempt, Integer segments) {
        Delivery(String status, String subject, String text, String html, String error, String messageId, String providerId,
                OffsetDateTime nextAttempt) {
            this(status, subject, text, html, error, messageId, providerId, nextAttempt, null);
        }

        /** A text's outcome: what it said, in how many SMS segments, and the provider's id for it. */
        static Delivery text(String status, String body, Integer segments, String error, String providerId, OffsetDateTime nextAttempt) {
            return new Delivery(status, null, body, null, error, null, providerId, nextAttempt, segments);
        }
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
                .set(NOTIFICATION_OUTBOX.SEGMENTS, d.segments() == null ? null : d.segments().shortValue())
                .set(NOTIFICATION_OUTBOX.LAST_ERROR, d.error())
                .set(NOTIFICATION_OUTBOX.SENT_AT, d.status().equals("sent") ? now : null)
                .set(NOTIFICATION_OUTBOX.NEXT_ATTEMPT_AT, d.nextAttempt())
                .set(NOTIFICATION_OUTBOX.UPDATED_AT, now)
                .where(NOTIFICATION_OUTBOX.MERCHANT_ID.eq(notice.merchantId())).and(NOTIFICATION_OUTBOX.ID.eq(notice.id()))
                .and(NOTIFICATION_OUTBOX.STATUS.eq("sending"))
                .execute();
    }

    /** What a clicked message is about, to send the reader on to its page. */
    record About(long merchantId, Long shipmentId, Long returnId) {
    }

    /**
     * Counts a click on the link in a message to a customer (an email or a text): one more click, the
     * first and last times. Empty when there is no such message.
     */
    Optional<About> recordClick(DSLContext tx, long id, OffsetDateTime now) {
        return tx.update(NOTIFICATION_OUTBOX)
                .set(NOTIFICATION_OUTBOX.CLICKS, NOTIFICATION_OUTBOX.CLICKS.plus(1))
                .set(NOTIFICATION_OUTBOX.FIRST_CLICKED_AT, DSL.coalesce(NOTIFICATION_OUTBOX.FIRST_CLICKED_AT, DSL.val(now)))
                .set(NOTIFICATION_OUTBOX.LAST_CLICKED_AT, now)
                .where(NOTIFICATION_OUTBOX.ID.eq(id)).and(NOTIFICATION_OUTBOX.CHANNEL.ne(Notice.Channel.WEBHOOK.code()))
                .returning(NOTIFICATION_OUTBOX.MERCHANT_ID, NOTIFICATION_OUTBOX.SHIPMENT_ID, NOTIFICATION_OUTBOX.RETURN_ID)
                .fetchOptional(r -> new About(r.getMerchantId(), r.getShipmentId(), r.getReturnId()));
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
