package app.landfall.hooks;

import app.landfall.ops.BackgroundJobs;
import app.landfall.orders.OrderWriter;
import app.landfall.tracking.ShipmentWriter;
import java.time.Clock;
import java.time.Duration;
import org.jooq.DSLContext;

/**
 * Deliveries pushed in by AfterShip, EasyPost and Shopify: checked against the store's secret for
 * that provider, stored in the inbox and applied in one transaction, retried and replayable. The
 * one writer of {@code webhook_inbox} and {@code webhook_secrets}.
 */
public final class Hooks {
    private final WebhookSecrets secrets;
    private final WebhookInbox inbox;
    private final Webhooks webhooks;

    public Hooks(DSLContext dsl, Clock clock, OrderWriter orders, ShipmentWriter shipments) {
        this.secrets = new WebhookSecrets(dsl);
        this.inbox = new WebhookInbox(dsl, orders, shipments, clock);
        this.webhooks = new Webhooks(secrets, inbox);
    }

    /** The carrier code Landfall keeps for an EasyPost carrier name (USPS → usps), as its webhook deliveries are matched. */
    public static String carrierFromEasyPost(String name) {
        return CarrierNames.fromEasyPost(name);
    }

    public Webhooks webhooks() {
        return webhooks;
    }

    /** The stores' secrets, shared with the Integrations page so a change applies here at once. */
    public WebhookSecrets secrets() {
        return secrets;
    }

    public void schedule(BackgroundJobs jobs) {
        jobs.schedule("webhook deliveries retried", Duration.ofMinutes(1), Duration.ofMinutes(1), inbox::retryFailed)
                .schedule("webhook deliveries older than 90 days purged", Duration.ofMinutes(10), Duration.ofHours(6),
                        () -> inbox.purgeProcessed(Duration.ofDays(90)));
    }
}
