package app.landfall.returns;


import app.landfall.db.RenderedQuery;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;


/**
 * Every step of a return leaves messages in the notification outbox, in the same transaction as
 * the step: an email to the shopper (when the order has an address) and a {@code return.<status>}
 * event for the merchant's systems (outbound webhooks, a payment gateway that refunds). The
 * notifications issue sends them; a step is never announced without having happened, nor the
 * other way round.
 */
final class ReturnEvents {
    private ReturnEvents() {
    }

    private static final String INSERT = """
            INSERT INTO notification_outbox (merchant_id, channel, template, recipient, payload, dedupe_key, return_id, created_at,
                                             next_attempt_at)
            SELECT ?, c.channel, ?, c.recipient, ?::jsonb, ? || c.channel, ?, ?, ?
            FROM (VALUES ('email', ?::text), ('webhook', 'merchant')) AS c (channel, recipient)
            WHERE c.recipient IS NOT NULL
            ON CONFLICT DO NOTHING""";

    static void record(DSLContext tx, long merchantId, long returnId, String rma, ReturnStatus status, String customerEmail,
            OffsetDateTime now) {
        String payload = "{\"return_id\": " + returnId + ", \"rma\": \"" + rma + "\", \"status\": \"" + status.code() + "\"}";
        // an email to the shopper when the order has an address, and the event for the merchant's systems
        RenderedQuery.execute(tx, INSERT, merchantId, "return." + status.code(), payload,
                "return:" + returnId + ":" + status.code() + ":", returnId, now, now, customerEmail);
    }
}
