package app.landfall.outbound;

import static app.landfall.db.schema.Tables.ORDERS;
import static app.landfall.db.schema.Tables.SHIPMENTS;
import static app.landfall.db.schema.Tables.SHIPMENT_STATUS_CHANGES;
import static app.landfall.db.schema.Tables.WEBHOOK_DELIVERIES;
import static app.landfall.db.schema.Tables.WEBHOOK_ENDPOINTS;

import app.landfall.notifications.Notice;
import app.landfall.notifications.Outbox;
import app.landfall.images.PublicHttp;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import java.util.Map;
import java.util.List;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the merchant's events to the URLs they registered. Two steps, each a background job:
 * {@link #enqueue} turns new return events (the outbox's webhook rows) and shipment status changes
 * into one delivery per active endpoint; {@link #send} posts due deliveries, signed with the
 * endpoint's secret, and on failure tries again after 1, 2, 4 … minutes (at most 6 hours apart), up
 * to {@value #MAX_ATTEMPTS} attempts. Events before an endpoint was added are not sent to it.
 *
 * <p>Each request carries {@code Landfall-Event}, {@code Landfall-Delivery} (the delivery's id: the
 * same on retries) and {@code Landfall-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}.
 */
public final class OutboundWebhooks {
    static final int MAX_ATTEMPTS = 8;
    private static final Logger LOG = LoggerFactory.getLogger(OutboundWebhooks.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String ENDPOINT_ID = "endpoint_id";
    private static final String SHIPMENT_ID = "shipment_id";
    private static final String PRIVATE = "That address is on a private network: webhooks go only to public addresses.";

    private static final com.fasterxml.jackson.databind.ObjectMapper ENVELOPES = new com.fasterxml.jackson.databind.ObjectMapper();
    private final DSLContext dsl;
    private final Outbox outbox;
    private final Clock clock;
    private final boolean anyHost;
    private final PublicHttp publicHttp;

    /** {@code anyHost}: development only, lets endpoints be plain http and private addresses. */
    public OutboundWebhooks(DSLContext dsl, Outbox outbox, Clock clock, boolean anyHost) {
        this(dsl, outbox, clock, anyHost, PublicHttp.create("landfall-webhooks", anyHost, TIMEOUT));
    }

    /** {@code anyHost}: plain http too; {@code publicHttp}: which addresses may be posted to, and how. */
    OutboundWebhooks(DSLContext dsl, Outbox outbox, Clock clock, boolean anyHost, PublicHttp publicHttp) {
        this.publicHttp = publicHttp;
        this.outbox = outbox;
        this.dsl = dsl;
        this.clock = clock;
        this.anyHost = anyHost;
    }

    /** Why a URL cannot receive webhooks, or empty when it can (at the moment: its name is resolved and checked now). */
    public Optional<String> refusal(String url) {
        Optional<String> shape = shapeRefusal(url);
        if (shape.isPresent()) {
            return shape;
        }
        try {
            publicHttp.addresses(URI.create(url).getHost());
        } catch (PublicHttp.NotPublic e) {
            return Optional.of(PRIVATE);
        } catch (UnknownHostException e) {
            return Optional.of("No server answers to " + URI.create(url).getHost() + " (the name does not resolve).");
        }
        return Optional.empty();
    }

    /** Why a URL is not a webhook address at all, whatever its name resolves to. */
    private Optional<String> shapeRefusal(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of("That is not a web address.");
        }
        if (uri.getHost() == null || !("https".equals(uri.getScheme()) || anyHost && "http".equals(uri.getScheme()))
                || url.length() > 500 || uri.getUserInfo() != null) {
            return Optional.of("Use an https:// address (up to 500 characters, without a user name or password in it).");
        }
        return Optional.empty();
    }

    /**
     * The outbox's pending {@code return.*} events (up to 1,000, skipping those another instance
     * holds) become one delivery per active endpoint of their store; an event whose store has no
     * endpoint is cancelled, so it is not queued for one added later.
     */
    private int enqueueReturnEvents(DSLContext tx, OffsetDateTime now) {
        List<Outbox.Pending> due = outbox.claim(tx, Notice.Channel.WEBHOOK, 1000);
        if (due.isEmpty()) {
            return 0;
        }
        Map<Long, List<Long>> endpoints = tx.select(WEBHOOK_ENDPOINTS.MERCHANT_ID, WEBHOOK_ENDPOINTS.ID).from(WEBHOOK_ENDPOINTS)
                .where(WEBHOOK_ENDPOINTS.MERCHANT_ID.in(due.stream().map(Outbox.Pending::merchantId).distinct().toList()))
                .and(WEBHOOK_ENDPOINTS.ACTIVE)
                .fetchGroups(WEBHOOK_ENDPOINTS.MERCHANT_ID, WEBHOOK_ENDPOINTS.ID);
        List<org.jooq.Query> deliveries = new java.util.ArrayList<>();
        for (Outbox.Pending event : due) {
            for (long endpoint : endpoints.getOrDefault(event.merchantId(), List.of())) {
                deliveries.add(tx.insertInto(WEBHOOK_DELIVERIES)
                        .set(WEBHOOK_DELIVERIES.MERCHANT_ID, event.merchantId())
                        .set(WEBHOOK_DELIVERIES.ENDPOINT_ID, endpoint)
                        .set(WEBHOOK_DELIVERIES.EVENT_TYPE, event.template())
                        .set(WEBHOOK_DELIVERIES.EVENT_KEY, "outbox:" + event.id())
                        .set(WEBHOOK_DELIVERIES.PAYLOAD, envelope(event.template(), event.payload()))
                        .set(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT, now)
                        .onConflictDoNothing());
            }
        }
        if (!deliveries.isEmpty()) {
            tx.batch(deliveries).execute();
        }
        outbox.finish(tx, due.stream().filter(e -> endpoints.containsKey(e.merchantId())).toList(), true, now);
        outbox.finish(tx, due.stream().filter(e -> !endpoints.containsKey(e.merchantId())).toList(), false, now);
        return due.size();
    }

    /** {@code {"type": "return.approved", "data": {…}}}, as every delivery is sent. */
    private static JSONB envelope(String type, JSONB data) {
        try {
            var node = ENVELOPES.createObjectNode().put("type", type);
            node.set("data", ENVELOPES.readTree(data.data()));
            return JSONB.valueOf(ENVELOPES.writeValueAsString(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the outbox holds JSON objects only", e);
        }
    }

    /** Turns new events into deliveries; returns how many outbox rows and endpoints it moved on. */
    public int enqueue() {
        OffsetDateTime now = now();
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            return enqueueReturnEvents(tx, now) + enqueueStatusChanges(tx, now);
        });
    }

    /**
     * One statement: each active endpoint (skipping those another instance is enqueuing) gets a
     * delivery for up to 1,000 status changes after the last one it saw, and remembers the newest.
     */
    private static int enqueueStatusChanges(DSLContext tx, OffsetDateTime now) {
        var endpoint = DSL.name("endpoint").as(DSL.select(WEBHOOK_ENDPOINTS.MERCHANT_ID, WEBHOOK_ENDPOINTS.ID, WEBHOOK_ENDPOINTS.STATUS_CHANGES_SEEN)
                .from(WEBHOOK_ENDPOINTS).where(WEBHOOK_ENDPOINTS.ACTIVE).forUpdate().skipLocked());
        var c = DSL.lateral(DSL.selectFrom(SHIPMENT_STATUS_CHANGES)
                .where(SHIPMENT_STATUS_CHANGES.MERCHANT_ID.eq(endpoint.field(WEBHOOK_ENDPOINTS.MERCHANT_ID)))
                .and(SHIPMENT_STATUS_CHANGES.ID.gt(endpoint.field(WEBHOOK_ENDPOINTS.STATUS_CHANGES_SEEN)))
                .orderBy(SHIPMENT_STATUS_CHANGES.ID).limit(1000)).as("c");
        var changes = DSL.name("changes").as(DSL.select(endpoint.field(WEBHOOK_ENDPOINTS.MERCHANT_ID),
                        endpoint.field(WEBHOOK_ENDPOINTS.ID).as(ENDPOINT_ID), c.field(SHIPMENT_STATUS_CHANGES.ID),
                        c.field(SHIPMENT_STATUS_CHANGES.TO_STATUS), c.field(SHIPMENT_STATUS_CHANGES.TO_SUBSTATUS),
                        c.field(SHIPMENT_STATUS_CHANGES.FROM_STATUS), c.field(SHIPMENT_STATUS_CHANGES.CHANGED_AT),
                        SHIPMENTS.ID.as(SHIPMENT_ID), SHIPMENTS.TRACKING_NUMBER, SHIPMENTS.CARRIER, SHIPMENTS.DIRECTION, ORDERS.ORDER_NUMBER)
                .from(endpoint).crossJoin(c)
                .join(SHIPMENTS).on(SHIPMENTS.MERCHANT_ID.eq(c.field(SHIPMENT_STATUS_CHANGES.MERCHANT_ID)))
                .and(SHIPMENTS.ID.eq(c.field(SHIPMENT_STATUS_CHANGES.SHIPMENT_ID)))
                .leftJoin(ORDERS).on(ORDERS.MERCHANT_ID.eq(SHIPMENTS.MERCHANT_ID)).and(ORDERS.ID.eq(SHIPMENTS.ORDER_ID)));
        Field<Long> merchant = changes.field(WEBHOOK_ENDPOINTS.MERCHANT_ID);
        Field<Long> endpointId = changes.field(ENDPOINT_ID, Long.class);
        Field<Long> change = changes.field(SHIPMENT_STATUS_CHANGES.ID);
        Field<String> toStatus = changes.field(SHIPMENT_STATUS_CHANGES.TO_STATUS);
        // InTransit -> shipment.in_transit
        Field<String> type = DSL.inline("shipment.").concat(DSL.lower(DSL.regexpReplaceAll(toStatus, "([a-z])([A-Z])", "\\1_\\2")));
        var queued = DSL.name("queued").as(DSL.insertInto(WEBHOOK_DELIVERIES, WEBHOOK_DELIVERIES.MERCHANT_ID, WEBHOOK_DELIVERIES.ENDPOINT_ID,
                        WEBHOOK_DELIVERIES.EVENT_TYPE, WEBHOOK_DELIVERIES.EVENT_KEY, WEBHOOK_DELIVERIES.PAYLOAD, WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT)
                .select(DSL.select(merchant, endpointId, type, DSL.inline("status_change:").concat(change),
                                DSL.jsonbObject(DSL.key("type").value(type), DSL.key("data").value(DSL.jsonbObject(
                                        DSL.key("shipment_id").value(changes.field(SHIPMENT_ID, Long.class)),
                                        DSL.key("tracking_number").value(changes.field(SHIPMENTS.TRACKING_NUMBER)),
                                        DSL.key("carrier").value(changes.field(SHIPMENTS.CARRIER)),
                                        DSL.key("direction").value(changes.field(SHIPMENTS.DIRECTION)),
                                        DSL.key("order_number").value(changes.field(ORDERS.ORDER_NUMBER)),
                                        DSL.key("status").value(toStatus),
                                        DSL.key("substatus").value(changes.field(SHIPMENT_STATUS_CHANGES.TO_SUBSTATUS)),
                                        DSL.key("previous_status").value(changes.field(SHIPMENT_STATUS_CHANGES.FROM_STATUS)),
                                        DSL.key("changed_at").value(changes.field(SHIPMENT_STATUS_CHANGES.CHANGED_AT))))),
                                DSL.val(now))
                        .from(changes))
                .onConflictDoNothing()
                .returningResult(WEBHOOK_DELIVERIES.ID));
        var seen = DSL.select(merchant, endpointId, DSL.max(change).as("last")).from(changes).groupBy(merchant, endpointId).asTable("seen");
        return tx.with(endpoint, changes, queued)
                .update(WEBHOOK_ENDPOINTS).set(WEBHOOK_ENDPOINTS.STATUS_CHANGES_SEEN, seen.field("last", Long.class))
                .from(seen)
                .where(WEBHOOK_ENDPOINTS.MERCHANT_ID.eq(seen.field(merchant))).and(WEBHOOK_ENDPOINTS.ID.eq(seen.field(endpointId)))
                .execute();
    }

    /** Posts the deliveries that are due; returns how many were delivered. */
    public int send() {
        OffsetDateTime now = now();
        var d = WEBHOOK_DELIVERIES.as("d");
        var e = WEBHOOK_ENDPOINTS.as("e");
        var due = DSL.select(WEBHOOK_DELIVERIES.MERCHANT_ID, WEBHOOK_DELIVERIES.ID).from(WEBHOOK_DELIVERIES)
                .where(WEBHOOK_DELIVERIES.STATUS.eq("pending")).and(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT.le(now))
                .orderBy(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT).limit(50).forUpdate().skipLocked().asTable("due");
        // claimed for 2 minutes: another instance leaves them alone while this one posts them
        var claimed = dsl.update(d).set(d.NEXT_ATTEMPT_AT, now.plusMinutes(2))
                .from(due, e)
                .where(d.MERCHANT_ID.eq(due.field(WEBHOOK_DELIVERIES.MERCHANT_ID))).and(d.ID.eq(due.field(WEBHOOK_DELIVERIES.ID)))
                .and(e.MERCHANT_ID.eq(d.MERCHANT_ID)).and(e.ID.eq(d.ENDPOINT_ID))
                .returningResult(d.MERCHANT_ID, d.ID, d.EVENT_TYPE, d.PAYLOAD, d.ATTEMPTS, e.URL, e.SECRET)
                .fetch();
        int delivered = 0;
        for (var r : claimed) {
            if (attempt(r.value1(), r.value2(), r.value3(), r.value4().data(), r.value5(), r.value6(), r.value7())) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean attempt(long merchantId, long id, String event, String body, int attempts, String url, String secret) {
        Integer status = null;
        String error = null;
        Optional<String> refused = shapeRefusal(url);
        if (refused.isPresent()) {
            error = refused.get();
        } else {
            long t = clock.instant().getEpochSecond();
            try {
                // the name is resolved, checked and connected to in one step (PublicHttp), never checked first and resolved again
                status = publicHttp.post(URI.create(url), Map.of("User-Agent", "Landfall-Webhooks/1", "Landfall-Event", event,
                                "Landfall-Delivery", String.valueOf(id), "Landfall-Signature", "t=" + t + ",v1=" + sign(secret, t + "." + body)),
                        "application/json", body.getBytes(StandardCharsets.UTF_8), TIMEOUT);
                if (status < 200 || status >= 300) {
                    error = "answered " + status;
                }
            } catch (PublicHttp.NotPublic e) {
                error = PRIVATE;
            } catch (UnknownHostException e) {
                error = "No server answers to " + URI.create(url).getHost() + " (the name does not resolve).";
            } catch (java.io.IOException e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (IllegalArgumentException e) {
                error = "not a usable address";
            }
        }
        int tries = attempts + 1;
        OffsetDateTime now = now();
        String next = error == null ? "delivered" : tries >= MAX_ATTEMPTS ? "failed" : "pending";
        Duration pause = Duration.ofMinutes(Math.min(360, 1L << Math.min(tries - 1, 9)));
        dsl.update(WEBHOOK_DELIVERIES)
                .set(WEBHOOK_DELIVERIES.STATUS, next)
                .set(WEBHOOK_DELIVERIES.ATTEMPTS, tries)
                .set(WEBHOOK_DELIVERIES.LAST_STATUS, status)
                .set(WEBHOOK_DELIVERIES.LAST_ERROR, error == null ? null : error.substring(0, Math.min(500, error.length())))
                .set(WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT, now.plus(pause))
                .set(WEBHOOK_DELIVERIES.DELIVERED_AT, error == null ? now : null)
                .where(WEBHOOK_DELIVERIES.MERCHANT_ID.eq(merchantId)).and(WEBHOOK_DELIVERIES.ID.eq(id))
                .execute();
        if (error != null) {
            LOG.info("webhook delivery {} of merchant {} to {} failed (attempt {}): {}", id, merchantId, url, tries, error);
        }
        return error == null;
    }

    /** Hex HMAC-SHA256: what a receiver computes over "t.body" with the endpoint's secret to check a delivery. */
    public static String sign(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
