package app.landfall.outbound;

import app.landfall.audit.AuditTrail;
import app.landfall.notifications.Outbox;
import app.landfall.ops.BackgroundJobs;
import java.time.Clock;
import java.time.Duration;
import org.jooq.DSLContext;

/**
 * Webhooks from Landfall to the merchant's own systems: the one writer of {@code webhook_endpoints}
 * and {@code webhook_deliveries}; signed {@code shipment.*} and {@code return.*} events, retried.
 */
public final class Outbound {
    private final OutboundWebhooks webhooks;
    private final OutboundEndpoints endpoints;

    /** {@code anyHost}: development only, lets endpoints be plain http and private addresses. */
    public Outbound(DSLContext dsl, Clock clock, boolean anyHost, AuditTrail audit, Outbox outbox) {
        this.webhooks = new OutboundWebhooks(dsl, outbox, clock, anyHost);
        this.endpoints = new OutboundEndpoints(dsl, webhooks, audit);
    }

    /** The merchant's endpoints and delivery log, for the Integrations page. */
    public OutboundEndpoints endpoints() {
        return endpoints;
    }

    public void schedule(BackgroundJobs jobs) {
        // like the other jobs, these start a while after start-up; tests that drive them by hand turn them off
        // (LANDFALL_BACKGROUND_JOBS=false) so the server's own runs cannot race theirs
        jobs.schedule("events queued for merchants' webhook endpoints", Duration.ofSeconds(30), Duration.ofSeconds(5),
                        webhooks::enqueue)
                .schedule("merchants' webhooks sent", Duration.ofSeconds(31), Duration.ofSeconds(5), webhooks::send);
    }
}
