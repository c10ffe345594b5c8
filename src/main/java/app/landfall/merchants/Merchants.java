package app.landfall.merchants;

import static app.landfall.db.schema.Tables.BRANDS;
import static app.landfall.db.schema.Tables.MERCHANTS;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Finds the merchant a public request is for: by the slug in the path (/{merchant}/track), or by
 * the Host header when the merchant has mapped its own domain (track.example.com/track).
 */
public final class Merchants {
    /** How long a domain's or slug's merchant (or its absence) is remembered. */
    private static final Duration DOMAIN_TTL = Duration.ofSeconds(5);
    private static final int MAX_DOMAINS = 1_000;

    private final DSLContext dsl;
    private final Clock clock;
    // Host headers are chosen by clients, so unknown ones are remembered only briefly and in bounded number
    private final Map<String, Cached> domains = new ConcurrentHashMap<>();
    // slugs in paths likewise: every public page asks, and a merchant's name or slug changes rarely
    private final Map<String, Cached> slugs = new ConcurrentHashMap<>();

    public Merchants(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** A merchant as its customers know it: the default brand's name, else the merchant's. */
    public record Merchant(long id, String slug, String displayName, String timezone) {
    }

    /** Where a merchant's public pages live on this request: "/demo" on the portal, "" on its own domain. */
    public record Site(Merchant merchant, String prefix) {
        public String path(String rest) {
            return prefix + rest;
        }
    }

    private record Cached(Optional<Merchant> merchant, Instant until) {
    }

    /** The merchant with this slug; answers are remembered for 5 seconds. */
    public Optional<Merchant> bySlug(String slug) {
        return remembered(slugs, slug, () -> find(MERCHANTS.SLUG.eq(slug)));
    }

    /** The merchant whose custom domain this request came in on, if any. */
    public Optional<Merchant> byHost(Context ctx) {
        String host = host(ctx.header("Host"));
        if (host == null) {
            return Optional.empty();
        }
        return remembered(domains, host, () -> find(MERCHANTS.CUSTOM_DOMAIN.eq(host)));
    }

    private Optional<Merchant> remembered(Map<String, Cached> cache, String key, java.util.function.Supplier<Optional<Merchant>> lookup) {
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.merchant();
        }
        Optional<Merchant> merchant = lookup.get();
        if (cache.size() >= MAX_DOMAINS) {
            cache.clear();
        }
        cache.put(key, new Cached(merchant, now.plus(DOMAIN_TTL)));
        return merchant;
    }

    /**
     * The site a public page belongs to: the path's merchant, or the domain's when the path has
     * none. Another merchant's slug on a merchant's own domain is not served.
     */
    public Optional<Site> site(Context ctx) {
        Optional<Merchant> domain = byHost(ctx);
        String slug = ctx.pathParamMap().get("merchant");
        if (slug == null) {
            return domain.map(m -> new Site(m, ""));
        }
        Optional<Merchant> merchant = bySlug(slug);
        if (merchant.isPresent() && domain.isPresent() && domain.get().id() != merchant.get().id()) {
            return Optional.empty();
        }
        return merchant.map(m -> new Site(m, "/" + m.slug()));
    }

    private Optional<Merchant> find(Condition condition) {
        return dsl.select(MERCHANTS.ID, MERCHANTS.SLUG, MERCHANTS.NAME, BRANDS.NAME, MERCHANTS.TIMEZONE)
                .from(MERCHANTS)
                .leftJoin(BRANDS).on(BRANDS.MERCHANT_ID.eq(MERCHANTS.ID)).and(BRANDS.IS_DEFAULT)
                .where(condition)
                .fetchOptional(r -> new Merchant(r.value1(), r.value2(), r.value4() == null ? r.value3() : r.value4(), r.value5()));
    }

    /** "Track.Example.com:443" → "track.example.com"; null for a missing or odd header. */
    /** A store's time zone (its stored name), or UTC for a name this Java does not know. */
    public static ZoneId zone(String timezone) {
        try {
            return ZoneId.of(timezone);
        } catch (java.time.DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** A new store (the command line's first owner brings one); returns its id. */
    public static long create(DSLContext tx, String slug, String name) {
        return tx.insertInto(MERCHANTS).set(MERCHANTS.SLUG, slug).set(MERCHANTS.NAME, name).returning(MERCHANTS.ID).fetchSingle(MERCHANTS.ID);
    }

    /** The store's time zone (an IANA name) and currency (ISO 4217), both checked by the caller. */
    public static void setZoneAndCurrency(DSLContext tx, long merchantId, String timezone, String currency) {
        tx.update(MERCHANTS).set(MERCHANTS.TIMEZONE, timezone).set(MERCHANTS.CURRENCY, currency).where(MERCHANTS.ID.eq(merchantId)).execute();
    }

    /** The store's own domain for its shopper pages (null for none); unique across stores (the database refuses a taken one). */
    public static void setCustomDomain(DSLContext tx, long merchantId, String domain) {
        tx.update(MERCHANTS).set(MERCHANTS.CUSTOM_DOMAIN, domain).where(MERCHANTS.ID.eq(merchantId)).execute();
    }

    static String host(String header) {
        if (header == null || header.isBlank() || header.length() > 253 + 6) {
            return null;
        }
        String host = header.trim().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            return null; // an IPv6 literal is never a merchant's domain
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }
}
