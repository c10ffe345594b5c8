package app.landfall.returns;

import app.landfall.auth.SignedLinks;
import app.landfall.branding.BrandedPages;
import app.landfall.lookup.ShopperLookup;
import app.landfall.merchants.Merchants;
import app.landfall.tracking.TrackingQueries;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * GET/POST /{merchant}/returns: the start of a return, by order number and email or postal code
 * (the same proof, limits and answers as the order lookup), or straight from a parcel's tracking
 * page; then the return flow of that order behind a signed link that expires.
 */
public final class ReturnStart {
    /** Long enough to choose items and find a box; short enough that a forwarded link soon stops working. */
    static final Duration LINK_VALIDITY = Duration.ofHours(12);

    private final Merchants merchants;
    private final TrackingQueries parcels;
    private final BrandedPages pages;
    private final SignedLinks links;
    private final ShopperLookup lookup;

    ReturnStart(Merchants merchants, TrackingQueries parcels, BrandedPages pages, SignedLinks links, ShopperLookup lookup) {
        this.merchants = merchants;
        this.parcels = parcels;
        this.pages = pages;
        this.links = links;
        this.lookup = lookup;
    }

    /** GET /{merchant}/returns */
    public void showForm(Context ctx) {
        Optional<Merchants.Site> site = merchants.site(ctx);
        if (site.isEmpty()) {
            pages.show(ctx, site);
            return;
        }
        // from "Start a return" on a tracking page: holding the parcel's link is proof enough
        String from = ctx.queryParam("from");
        Optional<Long> fromParcel = from == null ? Optional.empty() : parcels.orderIdByToken(site.get().merchant().id(), from);
        if (fromParcel.isPresent()) {
            ctx.header("Cache-Control", "no-store");
            ctx.redirect(flow(site.get(), fromParcel.get()), HttpStatus.SEE_OTHER);
            return;
        }
        boolean expired = ctx.queryParam("expired") != null;
        pages.render(ctx, site, expired ? 404 : 200, "returns/start", expired ? Map.of("expired", true) : Map.of());
    }

    /** POST /{merchant}/returns */
    public void start(Context ctx) {
        Optional<Merchants.Site> site = lookup.postedSite(ctx);
        if (site.isEmpty()) {
            return;
        }
        lookup.provenOrder(ctx, site.get(), ctx.formParam("order_number"), ctx.formParam("contact"), "returns/start", "returns/start")
                .ifPresent(orderId -> ctx.redirect(flow(site.get(), orderId), HttpStatus.SEE_OTHER));
    }

    private String flow(Merchants.Site site, long orderId) {
        return site.path("/returns/o/" + links.sign(ReturnFlow.PURPOSE, site.merchant().id(), orderId, LINK_VALIDITY));
    }
}
