package app.landfall.notifications;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.NOTIFICATION_OUTBOX;
import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.RETURNS;
import static app.landfall.db.schema.Tables.SHIPMENTS;

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
     * created_at}). Its one parameter is the shopper's email (null for none): an email and texts to
     * the shopper as the store's switches say ({@link ReturnTrigger}: a return left for review reads
     * "needs review") and a {@code return.<status>} event for the merchant's systems, as {@link #announceReturn}.
     */
    public static final String ANNOUNCE_CREATED_RETURN = """
            INSERT INTO notification_outbox (merchant_id, channel, template, recipient, language, payload, dedupe_key, return_id,
                                             created_at, next_attempt_at)
            SELECT c.merchant_id, n.channel, n.template, n.recipient, %s,
                   jsonb_build_object('return_id', c.id, 'rma', c.rma_number, 'status', c.status),
                   'return:' || c.id || ':' || c.status || ':' || n.channel, c.id, c.created_at, c.created_at
            FROM created c
            LEFT JOIN orders o ON o.merchant_id = c.merchant_id AND o.id = c.order_id
            CROSS JOIN LATERAL (VALUES
                ('email', ?::text, 'return.' || CASE c.status WHEN 'requested' THEN 'needs_review' ELSE c.status END),
                ('sms', nullif(btrim(o.customer_phone), ''), 'return.' || CASE c.status WHEN 'requested' THEN 'needs_review' ELSE c.status END),
                ('whatsapp', nullif(btrim(o.customer_phone), ''), 'return.' || CASE c.status WHEN 'requested' THEN 'needs_review' ELSE c.status END),
                ('webhook', 'merchant', 'return.' || c.status)) AS n (channel, recipient, template)
            LEFT JOIN notification_triggers t ON t.merchant_id = c.merchant_id AND t.trigger = n.template AND t.channel = n.channel
            WHERE n.recipient IS NOT NULL AND (n.channel = 'webhook' OR coalesce(t.enabled, n.channel = 'email'))
            ON CONFLICT DO NOTHING""".formatted(Outbox.READER_LANGUAGE);

    /**
     * A parcel's new status announced in the ingesting transaction, in one statement for the whole
     * write (the ingestion path is measured: docs/benchmarks.md, "Event ingestion through the API";
     * this runs only for writes that change a status, never per event). Waiting messages of those
     * parcels that announce a status they have left are marked skipped; then a message goes to the
     * order's customer for each moment and channel the store has switched on ({@code
     * notification_triggers}, else the trigger's default: email on, SMS and WhatsApp off): an email to
     * the order's address, a text to its phone (unless the customer stopped that channel for this
     * order), and the same to each confirmed subscriber of the order on that channel ({@code
     * order_subscriptions}, {@link OrderSubscriptions}), whose dedupe key adds {@code :subscriber:<id>}
     * so every recipient has its own. Each is written unless one with its dedupe key exists.
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
                   coalesce(r.language, %s),
                   jsonb_build_object('shipment_id', s.id, 'status', n.status), r.dedupe_key, s.id,
                   ?::timestamptz, ?::timestamptz
            FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[])
                AS n (shipment_id, template, status, channel, dedupe_key, on_by_default)
            JOIN shipments s ON s.merchant_id = ? AND s.id = n.shipment_id AND s.direction = 'outbound'
            JOIN orders o ON o.merchant_id = s.merchant_id AND o.id = s.order_id
            CROSS JOIN LATERAL (
                SELECT nullif(btrim(CASE n.channel WHEN 'email' THEN o.customer_email ELSE o.customer_phone END), '') AS recipient,
                       NULL::text AS language, n.dedupe_key AS dedupe_key
                WHERE NOT EXISTS (SELECT 1 FROM order_subscriptions x WHERE x.merchant_id = o.merchant_id AND x.order_id = o.id
                                  AND x.channel = n.channel AND x.customer AND x.stopped_at IS NOT NULL)
                UNION ALL
                SELECT x.address, x.language, n.dedupe_key || ':subscriber:' || x.id
                FROM order_subscriptions x
                WHERE x.merchant_id = o.merchant_id AND x.order_id = o.id AND x.channel = n.channel
                  AND NOT x.customer AND x.confirmed_at IS NOT NULL AND x.stopped_at IS NULL
            ) r
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
     * Announces a return's new status: to the shopper on each channel the store has switched on for
     * it ({@link ReturnTrigger}; email on, texts off by default) when the order has the address or
     * number, and a {@code return.<status>} event for the merchant's systems (outbound webhooks, a
     * payment gateway that refunds).
     */
    public void announceReturn(DSLContext tx, long merchantId, long returnId, String rma, String status, String customerEmail,
            OffsetDateTime now) {
        var payload = java.util.Map.of("return_id", returnId, "rma", rma, "status", status);
        String cause = "return:" + returnId + ":" + status + ":";
        ReturnTrigger.forStatus(status).ifPresent(t -> tellShopper(tx, merchantId, returnId, t, payload, cause, customerEmail, now));
        add(tx, new Notice(merchantId, Notice.Channel.WEBHOOK, "return." + status, "merchant", "en", payload,
                cause + "webhook", null, returnId), now);
    }

    /**
     * Tells the shopper that an approved return not yet sent expires on {@code expiresOn} (once per return: its
     * dedupe key), on the channels the store has switched on; the merchant's systems get no event,
     * since nothing happened to the return.
     */
    public void remindReturnExpiring(DSLContext tx, long merchantId, long returnId, String rma, java.time.LocalDate expiresOn,
            String customerEmail, OffsetDateTime now) {
        var payload = java.util.Map.of("return_id", returnId, "rma", rma, "status", "approved", "expires_on", expiresOn.toString());
        tellShopper(tx, merchantId, returnId, ReturnTrigger.EXPIRING_SOON, payload, "return:" + returnId + ":expiring_soon:",
                customerEmail, now);
    }

    private void tellShopper(DSLContext tx, long merchantId, long returnId, ReturnTrigger trigger, java.util.Map<String, ?> payload,
            String cause, String email, OffsetDateTime now) {
        List<String> channels = List.of("email", "sms", "whatsapp");
        var switches = NotificationTriggers.of(tx, merchantId, channels);
        String phone = null;
        String language = null;
        for (String channel : channels) {
            if (!switches.getOrDefault(new NotificationTriggers.Switch(trigger.template(), channel), false)) {
                continue;
            }
            if (!channel.equals("email") && phone == null) {
                phone = tx.select(ORDERS.CUSTOMER_PHONE).from(RETURNS).join(ORDERS).on(ORDERS.MERCHANT_ID.eq(RETURNS.MERCHANT_ID))
                        .and(ORDERS.ID.eq(RETURNS.ORDER_ID))
                        .where(RETURNS.MERCHANT_ID.eq(merchantId)).and(RETURNS.ID.eq(returnId))
                        .fetchOptional(ORDERS.CUSTOMER_PHONE).map(String::strip).orElse("");
            }
            String recipient = channel.equals("email") ? email : phone;
            if (recipient != null && !recipient.isBlank()) {
                if (language == null) {
                    language = tx.resultQuery("SELECT " + READER_LANGUAGE
                            + " FROM returns r JOIN orders o ON o.merchant_id = r.merchant_id AND o.id = r.order_id"
                            + " WHERE r.merchant_id = ? AND r.id = ?", merchantId, returnId).fetchOptional(0, String.class).orElse("en");
                }
                add(tx, new Notice(merchantId, Notice.Channel.of(channel), trigger.template(), recipient, language, payload, cause + channel,
                        null, returnId), now);
            }
        }
    }

    /**
     * Up to {@code limit} pending notices of a channel, oldest first, locked until {@code tx} ends;
     * notices another sender holds are skipped, so senders in several processes never share one.
     */
    public List<Pending> claim(DSLContext tx, Notice.Channel channel, int limit) {
        return tx.select(NOTIFICATION_OUTBOX.MERCHANT_ID, NOTIFICATION_OUTBOX.ID, NOTIFICATION_OUTBOX.TEMPLATE,
                        NOTIFICATION_OUTBOX.RECIPIENT, NOTIFICATION_OUTBOX.LANGUAGE, NOTIFICATION_OUTBOX.PAYLOAD)
                .from(NOTIFICATION_OUTBOX)
                // written into the SQL, not bound, so the plan kept for the prepared statement reads the partial index
                .where(NOTIFICATION_OUTBOX.CHANNEL.eq(DSL.inline(channel.code()))).and(NOTIFICATION_OUTBOX.STATUS.eq(DSL.inline("pending")))
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
                .where(these(notices.stream().map(n -> java.util.Map.entry(n.merchantId(), n.id())).toList()))
                .execute();
    }

    /**
     * Claims up to {@code limit} due emails in {@code tx} ({@link #claimDue}): each marked {@code
     * sending} until {@code now + lease}, with one more try.
     */
    List<Claimed> claimEmails(DSLContext tx, OffsetDateTime now, java.time.Duration lease, int limit) {
        return claimDue(tx, List.of(Notice.Channel.EMAIL), now, lease, limit);
    }

    /** A message claimed for sending: its notice, its channel, which try this is, and when it was written. */
    record Claimed(Pending notice, Notice.Channel channel, int attempts, OffsetDateTime createdAt) {
    }

    /** Claims due SMS and WhatsApp messages as {@link #claimEmails} claims emails. */
    List<Claimed> claimTexts(DSLContext tx, OffsetDateTime now, java.time.Duration lease, int limit) {
        return claimDue(tx, List.of(Notice.Channel.SMS, Notice.Channel.WHATSAPP), now, lease, limit);
    }

    /**
     * Claims due messages of these channels: pending ones whose time has come, those held for quiet
     * hours whose window has ended, and those a sender claimed but did not finish within its lease.
     * A message that would now reach its recipient in the store's quiet hours (their time zone:
     * {@link app.landfall.i18n.RecipientZones}) is marked {@code held} until the window ends instead, and not returned;
     * staff emails and the store's exempt moments never are ({@link NotificationTiming.Timing#holds}).
     */
    private List<Claimed> claimDue(DSLContext tx, List<Notice.Channel> channels, OffsetDateTime now, java.time.Duration lease,
            int limit) {
        // the due rows alone first, in the order they fell due, read from notification_outbox_due_idx:
        // the statuses are written into the SQL (not bound) so that the planner can match the index's
        // predicate in the plan it keeps for the prepared statement
        var due0 = tx.select(NOTIFICATION_OUTBOX.MERCHANT_ID, NOTIFICATION_OUTBOX.ID, NOTIFICATION_OUTBOX.TEMPLATE,
                        NOTIFICATION_OUTBOX.RECIPIENT, NOTIFICATION_OUTBOX.LANGUAGE, NOTIFICATION_OUTBOX.PAYLOAD,
                        NOTIFICATION_OUTBOX.ATTEMPTS, NOTIFICATION_OUTBOX.CREATED_AT, NOTIFICATION_OUTBOX.CHANNEL,
                        NOTIFICATION_OUTBOX.SHIPMENT_ID, NOTIFICATION_OUTBOX.RETURN_ID)
                .from(NOTIFICATION_OUTBOX)
                .where(NOTIFICATION_OUTBOX.CHANNEL.in(channels.stream().map(c -> DSL.inline(c.code())).toList()))
                .and(NOTIFICATION_OUTBOX.STATUS.in(DSL.inline("pending"), DSL.inline("sending"), DSL.inline("held")))
                .and(NOTIFICATION_OUTBOX.NEXT_ATTEMPT_AT.le(now))
                .orderBy(NOTIFICATION_OUTBOX.NEXT_ATTEMPT_AT)
                .limit(limit)
                .forUpdate().skipLocked()
                .fetch();
        // then where their recipients live (for quiet hours), for those rows only
        java.util.Map<Long, org.jooq.Record3<String, String, String>> places = due0.isEmpty() ? java.util.Map.of()
                : tx.select(NOTIFICATION_OUTBOX.ID, ORDERS.SHIPPING_COUNTRY, ORDERS.SHIPPING_REGION, MERCHANTS.TIMEZONE)
                        .from(NOTIFICATION_OUTBOX)
                        .join(MERCHANTS).on(MERCHANTS.ID.eq(NOTIFICATION_OUTBOX.MERCHANT_ID))
                        .leftJoin(SHIPMENTS).on(SHIPMENTS.MERCHANT_ID.eq(NOTIFICATION_OUTBOX.MERCHANT_ID))
                        .and(SHIPMENTS.ID.eq(NOTIFICATION_OUTBOX.SHIPMENT_ID))
                        .leftJoin(RETURNS).on(RETURNS.MERCHANT_ID.eq(NOTIFICATION_OUTBOX.MERCHANT_ID))
                        .and(RETURNS.ID.eq(NOTIFICATION_OUTBOX.RETURN_ID))
                        .leftJoin(ORDERS).on(ORDERS.MERCHANT_ID.eq(NOTIFICATION_OUTBOX.MERCHANT_ID))
                        .and(ORDERS.ID.eq(DSL.coalesce(SHIPMENTS.ORDER_ID, RETURNS.ORDER_ID)))
                        .where(these(due0.stream().map(r -> java.util.Map.entry(r.value1(), r.value2())).toList()))
                        .fetchMap(NOTIFICATION_OUTBOX.ID, r -> DSL.using(tx.configuration()).newRecord(ORDERS.SHIPPING_COUNTRY,
                                ORDERS.SHIPPING_REGION, MERCHANTS.TIMEZONE).values(r.value2(), r.value3(), r.value4()));
        var rows = due0;
        java.util.Map<Long, NotificationTiming.Timing> timings = new java.util.HashMap<>();
        List<Claimed> due = new java.util.ArrayList<>();
        for (var r : rows) {
            NotificationTiming.Timing timing = timings.computeIfAbsent(r.value1(), m -> NotificationTiming.of(tx, m));
            if (timing.holds(r.value3())) {
                var place = places.get(r.value2());
                java.time.ZoneId zone = app.landfall.i18n.RecipientZones.of(place.value1(), place.value2(), app.landfall.merchants.Merchants.zone(place.value3()));
                java.util.Optional<Instant> until = timing.quiet().holdUntil(now.toInstant(), zone);
                if (until.isPresent()) {
                    hold(tx, r.value1(), r.value2(), until.get(), zone, now);
                    continue;
                }
            }
            due.add(new Claimed(new Pending(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()),
                    Notice.Channel.of(r.value9()), r.value7() + 1, r.value8()));
        }
        if (!due.isEmpty()) {
            tx.update(NOTIFICATION_OUTBOX)
                    .set(NOTIFICATION_OUTBOX.STATUS, "sending")
                    .set(NOTIFICATION_OUTBOX.ATTEMPTS, NOTIFICATION_OUTBOX.ATTEMPTS.plus(1))
                    .set(NOTIFICATION_OUTBOX.NEXT_ATTEMPT_AT, now.plus(lease))
                    .set(NOTIFICATION_OUTBOX.UPDATED_AT, now)
                    .where(these(due.stream().map(c -> java.util.Map.entry(c.notice().merchantId(), c.notice().id())).toList()))
                    .execute();
        }
        return due;
    }

    /** Holds a claimed message until its recipient's quiet hours end; it is claimed again then. */
    private static void hold(DSLContext tx, long merchantId, long id, Instant until, java.time.ZoneId zone, OffsetDateTime now) {
        String local = until.atZone(zone).toLocalTime().toString();
        tx.update(NOTIFICATION_OUTBOX)
                .set(NOTIFICATION_OUTBOX.STATUS, "held")
                .set(NOTIFICATION_OUTBOX.NEXT_ATTEMPT_AT, until.atOffset(ZoneOffset.UTC))
                .set(NOTIFICATION_OUTBOX.LAST_ERROR, "Held for quiet hours: goes out at " + local + " in the recipient's time zone ("
                        + zone.getId() + ").")
                .set(NOTIFICATION_OUTBOX.UPDATED_AT, now)
                .where(NOTIFICATION_OUTBOX.MERCHANT_ID.eq(merchantId)).and(NOTIFICATION_OUTBOX.ID.eq(id))
                .execute();
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

    /** A claimed message's outcome, and when it came. */
    record Outcome(Pending notice, Delivery delivery, OffsetDateTime at) {
    }

    /** Records claimed messages' outcomes in one round trip ({@link #recordDelivery} for each), in {@code tx}. */
    void recordDeliveries(DSLContext tx, List<Outcome> outcomes) {
        tx.batch(outcomes.stream().map(o -> recordQuery(tx, o.notice(), o.delivery(), o.at())).toList()).execute();
    }

    /** Records a claimed message's outcome (only while it is still marked as being sent). */
    void recordDelivery(DSLContext dsl, Pending notice, Delivery d, OffsetDateTime now) {
        recordQuery(dsl, notice, d, now).execute();
    }

    private static org.jooq.Query recordQuery(DSLContext dsl, Pending notice, Delivery d, OffsetDateTime now) {
        return dsl.update(NOTIFICATION_OUTBOX)
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
                .and(NOTIFICATION_OUTBOX.STATUS.eq("sending"));
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

    /**
     * These rows (store, id): as two lists, {@code merchant_id = ANY(…) AND id = ANY(…)}, which the
     * primary key answers directly; a list of (merchant_id, id) pairs was read as "every row of the
     * store, filtered", which grows with the store's whole message history. The ids are unique on
     * their own (one sequence), so the product of the two lists names no other row.
     */
    private static org.jooq.Condition these(List<java.util.Map.Entry<Long, Long>> rows) {
        return NOTIFICATION_OUTBOX.MERCHANT_ID.in(rows.stream().map(java.util.Map.Entry::getKey).distinct().toList())
                .and(NOTIFICATION_OUTBOX.ID.in(rows.stream().map(java.util.Map.Entry::getValue).toList()));
    }

    private static JSONB json(Notice notice) {
        try {
            return JSONB.valueOf(JSON.writeValueAsString(notice.payload()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a notice's payload holds plain values only", e);
        }
    }
}
