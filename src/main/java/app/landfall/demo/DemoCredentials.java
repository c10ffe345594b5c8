package app.landfall.demo;

import static app.landfall.db.schema.Tables.MERCHANTS;

import app.landfall.api.ApiKeys;
import app.landfall.hooks.Provider;
import app.landfall.hooks.WebhookSecrets;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The demo store's API key and webhook secrets. They are fixed and published (README, docs/api.md,
 * the start-up banner) like the demo password, so the documented curl examples work as written
 * against any demo installation. A merchant's real credentials are random and shown once; run with
 * LANDFALL_DEMO=false in production so the demo store and these credentials never exist there.
 */
public final class DemoCredentials {
    public static final String API_KEY = "lf_demo_alder-and-ash_public-demo-key";
    static final Map<Provider, String> WEBHOOK_SECRETS = Map.of(
            Provider.AFTERSHIP, "demo-aftership-webhook-secret",
            Provider.EASYPOST, "demo-easypost-webhook-secret",
            Provider.SHOPIFY, "demo-shopify-webhook-secret");

    private DemoCredentials() {
    }

    /** What to print at start-up: the demo API key (while it is live) and the demo store's webhook secrets. */
    public record Printed(Optional<String> apiKey, Map<Provider, String> webhookSecrets) {
    }

    /**
     * Gives the demo store (the one the seeder created, not any store called "demo") its key and
     * secrets when it lacks them (also for stores seeded by an
     * earlier version). A secret someone changed since is left alone; a revoked demo key stays revoked.
     */
    public static void ensure(DSLContext dsl) {
        merchantId(dsl).ifPresent(merchantId -> {
            new ApiKeys(dsl).register(merchantId, "Demo key (published)", API_KEY);
            WebhookSecrets secrets = new WebhookSecrets(dsl);
            Map<Provider, String> existing = secrets.all(merchantId);
            WEBHOOK_SECRETS.forEach((provider, secret) -> {
                if (!existing.containsKey(provider)) {
                    secrets.set(merchantId, provider, secret);
                }
            });
        });
    }

    public static Optional<Printed> find(DSLContext dsl) {
        return merchantId(dsl).map(merchantId -> {
            ApiKeys keys = new ApiKeys(dsl);
            Optional<String> key = keys.merchantFor(API_KEY).filter(id -> id == merchantId).map(id -> API_KEY);
            return new Printed(key, new WebhookSecrets(dsl).all(merchantId));
        });
    }

    private static Optional<Long> merchantId(DSLContext dsl) {
        return dsl.select(MERCHANTS.ID).from(MERCHANTS).where(MERCHANTS.IS_DEMO).fetchOptional(MERCHANTS.ID);
    }
}
