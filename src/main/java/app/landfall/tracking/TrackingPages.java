package app.landfall.tracking;

import app.landfall.web.Htmx;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/** GET /t/{token}: the page behind every tracking link. */
public final class TrackingPages {
    private final Shipments shipments;

    public TrackingPages(DSLContext dsl) {
        this.shipments = new Shipments(dsl);
    }

    public void show(Context ctx) {
        String token = ctx.pathParam("token");
        // real tokens are 43 characters: shorter ones cannot match, so skip the query
        TrackedShipment shipment = (token.length() < 22 ? Optional.<TrackedShipment>empty() : shipments.byPublicToken(token))
                .orElseThrow(() -> new NotFoundResponse("We could not find a parcel for this link. Check that you copied the whole link."));
        ctx.header("Cache-Control", "private, no-cache");
        ctx.header("X-Robots-Tag", "noindex");
        ctx.render(Htmx.wantsFragment(ctx) ? "tracking/show :: status" : "tracking/show",
                Map.of("shipment", shipment, "token", token));
    }
}
