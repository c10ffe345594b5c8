package app.landfall;

import app.landfall.api.ApiAuthentication;
import app.landfall.api.ShipmentsApi;
import app.landfall.home.HomePage;
import app.landfall.ops.HealthCheck;
import app.landfall.tracking.TrackingPages;
import io.javalin.config.RoutesConfig;

/** Every URL Landfall answers, grouped by who uses it. */
final class Routes {
    private Routes() {
    }

    static void register(RoutesConfig routes, HomePage home, HealthCheck health, TrackingPages tracking,
                         ApiAuthentication apiAuthentication, ShipmentsApi shipmentsApi) {
        // operations
        routes.get("/health", health::show);

        // public
        routes.get("/", home::show);
        routes.get("/t/{token}", tracking::show);
        routes.get("/{merchant}/track", ctx -> home.showMerchantComingSoon(ctx, "tracking lookup"));

        // shoppers
        routes.get("/{merchant}/returns", ctx -> home.showMerchantComingSoon(ctx, "returns"));

        // merchants
        routes.get("/admin", home::showAdminComingSoon);

        // api (merchants' systems; Authorization: Bearer <key>)
        routes.beforeMatched("/api/v1/*", apiAuthentication::authenticate);
        routes.get("/api/v1/shipments/{id}", shipmentsApi::show);
        routes.post("/api/v1/shipments/{id}/events", shipmentsApi::appendEvents);
        routes.post("/api/v1/events/batch", shipmentsApi::appendBatch);
    }
}
