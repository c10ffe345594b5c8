package app.landfall.branding;

import app.landfall.i18n.Languages;
import app.landfall.i18n.LocalFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import app.landfall.merchants.Merchants;
import app.landfall.web.Csrf;
import app.landfall.web.Templates;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Shopper pages in a store's brand that belong to no one parcel or return (the lookup and
 * returns-start forms), and the one answer for everything that cannot be shown: a wrong link, an
 * unknown or another merchant's tracking number, an order whose details do not match. Same status,
 * same words, so a guesser learns nothing; on a merchant's site it offers the lookup form again.
 */
public final class BrandedPages {
    private final Brands brands;
    private final Templates templates;

    BrandedPages(Brands brands, Templates templates) {
        this.brands = brands;
        this.templates = templates;
    }

    /**
     * The pages a link to which is shared in a chat get a link preview (layout/brand): which words
     * it uses. The tracking page itself says so in its own model.
     */
    private static final Map<String, String> PREVIEWS = Map.of("tracking/lookup", "track", "tracking/order", "track",
            "returns/start", "returns");

    /** The branded 404. */
    public void show(Context ctx, Optional<Merchants.Site> site) {
        render(ctx, site, 404, "tracking/not-found", Map.of());
    }

    /** The language a page of this site is shown in, as {@link #render} picks it. */
    public String lang(Context ctx, Optional<Merchants.Site> site) {
        return PageLanguage.of(ctx, brand(site));
    }

    private Brand brand(Optional<Merchants.Site> site) {
        return site.flatMap(s -> brands.defaultOf(s.merchant().id()))
                .orElseGet(() -> Brand.plain(site.map(s -> s.merchant().id()).orElse(0L),
                        site.map(s -> s.merchant().displayName()).orElse("Landfall")));
    }

    /** A page of a merchant's site outside any parcel, with the given status and extra model entries. */
    public void render(Context ctx, Optional<Merchants.Site> site, int status, String view, Map<String, Object> extra) {
        Brand brand = brand(site);
        String lang = PageLanguage.of(ctx, brand);
        String home = site.map(s -> s.path("/track")).orElse(null);
        Map<String, Object> model = new HashMap<>(extra);
        model.put("page", BrandedPage.of(brand, lang, home == null ? ctx.path() : home, home));
        model.putIfAbsent("form", Map.of());
        model.putIfAbsent("errors", Map.of());
        if (status == 200) {
            model.putIfAbsent("preview", PREVIEWS.get(view));
        }
        site.ifPresent(s -> model.put("returnsPath", s.path("/returns")));
        model.put("fmt", new LocalFormat(Locale.forLanguageTag(lang), LocalDate.now(ZoneOffset.UTC)));
        if (home != null) {
            model.put("csrf", Csrf.token(ctx));
        }
        ctx.header("Cache-Control", "private, no-store");
        ctx.header("X-Robots-Tag", "noindex");
        ctx.status(status).contentType("text/html; charset=utf-8")
                .result(templates.render(view, model, ctx, Locale.forLanguageTag(lang)));
    }
}
