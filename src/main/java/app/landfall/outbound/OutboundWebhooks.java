package app.landfall.outbound;

import app.landfall.db.RenderedQuery;
import app.landfall.images.PublicAddresses;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.jooq.Record;
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

    private final DSLContext dsl;
    private final Clock clock;
    private final boolean anyHost;
    private final HttpClient http;

    public OutboundWebhooks(DSLContext dsl, Clock clock, boolean anyHost) {
        this.dsl = dsl;
        this.clock = clock;
        this.anyHost = anyHost;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Why a URL cannot receive webhooks, or empty when it can. */
    public Optional<String> refusal(String url) {
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
        if (!anyHost) {
            try {
                for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                    if (!PublicAddresses.isPublic(address)) {
                        return Optional.of("That address is on a private network: webhooks go only to public addresses.");
                    }
                }
            } catch (UnknownHostException e) {
                return Optional.of("No server answers to " + uri.getHost() + " (the name does not resolve).");
            }
        }
        return Optional.empty();
    }

    private static final String ENQUEUE_RETURNS = """
            WITH due AS (
                SELECT merchant_id, id, template, payload FROM notification_outbox
                WHERE channel = 'webhook' AND status = 'pending'
                ORDER BY id LIMIT 1000 FOR UPDATE SKIP LOCKED),
            queued AS (
                INSERT INTO webhook_deliveries (merchant_id, endpoint_id, event_type, event_key, payload, next_attempt_at)
                SELECT d.merchant_id, e.id, d.template, 'outbox:' || d.id,
                       jsonb_build_object('type', d.template, 'data', d.payload), ?::timestamptz
                FROM due d JOIN webhook_endpoints e ON e.merchant_id = d.merchant_id AND e.active
                ON CONFLICT DO NOTHING)
            UPDATE notification_outbox o
            SET status = CASE WHEN EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.merchant_id = o.merchant_id AND e.active)
                              THEN 'sent' ELSE 'cancelled' END,
                sent_at = ?::timestamptz
            FROM due WHERE o.merchant_id = due.merchant_id AND o.id = due.id""";

    private static final String ENQUEUE_SHIPMENTS = """
            WITH endpoint AS (
                SELECT merchant_id, id, status_changes_seen FROM webhook_endpoints WHERE active FOR UPDATE SKIP LOCKED),
            changes AS (
                SELECT e.merchant_id, e.id AS endpoint_id, c.id, c.to_status, c.to_substatus, c.from_status, c.changed_at,
                       s.id AS shipment_id, s.tracking_number, s.carrier, s.direction, o.order_number
                FROM endpoint e
                CROSS JOIN LATERAL (
                    SELECT * FROM shipment_status_changes c
                    WHERE c.merchant_id = e.merchant_id AND c.id > e.status_changes_seen ORDER BY c.id LIMIT 1000) c
                JOIN shipments s ON s.merchant_id = c.merchant_id AND s.id = c.shipment_id
                LEFT JOIN orders o ON o.merchant_id = s.merchant_id AND o.id = s.order_id),
            queued AS (
                INSERT INTO webhook_deliveries (merchant_id, endpoint_id, event_type, event_key, payload, next_attempt_at)
                SELECT merchant_id, endpoint_id,
                       'shipment.' || lower(regexp_replace(to_status, '([a-z])([A-Z])', '\\1_\\2', 'g')),
                       'status_change:' || id,
                       jsonb_build_object('type', 'shipment.' || lower(regexp_replace(to_status, '([a-z])([A-Z])', '\\1_\\2', 'g')),
                           'data', jsonb_build_object('shipment_id', shipment_id, 'tracking_number', tracking_number,
                               'carrier', carrier, 'direction', direction, 'order_number', order_number, 'status', to_status,
                               'substatus', to_substatus, 'previous_status', from_status, 'changed_at', changed_at)),
                       ?::timestamptz
                FROM changes
                ON CONFLICT DO NOTHING)
            UPDATE webhook_endpoints e SET status_changes_seen = seen.last
            FROM (SELECT merchant_id, endpoint_id, max(id) AS last FROM changes GROUP BY merchant_id, endpoint_id) seen
            WHERE e.merchant_id = seen.merchant_id AND e.id = seen.endpoint_id""";

    /** Turns new events into deliveries; returns how many outbox rows and endpoints it moved on. */
    public int enqueue() {
        OffsetDateTime now = now();
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            return RenderedQuery.execute(tx, ENQUEUE_RETURNS, now, now) + RenderedQuery.execute(tx, ENQUEUE_SHIPMENTS, now);
        });
    }

    private static final String CLAIM = """
            UPDATE webhook_deliveries d SET next_attempt_at = ?::timestamptz
            FROM (SELECT merchant_id, id FROM webhook_deliveries
                  WHERE status = 'pending' AND next_attempt_at <= ?::timestamptz
                  ORDER BY next_attempt_at LIMIT 50 FOR UPDATE SKIP LOCKED) due,
                 webhook_endpoints e
            WHERE d.merchant_id = due.merchant_id AND d.id = due.id AND e.merchant_id = d.merchant_id AND e.id = d.endpoint_id
            RETURNING d.merchant_id, d.id, d.event_type, d.payload::text, d.attempts, e.url, e.secret""";

    /** Posts the deliveries that are due; returns how many were delivered. */
    public int send() {
        OffsetDateTime now = now();
        // claimed for 2 minutes: another instance leaves them alone while this one posts them
        var due = dsl.resultQuery(CLAIM, now.plusMinutes(2), now).fetch();
        int delivered = 0;
        for (Record d : due) {
            if (attempt(d.get(0, Long.class), d.get(1, Long.class), d.get(2, String.class), d.get(3, String.class),
                    d.get(4, Integer.class), d.get(5, String.class), d.get(6, String.class))) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean attempt(long merchantId, long id, String event, String body, int attempts, String url, String secret) {
        Integer status = null;
        String error = null;
        Optional<String> refused = refusal(url);
        if (refused.isPresent()) {
            error = refused.get();
        } else {
            long t = clock.instant().getEpochSecond();
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "Landfall-Webhooks/1")
                        .header("Landfall-Event", event)
                        .header("Landfall-Delivery", String.valueOf(id))
                        .header("Landfall-Signature", "t=" + t + ",v1=" + sign(secret, t + "." + body))
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
                if (status < 200 || status >= 300) {
                    error = "answered " + status;
                }
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
        RenderedQuery.execute(dsl, """
                UPDATE webhook_deliveries SET status = ?, attempts = ?, last_status = ?, last_error = ?,
                       next_attempt_at = ?::timestamptz, delivered_at = ?::timestamptz
                WHERE merchant_id = ? AND id = ?""", next, tries, status, error == null ? null : error.substring(0, Math.min(500, error.length())),
                now.plus(pause), error == null ? now : null, merchantId, id);
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
