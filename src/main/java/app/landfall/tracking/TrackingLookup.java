package app.landfall.tracking;

import app.landfall.branding.BrandedPages;
import app.landfall.auth.SignedLinks;
import app.landfall.merchants.Merchants;
import app.landfall.lookup.ShopperLookup;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * GET/POST /{merchant}/track: find a parcel by tracking number, or an order by its number and
 * the email or postal code it was placed with ({@link ShopperLookup}: the proof and the limits).
 */
public final class TrackingLookup {
    static final Duration ORDER_LINK_VALIDITY = Duration.ofDays(7);
    private static final String ORDER_PAGE = "order_page";

    private final Merchants merchants;
    private final TrackingQueries queries;
    private final TrackingPages pages;
    private final BrandedPages notFound;
    private final SignedLinks links;
    private final ShopperLookup lookup;

    private final java.time.Clock clock;

    /** One parcel on the order page: its number, page, status and arrival in words, contents. */
    public record OrderParcel(int number, String url, String status, String statusName, String tone, ArrivalWords.Promise promise,
            String carrierName, String trackingNumber, List<TrackingQueries.Item> items) {
    }

    TrackingLookup(Merchants merchants, TrackingQueries queries, TrackingPages pages, BrandedPages notFound,
            SignedLinks links, ShopperLookup lookup, java.time.Clock clock) {
        this.clock = clock;
        this.lookup = lookup;
        this.merchants = merchants;
        this.queries = queries;
        this.pages = pages;
        this.notFound = notFound;
        this.links = links;
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
        Optional<Merchants.Site> site = lookup.postedSite(ctx);
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
        Optional<Long> proven = lookup.provenOrder(ctx, site, orderNumber, contact, "tracking/lookup", "tracking/not-found");
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
        if (lookup.throttled(ctx, site.get())) {
            return;
        }
        String number = normalise(ctx.pathParam("number"));
        Optional<TrackingQueries.Version> v = number.matches("[A-Z0-9]{4,64}")
                ? queries.versionByNumber(site.get().merchant().id(), number) : Optional.empty();
        if (v.isEmpty()) {
            lookup.notFound(site.get());
            // the words speak of the number typed, not of a link
            notFound.render(ctx, site, 404, "tracking/not-found", Map.of("form", Map.of("tracking_number", number)));
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
                "packages", parcels(ctx, site.get(), orderId.get())));
    }

    /** Every parcel of the order with its status and its arrival, judged on the customer's calendar as on its own page. */
    private List<OrderParcel> parcels(Context ctx, Merchants.Site site, long orderId) {
        long merchantId = site.merchant().id();
        java.time.ZoneId zone = queries.customerZone(merchantId, orderId, Merchants.zone(site.merchant().timezone()));
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(zone));
        Locale locale = Locale.forLanguageTag(notFound.lang(ctx, Optional.of(site)));
        app.landfall.i18n.LocalFormat format = new app.landfall.i18n.LocalFormat(locale, today);
        List<TrackingQueries.Package> packages = queries.packages(merchantId, orderId);
        List<OrderParcel> parcels = new java.util.ArrayList<>();
        for (int i = 0; i < packages.size(); i++) {
            TrackingQueries.Package p = packages.get(i);
            java.time.LocalDate deliveredOn = p.deliveredAt() == null ? null : p.deliveredAt().atZoneSameInstant(zone).toLocalDate();
            Arrival arrival = Arrival.of(new Arrival.Facts(p.status(), p.substatus(), deliveredOn, p.carrierEstimate(), p.predictedFrom(),
                    p.predictedTo(), p.promised(), null, p.pickupDeadline()), today);
            parcels.add(new OrderParcel(i + 1, "/t/" + p.token(), p.status(),
                    app.landfall.i18n.Messages.text(locale, "status." + p.status()), p.tone(),
                    ArrivalWords.of(arrival, locale, format, false), p.carrierName(), p.trackingNumber(), p.items()));
        }
        return List.copyOf(parcels);
    }

    private void invalid(Context ctx, Merchants.Site site, Map<String, String> form, Map<String, String> errors) {
        notFound.render(ctx, Optional.of(site), 422, "tracking/lookup", Map.of("form", form, "errors", errors));
    }
}
