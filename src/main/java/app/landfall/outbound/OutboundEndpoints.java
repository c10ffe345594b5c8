package app.landfall.outbound;

import static app.landfall.db.schema.Tables.SHIPMENT_STATUS_CHANGES;
import static app.landfall.db.schema.Tables.WEBHOOK_DELIVERIES;
import static app.landfall.db.schema.Tables.WEBHOOK_ENDPOINTS;

import app.landfall.audit.AuditTrail;
import app.landfall.admin.AdminAccess;
import app.landfall.admin.AdminUser;
import app.landfall.auth.Tokens;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/** The merchant's outbound webhook endpoints and their delivery log, for the Integrations page (owners). */
public final class OutboundEndpoints {
    private final DSLContext dsl;
    private final OutboundWebhooks webhooks;
    private final AuditTrail audit;

    OutboundEndpoints(DSLContext dsl, OutboundWebhooks webhooks, AuditTrail audit) {
        this.dsl = dsl;
        this.webhooks = webhooks;
        this.audit = audit;
    }

    public record Added(String secret, String problem) {
    }

    public record Endpoint(long id, String url, String created) {
    }

    public record Delivery(long id, String event, String url, String status, int attempts, String outcome, String at) {
    }

    public Added add(AdminUser user, String url, String ip) {
        var refusal = webhooks.refusal(url);
        if (refusal.isPresent()) {
            return new Added(null, refusal.get());
        }
        if (dsl.fetchCount(WEBHOOK_ENDPOINTS, WEBHOOK_ENDPOINTS.MERCHANT_ID.eq(user.merchantId())) >= 10) {
            return new Added(null, "A store has at most 10 endpoints: remove one first.");
        }
        String secret = "whsec_" + Tokens.newToken();
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            // events from now on: the status changes so far are behind it
            long seen = tx.select(DSL.coalesce(DSL.max(SHIPMENT_STATUS_CHANGES.ID), DSL.val(0L))).from(SHIPMENT_STATUS_CHANGES)
                    .where(SHIPMENT_STATUS_CHANGES.MERCHANT_ID.eq(user.merchantId())).fetchSingle().value1();
            long id = tx.insertInto(WEBHOOK_ENDPOINTS).set(WEBHOOK_ENDPOINTS.MERCHANT_ID, user.merchantId())
                    .set(WEBHOOK_ENDPOINTS.URL, url).set(WEBHOOK_ENDPOINTS.SECRET, secret).set(WEBHOOK_ENDPOINTS.STATUS_CHANGES_SEEN, seen)
                    .returning(WEBHOOK_ENDPOINTS.ID).fetchSingle(WEBHOOK_ENDPOINTS.ID);
            audit.record(tx, user, ip, "webhook_endpoint.added", "webhook_endpoint", id, Map.of("url", url));
        });
        return new Added(secret, null);
    }

    public void test(AdminUser user, long id, String ip) {
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            if (!tx.fetchExists(WEBHOOK_ENDPOINTS, WEBHOOK_ENDPOINTS.MERCHANT_ID.eq(user.merchantId()).and(WEBHOOK_ENDPOINTS.ID.eq(id)))) {
                throw AdminAccess.notFound();
            }
            tx.insertInto(WEBHOOK_DELIVERIES).set(WEBHOOK_DELIVERIES.MERCHANT_ID, user.merchantId()).set(WEBHOOK_DELIVERIES.ENDPOINT_ID, id)
                    .set(WEBHOOK_DELIVERIES.EVENT_TYPE, "test.ping").set(WEBHOOK_DELIVERIES.EVENT_KEY, "test:" + Tokens.newToken())
                    .set(WEBHOOK_DELIVERIES.PAYLOAD, JSONB.valueOf("{\"type\": \"test.ping\", \"data\": {\"store\": \""
                            + user.merchantSlug() + "\"}}"))
                    .execute();
            audit.record(tx, user, ip, "webhook_endpoint.tested", "webhook_endpoint", id, Map.of());
        });
    }

    public void remove(AdminUser user, long id, String ip) {
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            int removed = tx.deleteFrom(WEBHOOK_ENDPOINTS).where(WEBHOOK_ENDPOINTS.MERCHANT_ID.eq(user.merchantId()))
                    .and(WEBHOOK_ENDPOINTS.ID.eq(id)).execute();
            if (removed == 0) {
                throw AdminAccess.notFound();
            }
            audit.record(tx, user, ip, "webhook_endpoint.removed", "webhook_endpoint", id, Map.of());
        });
    }

    public List<Endpoint> list(long merchantId, ZoneId zone) {
        return dsl.selectFrom(WEBHOOK_ENDPOINTS).where(WEBHOOK_ENDPOINTS.MERCHANT_ID.eq(merchantId)).orderBy(WEBHOOK_ENDPOINTS.ID)
                .fetch(e -> new Endpoint(e.getId(), e.getUrl(), app.landfall.admin.AdminPages.time(e.getCreatedAt(), zone)));
    }

    /** The 30 newest deliveries to any of the merchant's endpoints. */
    public List<Delivery> log(long merchantId, ZoneId zone) {
        return dsl.select(WEBHOOK_DELIVERIES.ID, WEBHOOK_DELIVERIES.EVENT_TYPE, WEBHOOK_ENDPOINTS.URL, WEBHOOK_DELIVERIES.STATUS,
                        WEBHOOK_DELIVERIES.ATTEMPTS, WEBHOOK_DELIVERIES.LAST_STATUS, WEBHOOK_DELIVERIES.LAST_ERROR,
                        WEBHOOK_DELIVERIES.CREATED_AT, WEBHOOK_DELIVERIES.NEXT_ATTEMPT_AT)
                .from(WEBHOOK_DELIVERIES).join(WEBHOOK_ENDPOINTS).on(WEBHOOK_ENDPOINTS.MERCHANT_ID.eq(WEBHOOK_DELIVERIES.MERCHANT_ID))
                .and(WEBHOOK_ENDPOINTS.ID.eq(WEBHOOK_DELIVERIES.ENDPOINT_ID))
                .where(WEBHOOK_DELIVERIES.MERCHANT_ID.eq(merchantId))
                .orderBy(WEBHOOK_DELIVERIES.ID.desc()).limit(30)
                .fetch(d -> new Delivery(d.value1(), d.value2(), d.value3(), d.value4(), d.value5(),
                        d.value7() != null ? d.value7() : d.value6() != null ? "answered " + d.value6() : "",
                        d.value4().equals("pending") && d.value5() > 0
                                ? "next try " + app.landfall.admin.AdminPages.time(d.value9(), zone)
                                : app.landfall.admin.AdminPages.time(d.value8(), zone)));
    }
}
