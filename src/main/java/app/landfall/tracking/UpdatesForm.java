package app.landfall.tracking;

import app.landfall.branding.BrandedPages;
import app.landfall.branding.PageLanguage;
import app.landfall.merchants.Merchants;
import app.landfall.web.ClientAddress;
import app.landfall.web.Csrf;
import app.landfall.web.RateLimiter;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * "Get updates by email or text": the form on the tracking page posts here, {@code POST
 * /t/{token}/subscriptions}; {@code GET} is the same form on a page of its own (where it comes back
 * with its errors) and the answer after it ({@code ?done=subscribed|confirm}, post-redirect-get).
 * Each sign-up may send a message to someone, so it is limited per client address (10, then one a
 * minute) and per order (5, then one every 10 minutes): nobody can flood a stranger's inbox from a
 * tracking link.
 */
public final class UpdatesForm {
    private final TrackingPages tracking;
    private final BrandedPages pages;
    private final Merchants merchants;
    private final UpdateSignups signups;
    private final ClientAddress clientAddress;
    private final RateLimiter perAddress;
    private final RateLimiter perOrder;

    UpdatesForm(TrackingPages tracking, BrandedPages pages, Merchants merchants, UpdateSignups signups, ClientAddress clientAddress,
            Clock clock) {
        this.tracking = tracking;
        this.pages = pages;
        this.merchants = merchants;
        this.signups = signups;
        this.clientAddress = clientAddress;
        this.perAddress = new RateLimiter(10, Duration.ofMinutes(1), clock, 100_000);
        this.perOrder = new RateLimiter(5, Duration.ofMinutes(10), clock, 100_000);
    }

    /** GET /t/{token}/subscriptions */
    public void show(Context ctx) {
        parcel(ctx).ifPresent(v -> {
            String done = ctx.queryParam("done");
            Map<String, Object> model = new HashMap<>();
            if ("subscribed".equals(done) || "confirm".equals(done)) {
                model.put("done", done);
            }
            render(ctx, v, 200, model);
        });
    }

    /** POST /t/{token}/subscriptions */
    public void subscribe(Context ctx) {
        Csrf.verify(ctx);
        Optional<TrackingQueries.Version> parcel = parcel(ctx);
        if (parcel.isEmpty()) {
            return;
        }
        TrackingQueries.Version v = parcel.get();
        RateLimiter.Decision decision = perAddress.acquire(clientAddress.of(ctx));
        if (decision.allowed()) {
            decision = perOrder.acquire(v.merchantId() + " " + v.orderId());
        }
        if (!decision.allowed()) {
            long seconds = Math.max(1, decision.retryAfter().toSeconds());
            ctx.header("Retry-After", String.valueOf(seconds));
            render(ctx, v, 429, Map.of("throttled", true, "minutes", (seconds + 59) / 60));
            return;
        }
        String address = ctx.formParam("address");
        String lang = PageLanguage.of(ctx, tracking.brand(v));
        UpdateSignups.Result result = signups.subscribe(new UpdateSignups.Request(v.merchantId(), v.orderId(), v.shipmentId(),
                address == null ? "" : address, lang));
        switch (result) {
            case SUBSCRIBED -> ctx.redirect(self(v) + "?done=subscribed", HttpStatus.SEE_OTHER);
            case CONFIRMATION_SENT -> ctx.redirect(self(v) + "?done=confirm", HttpStatus.SEE_OTHER);
            default -> render(ctx, v, 422, Map.of("error", error(address, result), "address", address == null ? "" : address));
        }
    }

    private static String error(String address, UpdateSignups.Result result) {
        if (address == null || address.isBlank()) {
            return "updates.error.empty";
        }
        return switch (result) {
            case INVALID_EMAIL -> "updates.error.email";
            case NO_TEXTS -> "updates.error.no_texts";
            default -> "updates.error.phone";
        };
    }

    /** The order's parcel behind the link; a 404 page has been sent when there is none (or it offers no updates). */
    private Optional<TrackingQueries.Version> parcel(Context ctx) {
        Optional<TrackingQueries.Version> v = tracking.visible(ctx).filter(p -> TrackingPages.offersUpdates(p, true));
        if (v.isEmpty()) {
            pages.show(ctx, merchants.byHost(ctx).map(m -> new Merchants.Site(m, "")));
        }
        return v;
    }

    private static String self(TrackingQueries.Version v) {
        return "/t/" + v.token() + "/subscriptions";
    }

    private void render(Context ctx, TrackingQueries.Version v, int status, Map<String, Object> extra) {
        boolean ownDomain = merchants.byHost(ctx).isPresent();
        Optional<Merchants.Site> site = merchants.bySlug(v.slug()).map(m -> new Merchants.Site(m, ownDomain ? "" : "/" + m.slug()));
        Map<String, Object> model = new HashMap<>(extra);
        model.put("updates", self(v));
        model.put("parcel", "/t/" + v.token());
        model.put("csrfSlot", Csrf.token(ctx));
        pages.render(ctx, site, status, "tracking/updates", model);
    }
}
