package app.landfall.hooks;

import static app.landfall.db.schema.Tables.WEBHOOK_INBOX;
import static app.landfall.db.schema.Tables.WEBHOOK_INBOX_SHIPMENTS;

import app.landfall.orders.OrderUpsert;
import app.landfall.orders.OrderWriter;
import app.landfall.tracking.ShipmentUpsert;
import app.landfall.tracking.ShipmentWriter;
import app.landfall.web.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores each webhook delivery and applies it. The raw body and its application commit together, so
 * a 2xx answer means the data is in. A redelivery of an applied delivery changes nothing. When
 * applying fails, the delivery is still stored (as failed) and retried later with growing pauses;
 * any stored delivery can be replayed on demand.
 */
public final class WebhookInbox {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookInbox.class);
    static final int MAX_ATTEMPTS = 8;

    private final DSLContext dsl;
    private final OrderWriter orders;
    private final ShipmentWriter shipments;
    private final Clock clock;
    private final ObjectMapper json = Json.mapper();

    public WebhookInbox(DSLContext dsl, OrderWriter orders, ShipmentWriter shipments, Clock clock) {
        this.dsl = dsl;
        this.orders = orders;
        this.shipments = shipments;
        this.clock = clock;
    }

    /** What a delivery did; {@code duplicate} when it had been applied before and nothing changed. */
    public record Outcome(long inboxId, boolean duplicate, int orders, int shipments, int eventsStored) {
    }

    /** Applying a stored delivery failed; it is kept as failed and will be retried. */
    static final class ApplyFailed extends RuntimeException {
        final long inboxId;

        ApplyFailed(long inboxId, Throwable cause) {
            super(cause);
            this.inboxId = inboxId;
        }
    }

    /**
     * The database refused the delivery's own data (a value out of range, a check it breaks): sending it
     * again cannot help, so it is not kept for retries and the sender is told (4xx) instead.
     */
    static final class Refused extends RuntimeException {
        Refused(Throwable cause) {
            super(cause.getMessage(), cause);
        }

        /** SQLSTATE class 22 (data exception) or 23514 (check violation) anywhere in the causes. */
        static boolean by(Throwable error) {
            for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && sql.getSQLState() != null
                        && (sql.getSQLState().startsWith("22") || sql.getSQLState().equals("23514"))) {
                    return true;
                }
            }
            return false;
        }
    }

    Outcome receive(long merchantId, Provider provider, String topic, byte[] body, WebhookContent content) {
        try {
            return dsl.transactionResult(cfg -> {
                DSLContext tx = DSL.using(cfg);
                OffsetDateTime now = now();
                Long id = tx.insertInto(WEBHOOK_INBOX)
                        .set(WEBHOOK_INBOX.MERCHANT_ID, merchantId)
                        .set(WEBHOOK_INBOX.PROVIDER, provider.code())
                        .set(WEBHOOK_INBOX.DELIVERY_ID, content.deliveryId())
                        .set(WEBHOOK_INBOX.TOPIC, topic)
                        .set(WEBHOOK_INBOX.BODY, body)
                        .set(WEBHOOK_INBOX.RECEIVED_AT, now)
                        .set(WEBHOOK_INBOX.STATUS, "processed")
                        .set(WEBHOOK_INBOX.LAST_ATTEMPT_AT, now)
                        .set(WEBHOOK_INBOX.PROCESSED_AT, now)
                        .onConflictDoNothing()
                        .returning(WEBHOOK_INBOX.ID)
                        .fetchOptional(WEBHOOK_INBOX.ID).orElse(null);
                if (id == null) {
                    // seen before: waits here while a concurrent copy of the same delivery is applied
                    var stored = tx.select(WEBHOOK_INBOX.ID, WEBHOOK_INBOX.STATUS).from(WEBHOOK_INBOX)
                            .where(WEBHOOK_INBOX.MERCHANT_ID.eq(merchantId))
                            .and(WEBHOOK_INBOX.PROVIDER.eq(provider.code()))
                            .and(WEBHOOK_INBOX.DELIVERY_ID.eq(content.deliveryId()))
                            .forUpdate()
                            .fetchSingle();
                    if (stored.value2().equals("processed")) {
                        return new Outcome(stored.value1(), true, 0, 0, 0);
                    }
                    id = stored.value1();
                    markProcessed(tx, merchantId, id, now);
                }
                return apply(tx, merchantId, id, provider, content);
            });
        } catch (RuntimeException e) {
            if (Refused.by(e)) {
                LOG.warn("webhook from {} for merchant {} refused by the database; not kept", provider.code(), merchantId, e);
                throw new Refused(e);
            }
            long id = storeFailed(merchantId, provider, topic, body, content.deliveryId(), e);
            throw new ApplyFailed(id, e);
        }
    }

    private Outcome apply(DSLContext tx, long merchantId, long inboxId, Provider provider, WebhookContent content) {
        for (OrderUpsert order : content.orders()) {
            orders.upsert(tx, merchantId, order);
        }
        int events = 0;
        for (ShipmentUpsert shipment : content.shipments()) {
            ShipmentWriter.Written written = shipments.upsert(tx, merchantId, shipment, ShipmentWriter.Mode.LENIENT, provider.code());
            events += written.eventsStored();
            // the admin's shipment page lists the deliveries behind a shipment
            tx.insertInto(WEBHOOK_INBOX_SHIPMENTS)
                    .set(WEBHOOK_INBOX_SHIPMENTS.MERCHANT_ID, merchantId)
                    .set(WEBHOOK_INBOX_SHIPMENTS.INBOX_ID, inboxId)
                    .set(WEBHOOK_INBOX_SHIPMENTS.SHIPMENT_ID, written.id())
                    .onConflictDoNothing()
                    .execute();
        }
        return new Outcome(inboxId, false, content.orders().size(), content.shipments().size(), events);
    }

    private long storeFailed(long merchantId, Provider provider, String topic, byte[] body, String deliveryId,
                             RuntimeException error) {
        LOG.warn("webhook from {} for merchant {} could not be applied; stored for retry", provider.code(), merchantId, error);
        OffsetDateTime now = now();
        String message = String.valueOf(error.getMessage());
        return dsl.insertInto(WEBHOOK_INBOX)
                .set(WEBHOOK_INBOX.MERCHANT_ID, merchantId)
                .set(WEBHOOK_INBOX.PROVIDER, provider.code())
                .set(WEBHOOK_INBOX.DELIVERY_ID, deliveryId)
                .set(WEBHOOK_INBOX.TOPIC, topic)
                .set(WEBHOOK_INBOX.BODY, body)
                .set(WEBHOOK_INBOX.RECEIVED_AT, now)
                .set(WEBHOOK_INBOX.STATUS, "failed")
                .set(WEBHOOK_INBOX.LAST_ATTEMPT_AT, now)
                .set(WEBHOOK_INBOX.LAST_ERROR, message.substring(0, Math.min(message.length(), 1000)))
                .onConflict(WEBHOOK_INBOX.MERCHANT_ID, WEBHOOK_INBOX.PROVIDER, WEBHOOK_INBOX.DELIVERY_ID)
                .doUpdate()
                .set(WEBHOOK_INBOX.ATTEMPTS, WEBHOOK_INBOX.ATTEMPTS.plus(1))
                .set(WEBHOOK_INBOX.LAST_ATTEMPT_AT, now)
                .set(WEBHOOK_INBOX.LAST_ERROR, message.substring(0, Math.min(message.length(), 1000)))
                .where(WEBHOOK_INBOX.STATUS.eq("failed"))
                .returning(WEBHOOK_INBOX.ID)
                .fetchOptional(WEBHOOK_INBOX.ID).orElse(0L);
    }

    /**
     * Applies a stored delivery again, whatever its status: the same events are not stored twice, so
     * replaying an applied delivery only re-applies order and shipment details. Empty when there is no
     * such delivery.
     */
    public Optional<Outcome> replay(long merchantId, long inboxId) {
        var row = dsl.selectFrom(WEBHOOK_INBOX)
                .where(WEBHOOK_INBOX.MERCHANT_ID.eq(merchantId)).and(WEBHOOK_INBOX.ID.eq(inboxId))
                .fetchOptional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        var r = row.get();
        Provider provider = Provider.fromCode(r.getProvider()).orElseThrow();
        try {
            WebhookContent content = provider.parse(r.getTopic(), r.getDeliveryId(), json.readTree(r.getBody()));
            return Optional.of(dsl.transactionResult(cfg -> {
                DSLContext tx = DSL.using(cfg);
                markProcessed(tx, merchantId, inboxId, now());
                return apply(tx, merchantId, inboxId, provider, content);
            }));
        } catch (IOException | InvalidPayload | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            dsl.update(WEBHOOK_INBOX)
                    .set(WEBHOOK_INBOX.STATUS, "failed")
                    .setNull(WEBHOOK_INBOX.PROCESSED_AT)
                    .set(WEBHOOK_INBOX.ATTEMPTS, WEBHOOK_INBOX.ATTEMPTS.plus(1))
                    .set(WEBHOOK_INBOX.LAST_ATTEMPT_AT, now())
                    .set(WEBHOOK_INBOX.LAST_ERROR, message.substring(0, Math.min(message.length(), 1000)))
                    .where(WEBHOOK_INBOX.MERCHANT_ID.eq(merchantId)).and(WEBHOOK_INBOX.ID.eq(inboxId))
                    .execute();
            throw new ApplyFailed(inboxId, e);
        }
    }

    /**
     * Retries failed deliveries whose pause is over (1, 2, 4 … minutes after each attempt, up to
     * {@value #MAX_ATTEMPTS} attempts). Returns how many were applied this time.
     */
    public int retryFailed() {
        OffsetDateTime now = now();
        // which ones are due is decided in the query: deciding after the LIMIT let 100 entries still
        // pausing hide one whose pause was over
        Condition due = DSL.falseCondition();
        for (int attempts = 1; attempts < MAX_ATTEMPTS; attempts++) {
            due = due.or(WEBHOOK_INBOX.ATTEMPTS.eq(attempts).and(WEBHOOK_INBOX.LAST_ATTEMPT_AT.le(now.minus(pauseAfter(attempts)))));
        }
        var rows = dsl.select(WEBHOOK_INBOX.MERCHANT_ID, WEBHOOK_INBOX.ID)
                .from(WEBHOOK_INBOX)
                .where(WEBHOOK_INBOX.STATUS.eq("failed"))
                .and(due)
                .orderBy(WEBHOOK_INBOX.LAST_ATTEMPT_AT)
                .limit(100)
                .fetch();
        int applied = 0;
        for (var row : rows) {
            try {
                replay(row.value1(), row.value2());
                applied++;
            } catch (ApplyFailed e) {
                LOG.warn("webhook inbox entry {} of merchant {} failed again", row.value2(), row.value1());
            }
        }
        return applied;
    }

    /** 1, 2, 4 … minutes after the first, second, third … attempt. */
    private static Duration pauseAfter(int attempts) {
        return Duration.ofMinutes(1L << Math.min(attempts - 1, 10));
    }

    /** Forgets applied deliveries received more than {@code keep} ago; failed ones stay. Returns how many. */
    public int purgeProcessed(Duration keep) {
        return dsl.deleteFrom(WEBHOOK_INBOX)
                .where(WEBHOOK_INBOX.STATUS.eq("processed"))
                .and(WEBHOOK_INBOX.RECEIVED_AT.lt(now().minus(keep)))
                .execute();
    }

    /** The ids of a merchant's deliveries that are not applied yet, oldest first. */
    public List<Long> failed(long merchantId) {
        return dsl.select(WEBHOOK_INBOX.ID).from(WEBHOOK_INBOX)
                .where(WEBHOOK_INBOX.MERCHANT_ID.eq(merchantId)).and(WEBHOOK_INBOX.STATUS.eq("failed"))
                .orderBy(WEBHOOK_INBOX.ID)
                .fetch(WEBHOOK_INBOX.ID);
    }

    private static void markProcessed(DSLContext tx, long merchantId, long id, OffsetDateTime now) {
        tx.update(WEBHOOK_INBOX)
                .set(WEBHOOK_INBOX.STATUS, "processed")
                .set(WEBHOOK_INBOX.PROCESSED_AT, now)
                .set(WEBHOOK_INBOX.LAST_ATTEMPT_AT, now)
                .set(WEBHOOK_INBOX.ATTEMPTS, WEBHOOK_INBOX.ATTEMPTS.plus(1))
                .setNull(WEBHOOK_INBOX.LAST_ERROR)
                .where(WEBHOOK_INBOX.MERCHANT_ID.eq(merchantId)).and(WEBHOOK_INBOX.ID.eq(id))
                .execute();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
