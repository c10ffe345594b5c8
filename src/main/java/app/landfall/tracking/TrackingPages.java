package app.landfall.tracking;

import app.landfall.branding.BrandedPages;
import app.landfall.analytics.Engagement;
import app.landfall.branding.Brand;
import app.landfall.branding.Brands;
import app.landfall.branding.PageLanguage;
import app.landfall.merchants.Merchants;
import app.landfall.web.Csrf;
import app.landfall.web.Htmx;
import app.landfall.web.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;

/**
 * The page behind every tracking link, GET /t/{token}, and its limited twin for a lookup by
 * tracking number. The same URL answers with the whole page, or for htmx's 60-second poll with
 * just the status and history (204 when nothing changed, 286 to stop polling once final).
 * Pages are cached per version: a conditional request gets 304 without rendering.
 */
public final class TrackingPages {
    /** Templates change between releases: pages rendered by another build must not match. */
    private static final String BUILD = UUID.randomUUID().toString();

    private final TrackingQueries queries;
    private final TokenVersions tokens;
    private final Brands brands;
    private final Merchants merchants;
    private final Templates templates;
    private final Engagement engagement;
    private final Clock clock;
    private final BrandedPages notFound;
    private final ReturnDeadline deadline;
    private final PageCache cache;
    /** Where the visitor's CSRF token goes in a cached page (see {@link PageCache.Page#bodyWith}). */
    static final String CSRF_SLOT = "lf-csrf-slot-3f9a1c";

    private final LanguageChoices languageChoices;

    /** Where a customer's explicit language choice on their order's page is remembered (their next messages use it). */
    interface LanguageChoices {
        void remember(long merchantId, long orderId, String language);
    }
    /** Pages rendered at once: rendering is CPU work, and the load query before it is short. */
    static final int RENDERS = 2 * Runtime.getRuntime().availableProcessors();
    private final Semaphore renders = new Semaphore(RENDERS, true);

    TrackingPages(TrackingQueries queries, TokenVersions tokens, Brands brands, Merchants merchants, Templates templates,
            Engagement engagement, Clock clock, BrandedPages notFound, ReturnDeadline deadline, long cacheBytes,
            LanguageChoices languageChoices) {
        this.languageChoices = languageChoices;
        this.deadline = deadline;
        this.queries = queries;
        this.tokens = tokens;
        this.brands = brands;
        this.merchants = merchants;
        this.templates = templates;
        this.engagement = engagement;
        this.clock = clock;
        this.notFound = notFound;
        this.cache = new PageCache(cacheBytes);
    }

    /** GET /t/{token} */
    public void show(Context ctx) {
        Optional<Merchants.Merchant> domain = merchants.byHost(ctx);
        Optional<TrackingQueries.Version> version = byToken(ctx, domain);
        if (version.isEmpty()) {
            notFound.show(ctx, domain.map(m -> new Merchants.Site(m, "")));
            return;
        }
        TrackingQueries.Version v = version.get();
        String self = "/t/" + v.token();
        String home = domain.isPresent() ? "/track" : "/" + v.slug() + "/track";
        respond(ctx, v, true, self, home);
    }

    /** GET /{merchant}/track/{number}: a lookup by tracking number alone, so no order details. */
    void showLimited(Context ctx, Merchants.Site site, TrackingQueries.Version v, String number) {
        respond(ctx, v, false, site.path("/track/" + number), site.path("/track"));
    }

    /** GET /t/{token}/go/{n}: counts a click on the marketing block, then goes there. */
    public void follow(Context ctx) {
        byToken(ctx).ifPresentOrElse(v -> follow(ctx, v), () -> notFound.show(ctx, Optional.empty()));
    }

    void follow(Context ctx, TrackingQueries.Version v) {
        Brand.Marketing marketing = brand(v).marketing();
        String url = null;
        int index = parseIndex(ctx.pathParam("n"));
        if (index == 0) {
            url = marketing.bannerUrl();
        } else if (index > 0 && index <= marketing.recommendations().size()) {
            url = marketing.recommendations().get(index - 1).url();
        }
        if (url == null) {
            notFound.show(ctx, Optional.empty());
            return;
        }
        engagement.record(v.merchantId(), v.shipmentId(), Engagement.Kind.MARKETING_CLICK, url);
        ctx.header("Cache-Control", "no-store");
        ctx.redirect(url, HttpStatus.SEE_OTHER);
    }

    private java.util.Optional<LocalDate> returnBy(TrackingQueries.Version v, TrackingQueries.ShipmentData d, ZoneId zone) {
        return deadline.lastDay(new ReturnDeadline.Parcel(v.merchantId(), v.orderId(), d.windowStartsAt(), d.windowDays() == null ? 0 : d.windowDays(),
                d.placedAt(), d.shippedAt(), d.deliveredAt(), "Delivered".equals(d.status()), d.anyItemReturnable(), zone));
    }

    /** GET /t/{token}/return: counts the click on "Start a return", then opens the returns flow. */
    public void startReturn(Context ctx) {
        Optional<Merchants.Merchant> domain = merchants.byHost(ctx);
        Optional<TrackingQueries.Version> version = byToken(ctx, domain);
        if (version.isEmpty()) {
            notFound.show(ctx, Optional.empty());
            return;
        }
        TrackingQueries.Version v = version.get();
        if (v.isReturnParcel()) { // a parcel on its way back is not something to return
            notFound.show(ctx, Optional.empty());
            return;
        }
        engagement.record(v.merchantId(), v.shipmentId(), Engagement.Kind.RETURN_CLICK, null);
        ctx.header("Cache-Control", "no-store");
        String returns = domain.isPresent() ? "/returns" : "/" + v.slug() + "/returns";
        ctx.redirect(returns + "?from=" + v.token(), HttpStatus.SEE_OTHER);
    }

    /** A token that exists, and on a merchant's own domain only that merchant's. */
    private Optional<TrackingQueries.Version> byToken(Context ctx) {
        return byToken(ctx, merchants.byHost(ctx));
    }

    private Optional<TrackingQueries.Version> byToken(Context ctx, Optional<Merchants.Merchant> domain) {
        Optional<TrackingQueries.Version> v = tokens.find(ctx.pathParam("token"));
        if (v.isEmpty()) {
            return v;
        }
        return domain.isPresent() && domain.get().id() != v.get().merchantId() ? Optional.empty() : v;
    }

    private void respond(Context ctx, TrackingQueries.Version v, boolean detailed, String self, String home) {
        Brand brand = brand(v);
        String lang = PageLanguage.of(ctx, brand);
        // only an explicit choice (the switcher's ?lang=) on the order's own page, never a mere view: one cheap
        // write that leaves the order's version, and so the page cache, alone
        if (detailed && lang.equals(ctx.queryParam("lang")) && v.orderId() != null && !v.isReturnParcel()
                && app.landfall.i18n.Languages.SUPPORTED.contains(lang)) {
            languageChoices.remember(v.merchantId(), v.orderId(), lang);
        }
        // "today", "late" and every date are judged on the customer's calendar, not the store's
        ZoneId zone = v.customerZone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        boolean fragment = Htmx.wantsFragment(ctx);
        String version = version(v, brand, lang, today, detailed);
        // the subscribe form carries the visitor's CSRF token: the page is the same only for the same token
        boolean form = offersUpdates(v, detailed) && !fragment;
        String etag = "\"" + version + (fragment ? "-f" : "") + (form ? "-" + Csrf.fingerprint(ctx) : "") + "\"";
        ctx.header("ETag", etag);
        ctx.header("Vary", "Accept-Language, Cookie, HX-Request");
        ctx.header("X-Robots-Tag", "noindex");
        ctx.header("Cache-Control", fragment ? "private, no-store" : "private, no-cache");
        if (fragment && version.equals(ctx.queryParam("since"))) {
            ctx.status(HttpStatus.NO_CONTENT); // htmx leaves the page alone, and screen readers hear nothing
            return;
        }
        if (!fragment) {
            engagement.record(v.merchantId(), v.shipmentId(), Engagement.Kind.PAGE_VIEW, null);
        }
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        String key = v.shipmentId() + "|" + lang + "|" + detailed + "|" + fragment;
        PageCache.Page page = cache.get(key, etag);
        if (page == null) {
            page = renderGated(ctx, v, brand, lang, version, detailed, fragment, self, home, today, zone);
            cache.put(key, etag, page);
        }
        // 286 tells htmx to stop polling: a delivered or expired parcel will not change any more
        ctx.status(fragment && page.isFinal() ? 286 : 200);
        ctx.contentType("text/html; charset=utf-8").result(page.csrfAt() < 0 ? page.body() : page.bodyWith(Csrf.token(ctx)));
    }

    /**
     * Loads and renders a page, at most {@link #RENDERS} at a time. When a notification sends thousands
     * of people to pages nobody has opened yet, letting every request thread render at once only
     * makes them fight over two cores (and over Thymeleaf's expression locks), so all of them finish
     * late; a fair queue in front finishes each in turn, and cached pages never wait in it.
     */
    private PageCache.Page renderGated(Context ctx, TrackingQueries.Version v, Brand brand, String lang, String version,
            boolean detailed, boolean fragment, String self, String home, LocalDate today, ZoneId zone) {
        try {
            renders.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to render a tracking page", e);
        }
        try {
            String clicks = detailed ? "/t/" + v.token() : self;
            String returnUrl = detailed && !v.isReturnParcel() ? "/t/" + v.token() + "/return" : null;
            TrackingQueries.ShipmentData data = queries.load(v.merchantId(), v.shipmentId());
            List<String> parcels = detailed && v.orderId() != null && !v.isReturnParcel()
                    ? queries.parcelTokens(v.merchantId(), v.orderId()) : List.of();
            ZoneId storeZone = Merchants.zone(v.timezone());
            TrackingView view = TrackingView.of(new TrackingView.Inputs(data, brand, lang, self, version, detailed, clicks, home,
                    returnUrl, today, zone, returnUrl == null ? Optional.empty() : returnBy(v, data, storeZone), v.isReturnParcel(), parcels));
            Map<String, Object> model = new java.util.HashMap<>(Map.of("view", view, "page", view.page(), "fragment", fragment,
                    "returnParcel", v.isReturnParcel(), "csrfSlot", CSRF_SLOT, "preview", "track"));
            if (offersUpdates(v, detailed) && !fragment) {
                model.put("updates", "/t/" + v.token() + "/subscriptions");
            }
            String html = templates.render(fragment ? "tracking/show :: status, history" : "tracking/show", model, ctx,
                    Locale.forLanguageTag(lang));
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            int slot = html.indexOf(CSRF_SLOT);
            if (slot >= 0) {
                byte[] before = html.substring(0, slot).getBytes(StandardCharsets.UTF_8);
                byte[] after = html.substring(slot + CSRF_SLOT.length()).getBytes(StandardCharsets.UTF_8);
                body = new byte[before.length + after.length];
                System.arraycopy(before, 0, body, 0, before.length);
                System.arraycopy(after, 0, body, before.length, after.length);
                return new PageCache.Page(body, view.isFinal(), before.length);
            }
            return new PageCache.Page(body, view.isFinal());
        } finally {
            renders.release();
        }
    }

    /** The full page of an order's own parcel (a tracking link, not a lookup by number) offers "Get updates". */
    static boolean offersUpdates(TrackingQueries.Version v, boolean detailed) {
        return detailed && v.orderId() != null && !v.isReturnParcel();
    }

    /** The parcel a request's tracking link names, as {@link #show} finds it (on a store's domain, only its own). */
    Optional<TrackingQueries.Version> visible(Context ctx) {
        return byToken(ctx);
    }

    Brand brand(TrackingQueries.Version v) {
        if (v.brandId() != null) {
            Optional<Brand> brand = brands.byId(v.merchantId(), v.brandId(), v.brand());
            if (brand.isPresent()) {
                return brand.get();
            }
        }
        return Brand.plain(v.merchantId(), v.merchantName());
    }

    private static String version(TrackingQueries.Version v, Brand brand, String lang, LocalDate today, boolean detailed) {
        String source = String.join("|", BUILD, String.valueOf(v.shipmentId()), String.valueOf(v.shipment()),
                String.valueOf(v.order()), String.valueOf(brand.id()), String.valueOf(brand.updatedAt()),
                String.valueOf(v.policy()), v.slug(), lang, today.toString(), String.valueOf(detailed));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }


    private static int parseIndex(String n) {
        return n.matches("\\d{1,2}") ? Integer.parseInt(n) : -1;
    }
}
