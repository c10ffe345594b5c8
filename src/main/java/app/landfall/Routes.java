package app.landfall;

import app.landfall.admin.Admin;
import app.landfall.admin.BrandLogos;
import app.landfall.api.ApiAuthentication;
import app.landfall.api.Idempotency;
import app.landfall.api.OrdersApi;
import app.landfall.api.ShipmentsApi;
import app.landfall.branding.BrandStyles;
import app.landfall.home.HomePage;
import app.landfall.images.RemoteImages;
import app.landfall.returns.ReturnFlow;
import app.landfall.returns.ReturnPages;
import app.landfall.hooks.Provider;
import app.landfall.hooks.Webhooks;
import app.landfall.ops.HealthCheck;
import app.landfall.tracking.TrackingLookup;
import app.landfall.tracking.TrackingPages;
import app.landfall.web.Assets;
import io.javalin.config.RoutesConfig;

/** Every URL Landfall answers, grouped by who uses it. */
final class Routes {
    private Routes() {
    }

    /** The handlers behind the routes, one per feature. */
    record Handlers(HomePage home, HealthCheck health, Assets assets, BrandStyles brandStyles, RemoteImages images,
                    TrackingPages tracking, ReturnPages returns, ReturnFlow returnFlow,
                    TrackingLookup lookup, ApiAuthentication apiAuthentication, Idempotency idempotency, OrdersApi orders,
                    ShipmentsApi shipments, Webhooks webhooks, Admin admin, BrandLogos logos) {
    }

    static void register(RoutesConfig routes, Handlers h) {
        // operations and files
        routes.get("/health", h.health()::show);
        routes.get("/assets/{file}", h.assets()::serve);
        routes.get("/brand/{file}", h.brandStyles()::serve);
        routes.get("/brand/logo/{file}", h.logos()::serve);
        routes.get("/img/{signed}", h.images()::serve);

        // merchants (every page behind the guard: a session, and the session's CSRF token on changes);
        // before the public routes, whose /{merchant}/... would otherwise take /admin/... ("admin" is no slug)
        routes.beforeMatched("/admin", h.admin()::guard);
        routes.beforeMatched("/admin/*", h.admin()::guard);
        routes.get("/admin/login", h.admin()::showSignIn);
        routes.post("/admin/login", h.admin()::signIn);
        routes.post("/admin/logout", h.admin()::signOut);
        routes.get("/admin/password/forgot", h.admin()::showForgotPassword);
        routes.post("/admin/password/forgot", h.admin()::sendPasswordLink);
        routes.get("/admin/password/reset/{token}", h.admin()::showPasswordReset);
        routes.post("/admin/password/reset/{token}", h.admin()::resetPassword);
        routes.get("/admin/invitation/{token}", h.admin()::showInvitation);
        routes.post("/admin/invitation/{token}", h.admin()::acceptInvitation);
        routes.get("/admin", h.admin()::showOverview);
        routes.get("/admin/returns", h.admin()::showReturns);
        routes.post("/admin/returns/bulk", h.admin()::processReturns);
        routes.get("/admin/returns/{id}", h.admin()::showReturn);
        routes.get("/admin/returns/{id}/photos/{photo}", h.admin()::showReturnPhoto);
        routes.post("/admin/returns/{id}/approval", h.admin()::approveReturn);
        routes.post("/admin/returns/{id}/rejection", h.admin()::rejectReturn);
        routes.post("/admin/returns/{id}/receipt", h.admin()::receiveReturn);
        routes.post("/admin/returns/{id}/resolution", h.admin()::resolveReturn);
        routes.get("/admin/shipments", h.admin()::showShipments);
        routes.get("/admin/shipments/{id}", h.admin()::showShipment);
        routes.get("/admin/branding", h.admin()::showBranding);
        routes.post("/admin/branding", h.admin()::saveBranding);
        routes.post("/admin/branding/preview", h.admin()::previewBranding);
        routes.get("/admin/branding/preview.css", h.admin()::brandingPreviewCss);
        routes.post("/admin/branding/undo", h.admin()::undoBranding);
        routes.post("/admin/branding/logo", h.admin()::uploadLogo);
        routes.post("/admin/branding/marketing", h.admin()::saveMarketing);
        routes.get("/admin/settings/returns", h.admin()::showReturnSettings);
        routes.post("/admin/settings/returns/policy", h.admin()::saveReturnPolicy);
        routes.post("/admin/settings/returns/overrides", h.admin()::addWindowOverride);
        routes.post("/admin/settings/returns/overrides/{id}/removal", h.admin()::removeWindowOverride);
        routes.post("/admin/settings/returns/methods", h.admin()::saveReturnMethods);
        routes.post("/admin/settings/returns/locations", h.admin()::addStoreLocation);
        routes.post("/admin/settings/returns/locations/{id}/visibility", h.admin()::setStoreLocationVisibility);
        routes.post("/admin/settings/returns/reasons", h.admin()::addReturnReason);
        routes.post("/admin/settings/returns/reasons/{id}", h.admin()::updateReturnReason);
        routes.post("/admin/settings/returns/reasons/{id}/move", h.admin()::moveReturnReason);
        routes.get("/admin/team", h.admin()::showTeam);
        routes.post("/admin/team/invitations", h.admin()::invite);
        routes.post("/admin/team/{id}/role", h.admin()::changeRole);
        routes.post("/admin/team/{id}/removal", h.admin()::removeFromTeam);
        routes.get("/admin/audit", h.admin()::showAuditLog);
        routes.get("/admin/integrations", h.admin()::showIntegrations);
        routes.post("/admin/integrations/api-keys", h.admin()::createApiKey);
        routes.post("/admin/integrations/api-keys/{id}/revocation", h.admin()::revokeApiKey);
        routes.post("/admin/integrations/webhooks/{provider}", h.admin()::setWebhookSecret);
        routes.post("/admin/integrations/import", h.admin()::importCsv);
        routes.post("/admin/integrations/endpoints", h.admin()::addWebhookEndpoint);
        routes.post("/admin/integrations/endpoints/{id}/test", h.admin()::testWebhookEndpoint);
        routes.post("/admin/integrations/endpoints/{id}/removal", h.admin()::removeWebhookEndpoint);

        // public: tracking links, the lookup, and an order's packages
        routes.get("/", h.home()::show);
        routes.get("/t/{token}", h.tracking()::show);
        routes.get("/t/{token}/go/{n}", h.tracking()::follow);
        routes.get("/t/{token}/return", h.tracking()::startReturn);
        routes.get("/{merchant}/track", h.lookup()::showForm);
        routes.post("/{merchant}/track", h.lookup()::lookUp);
        routes.get("/{merchant}/track/order/{link}", h.lookup()::showOrder);
        routes.get("/{merchant}/track/{number}", h.lookup()::showByNumber);
        routes.get("/{merchant}/track/{number}/go/{n}", h.lookup()::followByNumber);
        // the same on a merchant's own domain (the Host header names the merchant)
        routes.get("/track", h.lookup()::showForm);
        routes.post("/track", h.lookup()::lookUp);
        routes.get("/track/order/{link}", h.lookup()::showOrder);
        routes.get("/track/{number}", h.lookup()::showByNumber);
        routes.get("/track/{number}/go/{n}", h.lookup()::followByNumber);

        // shoppers: a return's own page, its drop-off code and papers
        routes.get("/r/{token}", h.returns()::show);
        routes.get("/r/{token}/qr.svg", h.returns()::qr);
        routes.get("/r/{token}/label.pdf", h.returns()::label);
        routes.get("/r/{token}/packing-slip.pdf", h.returns()::packingSlip);
        routes.post("/r/{token}/cancel", h.returns()::cancel);
        routes.get("/{merchant}/returns", h.lookup()::showReturnForm);
        routes.post("/{merchant}/returns", h.lookup()::startReturn);
        routes.get("/{merchant}/returns/o/{link}", h.returnFlow()::choose);
        routes.post("/{merchant}/returns/o/{link}", h.returnFlow()::proceed);
        routes.get("/returns", h.lookup()::showReturnForm);
        routes.post("/returns", h.lookup()::startReturn);
        routes.get("/returns/o/{link}", h.returnFlow()::choose);
        routes.post("/returns/o/{link}", h.returnFlow()::proceed);

        // api (merchants' systems; Authorization: Bearer <key>; POSTs honour Idempotency-Key)
        routes.beforeMatched("/api/v1/*", h.apiAuthentication()::authenticate);
        routes.post("/api/v1/orders", h.idempotency().around(h.orders()::upsert));
        routes.post("/api/v1/shipments", h.idempotency().around(h.shipments()::create));
        routes.get("/api/v1/shipments", h.shipments()::list);
        routes.get("/api/v1/shipments/{id}", h.shipments()::show);
        routes.post("/api/v1/shipments/{id}/events", h.idempotency().around(h.shipments()::appendEvents));
        routes.post("/api/v1/events/batch", h.idempotency().around(h.shipments()::appendBatch));

        // hooks (providers' deliveries, signed with the merchant's secret for that provider)
        routes.post("/hooks/aftership/{merchant}", ctx -> h.webhooks().receive(ctx, Provider.AFTERSHIP));
        routes.post("/hooks/easypost/{merchant}", ctx -> h.webhooks().receive(ctx, Provider.EASYPOST));
        routes.post("/hooks/shopify/{merchant}", ctx -> h.webhooks().receive(ctx, Provider.SHOPIFY));
    }
}
