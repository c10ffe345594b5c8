package app.landfall.branding;

import static app.landfall.db.schema.Tables.BRANDS;

import app.landfall.db.schema.tables.records.BrandsRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/**
 * Brands, kept in memory: a page names the brand and its updated_at, and the cached copy is used
 * while it is that version (any update bumps updated_at, see V009).
 */
public final class Brands {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CACHED = 10_000;

    private final DSLContext dsl;
    private final UnaryOperator<String> imageSrc;
    private final Map<Long, Brand> cache = new ConcurrentHashMap<>();

    /** {@code imageSrc} turns a configured image URL into what pages load (see {@code RemoteImages#src}). */
    Brands(DSLContext dsl, UnaryOperator<String> imageSrc) {
        this.dsl = dsl;
        this.imageSrc = imageSrc;
    }

    /** The brand at this version (from cache when it matches). */
    public Optional<Brand> byId(long merchantId, long brandId, OffsetDateTime version) {
        Brand cached = cache.get(brandId);
        if (cached != null && cached.merchantId() == merchantId && cached.updatedAt().isEqual(version)) {
            return Optional.of(cached);
        }
        return load(merchantId, BRANDS.ID.eq(brandId));
    }

    /** The brand as stored now (stylesheets ask for it by id). */
    public Optional<Brand> latest(long merchantId, long brandId) {
        return load(merchantId, BRANDS.ID.eq(brandId));
    }

    /**
     * The brand a page of an order shows: the order's own brand, else the merchant's default, else
     * a plain one with the merchant's name. Read fresh: these pages are not the hot path.
     */
    public Brand forPage(long merchantId, Long brandId, String merchantName) {
        return (brandId == null ? Optional.<Brand>empty() : latest(merchantId, brandId))
                .or(() -> defaultOf(merchantId))
                .orElseGet(() -> Brand.plain(merchantId, merchantName));
    }

    /** The merchant's default brand, read fresh (lookup pages are not the hot path). */
    public Optional<Brand> defaultOf(long merchantId) {
        return load(merchantId, BRANDS.IS_DEFAULT.isTrue());
    }

    private Optional<Brand> load(long merchantId, org.jooq.Condition which) {
        Optional<Brand> brand = dsl.selectFrom(BRANDS)
                .where(BRANDS.MERCHANT_ID.eq(merchantId)).and(which)
                .fetchOptional(r -> toBrand(r, imageSrc));
        brand.ifPresent(b -> {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(b.id(), b);
        });
        return brand;
    }

    static Brand toBrand(BrandsRecord r, UnaryOperator<String> imageSrc) {
        JsonNode marketing = parse(r.getMarketing());
        List<Brand.Recommendation> recommendations = new ArrayList<>();
        for (JsonNode item : marketing.path("recommendations")) {
            String url = safeUrl(text(item, "url"));
            String title = text(item, "title");
            if (url != null && title != null) {
                recommendations.add(new Brand.Recommendation(title, imageSrc.apply(safeUrl(text(item, "image_url"))), url,
                        text(item, "price")));
            }
        }
        List<Brand.Link> links = new ArrayList<>();
        for (JsonNode link : parse(r.getHeaderLinks())) {
            String url = safeUrl(text(link, "url"));
            String label = text(link, "label");
            if (url != null && label != null) {
                links.add(new Brand.Link(label, url));
            }
        }
        return new Brand(r.getMerchantId(), r.getId(), r.getName(), imageSrc.apply(safeUrl(r.getLogoUrl())),
                new Brand.Palette(r.getPrimaryColor(), r.getAccentColor(), r.getBackgroundColor(), r.getTextColor(), r.getFont()),
                Arrays.asList(r.getLanguages()), r.getDefaultLanguage(), r.getSupportEmail(), r.getSupportPhone(),
                safeUrl(r.getSupportUrl()), List.copyOf(links),
                new Brand.Marketing(text(marketing, "headline"), text(marketing, "body"),
                        imageSrc.apply(safeUrl(text(marketing, "banner_image_url"))), safeUrl(text(marketing, "banner_url")),
                        List.copyOf(recommendations.subList(0, Math.min(4, recommendations.size())))),
                r.getUpdatedAt());
    }

    /** Only web links and our own paths: a javascript: or data: URL from brand settings is dropped. */
    static String safeUrl(String url) {
        if (url == null) {
            return null;
        }
        String trimmed = url.trim();
        boolean web = trimmed.regionMatches(true, 0, "https://", 0, 8) || trimmed.regionMatches(true, 0, "http://", 0, 7);
        boolean local = trimmed.startsWith("/") && !trimmed.startsWith("//");
        return web || local ? trimmed : null;
    }

    private static JsonNode parse(JSONB json) {
        try {
            return json == null ? JSON.createObjectNode() : JSON.readTree(json.data());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return JSON.createObjectNode(); // the column is jsonb, so this cannot happen
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText().trim() : null;
    }
}
