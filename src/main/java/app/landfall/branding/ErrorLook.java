package app.landfall.branding;

import app.landfall.merchants.Merchants;
import app.landfall.web.ErrorPages;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The look of an error page a shopper may see: the store's brand when the address names a store
 * (its path or its own domain), else Landfall's, in the reader's language. The admin, the API and
 * the webhooks keep their own (the API's errors are problem+json anyway).
 */
public final class ErrorLook implements ErrorPages.Look {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final java.util.Set<String> NOT_STORES = java.util.Set.of("admin", "api", "hooks", "static", "webjars",
            "assets", "brand", "img", "health", "metrics");

    private final Merchants merchants;
    private final Brands brands;

    public ErrorLook(Merchants merchants, Brands brands) {
        this.merchants = merchants;
        this.brands = brands;
    }

    @Override
    public Map<String, Object> model(Context ctx) {
        String first = firstSegment(ctx.path());
        if (NOT_STORES.contains(first)) {
            return Map.of();
        }
        Optional<Merchants.Site> onDomain = merchants.byHost(ctx).map(m -> new Merchants.Site(m, ""));
        Optional<Merchants.Site> site = onDomain.isPresent() || !SLUG.matcher(first).matches() ? onDomain
                : merchants.bySlug(first).map(m -> new Merchants.Site(m, "/" + m.slug()));
        Brand brand = site.flatMap(s -> brands.defaultOf(s.merchant().id()))
                .orElseGet(() -> Brand.plain(site.map(s -> s.merchant().id()).orElse(0L),
                        site.map(s -> s.merchant().displayName()).orElse("Landfall")));
        String lang = PageLanguage.of(ctx, brand);
        String home = site.map(s -> s.path("/track")).orElse(null);
        Map<String, Object> model = new HashMap<>();
        model.put("page", BrandedPage.of(brand, lang, ctx.path(), home));
        model.put("locale", Locale.forLanguageTag(lang));
        return model;
    }

    static String firstSegment(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        int slash = p.indexOf('/');
        return slash < 0 ? p : p.substring(0, slash);
    }
}
