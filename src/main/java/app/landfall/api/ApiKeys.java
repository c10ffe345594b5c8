package app.landfall.api;

import static app.landfall.db.schema.Tables.API_KEYS;

import app.landfall.audit.AuditTrail;
import app.landfall.auth.Digests;
import app.landfall.auth.Tokens;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Creates merchants' API keys (shown once) and finds the merchant a presented key belongs to.
 * Found keys are remembered (by hash, never the key itself) for {@link #CACHE_FOR}, so a busy client
 * costs one lookup every few seconds instead of one per request; a revoked key therefore stops
 * working within that time. Unknown keys are not remembered.
 */
public final class ApiKeys {
    static final Duration CACHE_FOR = Duration.ofSeconds(5);
    private static final int CACHE_SIZE = 10_000;
    private static final String PREFIX = "lf_";
    private final DSLContext dsl;
    private final LongSupplier nanoTime;
    private final Map<ByteBuffer, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(long merchantId, long expiresAt) {
    }

    public ApiKeys(DSLContext dsl) {
        this(dsl, System::nanoTime);
    }

    ApiKeys(DSLContext dsl, LongSupplier nanoTime) {
        this.dsl = dsl;
        this.nanoTime = nanoTime;
    }

    /** Who made a change, for the audit log: a signed-in user (id and address) or the system. */
    public record Actor(String type, String id, String ip) {
        public static final Actor SYSTEM = new Actor("system", null, null);
    }

    /** A key as the admin lists it (never the key itself: only its first characters). */
    public record Listed(long id, String name, String prefix, java.time.OffsetDateTime createdAt,
            java.time.OffsetDateTime lastUsedAt, java.time.OffsetDateTime revokedAt) {
    }

    /** A new key for the merchant; the returned text is the only copy of it. */
    public String create(long merchantId, String name) {
        return create(merchantId, name, Actor.SYSTEM);
    }

    public String create(long merchantId, String name, Actor actor) {
        String key = PREFIX + Tokens.newToken();
        register(merchantId, name, key, actor);
        return key;
    }

    /** The merchant's keys, live ones first, newest first. */
    public java.util.List<Listed> list(long merchantId) {
        return dsl.select(API_KEYS.ID, API_KEYS.NAME, API_KEYS.PREFIX, API_KEYS.CREATED_AT, API_KEYS.LAST_USED_AT, API_KEYS.REVOKED_AT)
                .from(API_KEYS).where(API_KEYS.MERCHANT_ID.eq(merchantId))
                .orderBy(API_KEYS.REVOKED_AT.isNull().desc(), API_KEYS.CREATED_AT.desc(), API_KEYS.ID.desc())
                .fetch(r -> new Listed(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /**
     * Revokes one of the merchant's keys; false when it has no such live key. This server forgets
     * the key at once; others within {@link #CACHE_FOR}.
     */
    public boolean revoke(long merchantId, long keyId, Actor actor) {
        boolean revoked = dsl.transactionResult(cfg -> {
            int changed = DSL.using(cfg).update(API_KEYS).set(API_KEYS.REVOKED_AT, DSL.currentOffsetDateTime())
                    .where(API_KEYS.MERCHANT_ID.eq(merchantId)).and(API_KEYS.ID.eq(keyId)).and(API_KEYS.REVOKED_AT.isNull())
                    .execute();
            if (changed == 1) {
                audit(DSL.using(cfg), merchantId, actor, "api_key.revoked", keyId);
            }
            return changed == 1;
        });
        cache.clear();
        return revoked;
    }

    private static void audit(DSLContext tx, long merchantId, Actor actor, String action, long keyId) {
        AuditTrail.recordBy(tx, java.time.OffsetDateTime.now(), merchantId, actor.type(), actor.id(), actor.ip(), action, "api_key",
                keyId, Map.of());
    }

    /**
     * Stores a key chosen elsewhere (the demo store's published key) unless the merchant has it
     * already; true when it was stored now.
     */
    public boolean register(long merchantId, String name, String key) {
        return register(merchantId, name, key, Actor.SYSTEM);
    }

    private boolean register(long merchantId, String name, String key, Actor actor) {
        if (!key.startsWith(PREFIX) || key.length() < PREFIX.length() + 6) {
            throw new IllegalArgumentException("an API key starts with " + PREFIX + " and has at least 6 more characters");
        }
        return dsl.transactionResult(cfg -> {
            Long id = DSL.using(cfg).insertInto(API_KEYS)
                    .set(API_KEYS.MERCHANT_ID, merchantId)
                    .set(API_KEYS.NAME, name)
                    .set(API_KEYS.PREFIX, key.substring(0, PREFIX.length() + 6))
                    .set(API_KEYS.KEY_HASH, hash(key))
                    .onConflictDoNothing()
                    .returning(API_KEYS.ID).fetchOptional(API_KEYS.ID).orElse(null);
            if (id == null) {
                return false;
            }
            audit(DSL.using(cfg), merchantId, actor, "api_key.created", id);
            return true;
        });
    }

    /** The merchant whose live key this is. */
    public Optional<Long> merchantFor(String key) {
        if (key == null || !key.startsWith(PREFIX) || key.length() > 100) {
            return Optional.empty();
        }
        byte[] hash = hash(key);
        ByteBuffer cacheKey = ByteBuffer.wrap(hash);
        long now = nanoTime.getAsLong();
        Cached cached = cache.get(cacheKey);
        if (cached != null && now - cached.expiresAt < 0) {
            return Optional.of(cached.merchantId);
        }
        Optional<Long> merchant = dsl.select(API_KEYS.MERCHANT_ID)
                .from(API_KEYS)
                .where(API_KEYS.KEY_HASH.eq(hash))
                .and(API_KEYS.REVOKED_AT.isNull())
                .fetchOptional(API_KEYS.MERCHANT_ID);
        if (merchant.isPresent()) {
            // "last used" for the admin, to the minute (a remembered key is not looked up, nor written, again)
            dsl.update(API_KEYS).set(API_KEYS.LAST_USED_AT, DSL.currentOffsetDateTime())
                    .where(API_KEYS.KEY_HASH.eq(hash))
                    .and(API_KEYS.LAST_USED_AT.isNull().or(API_KEYS.LAST_USED_AT.lt(
                            java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1))))
                    .execute();
            if (cache.size() >= CACHE_SIZE) {
                cache.clear(); // crude but bounded; live clients refill it with one lookup each
            }
            cache.put(cacheKey, new Cached(merchant.get(), now + CACHE_FOR.toNanos()));
        } else {
            cache.remove(cacheKey);
        }
        return merchant;
    }

    private static byte[] hash(String key) {
        return Digests.sha256(key);
    }
}
