package app.landfall.hooks;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.WEBHOOK_SECRETS;

import app.landfall.audit.AuditTrail;
import app.landfall.auth.Tokens;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The secret each merchant shares with each provider to sign webhooks. Stored as given: checking an
 * HMAC needs the secret itself, so unlike API keys it cannot be kept as a hash.
 */
public final class WebhookSecrets {
    /** How long a looked-up merchant and secret are remembered: a changed secret applies within this. */
    static final Duration CACHE_FOR = Duration.ofSeconds(5);
    private static final int CACHE_SIZE = 10_000;

    private final DSLContext dsl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<Lookup> lookup, long expiresAt) {
    }

    public WebhookSecrets(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The merchant (by slug) and its secret for the provider; the secret is empty when none is set. */
    record Lookup(long merchantId, Optional<String> secret) {
    }

    /** Remembered for {@link #CACHE_FOR}: a burst of deliveries costs one query, not one each. */
    Optional<Lookup> lookup(String slug, Provider provider) {
        String key = provider.code() + "/" + slug;
        long now = System.nanoTime();
        Cached cached = cache.get(key);
        if (cached != null && now - cached.expiresAt() < 0) {
            return cached.lookup();
        }
        Optional<Lookup> lookup = query(slug, provider);
        if (cache.size() >= CACHE_SIZE) {
            cache.clear(); // bounded; busy merchants refill it with one query each
        }
        cache.put(key, new Cached(lookup, now + CACHE_FOR.toNanos()));
        return lookup;
    }

    private Optional<Lookup> query(String slug, Provider provider) {
        return dsl.select(MERCHANTS.ID, WEBHOOK_SECRETS.SECRET)
                .from(MERCHANTS)
                .leftJoin(WEBHOOK_SECRETS).on(WEBHOOK_SECRETS.MERCHANT_ID.eq(MERCHANTS.ID))
                .and(WEBHOOK_SECRETS.PROVIDER.eq(provider.code()))
                .where(MERCHANTS.SLUG.eq(slug))
                .fetchOptional(r -> new Lookup(r.value1(), Optional.ofNullable(r.value2())));
    }

    /** Sets (or replaces) the merchant's secret for the provider; null generates a new random one. Returns it. */
    public String set(long merchantId, Provider provider, String secret) {
        String value = secret != null ? secret : "whsec_" + Tokens.newToken();
        dsl.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            tx.insertInto(WEBHOOK_SECRETS)
                    .set(WEBHOOK_SECRETS.MERCHANT_ID, merchantId)
                    .set(WEBHOOK_SECRETS.PROVIDER, provider.code())
                    .set(WEBHOOK_SECRETS.SECRET, value)
                    .onConflict(WEBHOOK_SECRETS.MERCHANT_ID, WEBHOOK_SECRETS.PROVIDER)
                    .doUpdate()
                    .set(WEBHOOK_SECRETS.SECRET, value)
                    .set(WEBHOOK_SECRETS.CREATED_AT, DSL.currentOffsetDateTime())
                    .execute();
            AuditTrail.recordBy(tx, java.time.OffsetDateTime.now(), merchantId, "system", null, null, "webhook_secret.set",
                    "webhook_secret", provider.code(), Map.of());
        });
        cache.clear();
        return value;
    }

    /** The merchant's secrets by provider (for the start-up banner and, later, the admin screen). */
    public Map<Provider, String> all(long merchantId) {
        Map<Provider, String> result = new EnumMap<>(Provider.class);
        dsl.select(WEBHOOK_SECRETS.PROVIDER, WEBHOOK_SECRETS.SECRET).from(WEBHOOK_SECRETS)
                .where(WEBHOOK_SECRETS.MERCHANT_ID.eq(merchantId))
                .forEach(r -> Provider.fromCode(r.value1()).ifPresent(p -> result.put(p, r.value2())));
        return result;
    }
}
