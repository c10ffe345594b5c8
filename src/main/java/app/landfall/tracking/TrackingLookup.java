package app.landfall.tracking;

import app.landfall.auth.SignedLinks;
import app.landfall.merchants.Merchants;
import app.landfall.web.ClientAddress;
import app.landfall.web.Csrf;
import app.landfall.web.RateLimiter;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * GET/POST /{merchant}/track: find a parcel by tracking number, or an order by its number and
 * the email or postal code it was placed with. Lookups are rate-limited per client IP and per
 * merchant; an unknown order and wrong details get the same answer after the same work.
 */
public final class TrackingLookup {
    static final Duration ORDER_LINK_VALIDITY = Duration.ofDays(7);
    private static final String ORDER_PAGE = "order_page";
    /** Long enough to choose items and find a box; short enough that a forwarded link soon stops working. */
    static final Duration RETURN_LINK_VALIDITY = Duration.ofHours(12);
    // compared against when no order matched, so both failures do the same work
    private static final byte[] NOBODY = "nobody@invalid".getBytes(StandardCharsets.UTF_8);

    private final Merchants merchants;
    private final TrackingQueries queries;
    private final TrackingPages pages;
    private final NotFoundPages notFound;
    private final SignedLinks links;
    private final RateLimiter perClient;
    private final ClientAddress clientAddress;
    private final RateLimiter perMerchant;

    public TrackingLookup(Merchants merchants, TrackingQueries queries, TrackingPages pages, NotFoundPages notFound,
            SignedLinks links, ClientAddress clientAddress, RateLimiter perClient, RateLimiter perMerchant) {
        this.clientAddress = clientAddress;
        this.merchants = merchants;
        this.queries = queries;
        this.pages = pages;
        this.notFound = notFound;
        this.links = links;
        this.perClient = perClient;
        this.perMerchant = perMerchant;
    }

    /** GET /{merchant}/track */
    public void showForm(Context ctx) {
        Optional<Merchants.Site> site = merchants.site(ctx);
        if (site.isEmpty()) {
            notFound.show(ctx, site);
            return;
        }
        notFound.render(ctx, site, 200, "tracking/lookup", Map.of());
    }

    /** POST /{merchant}/track */
    public void lookUp(Context ctx) {
        Optional<Merchants.Site> site = lookupSite(ctx);
        if (site.isEmpty()) {
            return;
        }
        String trackingNumber = ctx.formParam("tracking_number");
        if (trackingNumber != null) {
            lookUpNumber(ctx, site.get(), trackingNumber);
        } else {
            lookUpOrder(ctx, site.get(), ctx.formParam("order_number"), ctx.formParam("contact"));
        }
    }

    private void lookUpNumber(Context ctx, Merchants.Site site, String typed) {
        String number = normalise(typed);
        if (!number.matches("[A-Z0-9]{4,64}")) {
            invalid(ctx, site, Map.of("tracking_number", typed), Map.of("tracking_number",
                    number.isEmpty() ? "lookup.error.tracking_number.missing" : "lookup.error.tracking_number.format"));
            return;
        }
        ctx.redirect(site.path("/track/" + number), HttpStatus.SEE_OTHER);
    }

    private void lookUpOrder(Context ctx, Merchants.Site site, String orderNumber, String contact) {
        Optional<Long> proven = provenOrder(ctx, site, orderNumber, contact, "tracking/lookup", "tracking/not-found");
        if (proven.isEmpty()) {
            return;
        }
        long merchantId = site.merchant().id();
        long orderId = proven.get();
        List<TrackingQueries.Package> packages = queries.packages(merchantId, orderId);
        if (packages.size() == 1) {
            ctx.redirect("/t/" + packages.get(0).token(), HttpStatus.SEE_OTHER);
            return;
        }
        ctx.redirect(site.path("/track/order/" + links.sign(ORDER_PAGE, merchantId, orderId, ORDER_LINK_VALIDITY)),
                HttpStatus.SEE_OTHER);
    }

    /** GET /{merchant}/returns: the start of a return, by order number and email or postal code. */
    public void showReturnForm(Context ctx) {
        Optional<Merchants.Site> site = merchants.site(ctx);
        if (site.isEmpty()) {
            notFound.show(ctx, site);
            return;
        }
        // from "Start a return" on a tracking page: holding the parcel's link is proof enough
        String from = ctx.queryParam("from");
        Optional<Long> fromParcel = from == null ? Optional.empty() : queries.orderIdByToken(site.get().merchant().id(), from);
        if (fromParcel.isPresent()) {
            ctx.header("Cache-Control", "no-store");
            ctx.redirect(site.get().path("/returns/o/" + returnLink(site.get().merchant().id(), fromParcel.get())), HttpStatus.SEE_OTHER);
            return;
        }
        notFound.render(ctx, site, ctx.queryParam("expired") != null ? 404 : 200, "returns/start",
                ctx.queryParam("expired") != null ? Map.of("expired", true) : Map.of());
    }

    /**
     * POST /{merchant}/returns: the same proof, throttling and answers as the order lookup, then the
     * return flow of that order behind a signed link that expires.
     */
    public void startReturn(Context ctx) {
        Optional<Merchants.Site> site = lookupSite(ctx);
        if (site.isEmpty()) {
            return;
        }
        provenOrder(ctx, site.get(), ctx.formParam("order_number"), ctx.formParam("contact"), "returns/start", "returns/start")
                .ifPresent(orderId -> ctx.redirect(site.get().path("/returns/o/" + returnLink(site.get().merchant().id(), orderId)),
                        HttpStatus.SEE_OTHER));
    }

    /** The signed link into the return flow of an order (also what "Start a return" on a tracking page leads to). */
    public String returnLink(long merchantId, long orderId) {
        return links.sign(app.landfall.returns.ReturnFlow.PURPOSE, merchantId, orderId, RETURN_LINK_VALIDITY);
    }

    /**
     * The order a visitor named and proved with its email or postal code; otherwise the form again
     * (422, what to fix) or the same not-found answer for an unknown order and wrong details.
     */
    private Optional<Long> provenOrder(Context ctx, Merchants.Site site, String orderNumber, String contact, String formView,
            String notFoundView) {
        String number = orderNumber == null ? "" : orderNumber.strip().replaceFirst("^#", "");
        String proof = contact == null ? "" : contact.strip();
        Map<String, String> errors = new HashMap<>();
        if (number.isEmpty() || number.length() > 64) {
            errors.put("order_number", "lookup.error.order_number.missing");
        }
        if (proof.isEmpty() || proof.length() > 254) {
            errors.put("contact", "lookup.error.contact.missing");
        }
        if (!errors.isEmpty()) {
            notFound.render(ctx, Optional.of(site), 422, formView,
                    Map.of("form", Map.of("order_number", orderNumber == null ? "" : orderNumber, "contact", proof), "errors", errors));
            return Optional.empty();
        }
        Optional<TrackingQueries.OrderMatch> order = queries.orderByNumber(site.merchant().id(), number);
        if (!matches(order.orElse(null), proof)) {
            notFound.render(ctx, Optional.of(site), 404, notFoundView,
                    Map.of("form", Map.of("order_number", number, "contact", proof), "notFound", true));
            return Optional.empty();
        }
        return Optional.of(order.get().orderId());
    }

    /** Email in any case, or postal code without spaces or dashes; both compared in constant time. */
    static boolean matches(TrackingQueries.OrderMatch order, String proof) {
        boolean byEmail = proof.contains("@");
        byte[] given = (byEmail ? proof.toLowerCase(Locale.ROOT) : postal(proof)).getBytes(StandardCharsets.UTF_8);
        String stored = order == null ? null : byEmail ? order.email() : postal(order.postalCode());
        byte[] expected = stored == null || stored.isEmpty() ? NOBODY : stored.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given) && order != null && stored != null && !stored.isEmpty();
    }

    private static String postal(String code) {
        return code == null ? null : code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }

    static String normalise(String trackingNumber) {
        return trackingNumber == null ? "" : trackingNumber.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }

    /** GET /{merchant}/track/{number}: the status and history only. */
    public void showByNumber(Context ctx) {
        withNumber(ctx, (site, v) -> pages.showLimited(ctx, site, v, normalise(ctx.pathParam("number"))));
    }

    /** GET /{merchant}/track/{number}/go/{n} */
    public void followByNumber(Context ctx) {
        withNumber(ctx, (site, v) -> pages.follow(ctx, v));
    }

    private void withNumber(Context ctx, java.util.function.BiConsumer<Merchants.Site, TrackingQueries.Version> then) {
        Optional<Merchants.Site> site = merchants.site(ctx);
        if (site.isEmpty()) {
            notFound.show(ctx, site);
            return;
        }
        if (throttled(ctx, site.get())) {
            return;
        }
        String number = normalise(ctx.pathParam("number"));
        Optional<TrackingQueries.Version> v = number.matches("[A-Z0-9]{4,64}")
                ? queries.versionByNumber(site.get().merchant().id(), number) : Optional.empty();
        if (v.isEmpty()) {
            notFound.show(ctx, site);
            return;
        }
        then.accept(site.get(), v.get());
    }

    /** GET /{merchant}/track/order/{link}: every package of an order, for a visitor who proved they know it. */
    public void showOrder(Context ctx) {
        Optional<Merchants.Site> site = merchants.site(ctx);
        Optional<Long> orderId = site.flatMap(s -> links.verify(ORDER_PAGE, s.merchant().id(), ctx.pathParam("link")));
        if (orderId.isEmpty()) {
            notFound.show(ctx, site);
            return;
        }
        long merchantId = site.get().merchant().id();
        String orderNumber = queries.orderNumber(merchantId, orderId.get());
        if (orderNumber == null) {
            notFound.show(ctx, site);
            return;
        }
        notFound.render(ctx, site, 200, "tracking/order", Map.of("orderNumber", orderNumber,
                "packages", queries.packages(merchantId, orderId.get())));
    }

    /** The site a lookup form was posted to, after its CSRF check and the rate limits; empty when already answered. */
    private Optional<Merchants.Site> lookupSite(Context ctx) {
        Optional<Merchants.Site> site = merchants.site(ctx);
        if (site.isEmpty()) {
            notFound.show(ctx, site);
            return site;
        }
        Csrf.verify(ctx);
        return throttled(ctx, site.get()) ? Optional.empty() : site;
    }

    private boolean throttled(Context ctx, Merchants.Site site) {
        RateLimiter.Decision client = perClient.acquire(clientAddress.of(ctx));
        RateLimiter.Decision merchant = client.allowed() ? perMerchant.acquire(String.valueOf(site.merchant().id())) : client;
        if (merchant.allowed()) {
            return false;
        }
        long seconds = Math.max(1, merchant.retryAfter().toSeconds());
        ctx.header("Retry-After", String.valueOf(seconds));
        notFound.render(ctx, Optional.of(site), 429, "tracking/throttled", Map.of("seconds", seconds));
        return true;
    }

    private void invalid(Context ctx, Merchants.Site site, Map<String, String> form, Map<String, String> errors) {
        notFound.render(ctx, Optional.of(site), 422, "tracking/lookup", Map.of("form", form, "errors", errors));
    }
}
