package app.landfall;

import app.landfall.accounts.Accounts;
import app.landfall.admin.Admin;
import app.landfall.api.Api;
import app.landfall.audit.Audit;
import app.landfall.branding.Branding;
import app.landfall.home.HomePage;
import app.landfall.hooks.Hooks;
import app.landfall.hooks.Provider;
import app.landfall.images.RemoteImages;
import app.landfall.notifications.Notifications;
import app.landfall.ops.HealthCheck;
import app.landfall.returns.Returns;
import app.landfall.tracking.Tracking;
import app.landfall.web.Assets;
import io.javalin.config.RoutesConfig;

/** Every URL Landfall answers, grouped by who uses it; each names the feature that answers it. */
final class Routes {
    private Routes() {
    }

    /** The features behind the routes, each through its one public facade. */
    record Features(HomePage home, HealthCheck health, Assets assets, RemoteImages images, Branding branding, Tracking tracking,
                    Returns returns, Admin admin, Accounts accounts, Audit audit, Api api, Hooks hooks,
                    Notifications notifications) {
    }

    static void register(RoutesConfig routes, Features f) {
        // operations and files
        routes.get("/health", f.health()::show);
        routes.get("/assets/{file}", f.assets()::serve);
        routes.get("/brand/{file}", f.branding().styles()::serve);
        routes.get("/brand/logo/{file}", f.branding().logos()::serve);
        routes.get("/img/{signed}", f.images()::serve);

        // merchants (every page behind the guard: a session, and the session's CSRF token on changes);
        // before the public routes, whose /{merchant}/... would otherwise take /admin/... ("admin" is no slug)
        routes.beforeMatched("/admin", f.admin().access()::guard);
        routes.beforeMatched("/admin/*", f.admin().access()::guard);
        routes.get("/admin/login", f.accounts().signIn()::showForm);
        routes.post("/admin/login", f.accounts().signIn()::signIn);
        routes.post("/admin/logout", f.accounts().signIn()::signOut);
        routes.get("/admin/password/forgot", f.accounts().passwords()::showForgot);
        routes.post("/admin/password/forgot", f.accounts().passwords()::sendLink);
        routes.get("/admin/password/reset/{token}", f.accounts().passwords()::showReset);
        routes.post("/admin/password/reset/{token}", f.accounts().passwords()::reset);
        routes.get("/admin/invitation/{token}", f.accounts().team()::showInvitation);
        routes.post("/admin/invitation/{token}", f.accounts().team()::accept);
        routes.get("/admin", f.admin().overview()::show);
        routes.get("/admin/returns", f.returns().queue()::show);
        routes.post("/admin/returns/bulk", f.returns().processing()::bulk);
        routes.get("/admin/returns/{id}", f.returns().detail()::show);
        routes.get("/admin/returns/{id}/photos/{photo}", f.returns().detail()::photo);
        routes.post("/admin/returns/{id}/approval", f.returns().processing()::approve);
        routes.post("/admin/returns/{id}/rejection", f.returns().processing()::reject);
        routes.post("/admin/returns/{id}/receipt", f.returns().processing()::receive);
        routes.post("/admin/returns/{id}/resolution", f.returns().processing()::resolve);
        routes.post("/admin/returns/{id}/label-purchase", f.returns().processing()::buyLabel);
        routes.get("/admin/shipments", f.tracking().desk()::list);
        // before /{id}, which would take "packing-slips.pdf" for an id
        routes.get("/admin/shipments/packing-slips.pdf", f.returns().parcelPapersDesk()::daySlips);
        routes.get("/admin/shipments/{id}", f.tracking().desk()::show);
        routes.get("/admin/shipments/{id}/return-qr.svg", f.returns().parcelPapersDesk()::qrSvg);
        routes.get("/admin/shipments/{id}/return-qr.png", f.returns().parcelPapersDesk()::qrPng);
        routes.get("/admin/shipments/{id}/packing-slip.pdf", f.returns().parcelPapersDesk()::packingSlip);
        routes.get("/admin/messages", f.notifications().messages()::list);
        routes.get("/admin/messages/{id}", f.notifications().messages()::show);
        routes.get("/admin/messages/{id}/preview", f.notifications().messages()::preview);
        routes.post("/admin/messages/{id}/resend", f.notifications().messages()::resend);
        routes.get("/admin/branding", f.branding().editor()::show);
        routes.post("/admin/branding", f.branding().editor()::save);
        routes.post("/admin/branding/preview", f.branding().editor()::preview);
        routes.get("/admin/branding/preview.css", f.branding().editor()::previewCss);
        routes.post("/admin/branding/undo", f.branding().editor()::undo);
        routes.post("/admin/branding/logo", f.branding().editor()::uploadLogo);
        routes.post("/admin/branding/marketing", f.branding().editor()::saveMarketing);
        routes.get("/admin/settings/returns", f.returns().settings()::show);
        routes.get("/admin/settings/returns/qr.svg", f.returns().parcelPapersDesk()::storeQrSvg);
        routes.get("/admin/settings/returns/qr.png", f.returns().parcelPapersDesk()::storeQrPng);
        routes.get("/admin/settings/returns/qr-sign.pdf", f.returns().parcelPapersDesk()::storeSign);
        routes.post("/admin/settings/returns/policy", f.returns().settings()::savePolicy);
        routes.post("/admin/settings/returns/overrides", f.returns().settings()::addOverride);
        routes.post("/admin/settings/returns/overrides/{id}/removal", f.returns().settings()::removeOverride);
        routes.post("/admin/settings/returns/methods", f.returns().settings()::saveMethods);
        routes.post("/admin/settings/returns/locations", f.returns().settings()::addLocation);
        routes.post("/admin/settings/returns/locations/{id}/visibility", f.returns().settings()::setLocationVisibility);
        routes.post("/admin/settings/returns/reasons", f.returns().settings()::addReason);
        routes.post("/admin/settings/returns/reasons/{id}", f.returns().settings()::updateReason);
        routes.post("/admin/settings/returns/reasons/{id}/move", f.returns().settings()::moveReason);
        routes.get("/admin/settings/notifications", f.notifications().settings()::show);
        routes.post("/admin/settings/notifications", f.notifications().settings()::save);
        routes.post("/admin/settings/notifications/timing", f.notifications().settings()::saveTiming);
        routes.get("/admin/settings/email-sending", f.notifications().sending()::show);
        routes.post("/admin/settings/email-sending", f.notifications().sending()::save);
        routes.post("/admin/settings/email-sending/removal", f.notifications().sending()::remove);
        routes.get("/admin/settings/notifications/{trigger}/{language}", f.notifications().editor()::show);
        routes.post("/admin/settings/notifications/{trigger}/{language}", f.notifications().editor()::save);
        routes.post("/admin/settings/notifications/{trigger}/{language}/preview", f.notifications().editor()::preview);
        routes.get("/admin/settings/notifications/{trigger}/{language}/email", f.notifications().editor()::email);
        routes.post("/admin/settings/notifications/{trigger}/{language}/test", f.notifications().editor()::test);
        routes.post("/admin/settings/notifications/{trigger}/{language}/reset", f.notifications().editor()::reset);
        routes.get("/admin/team", f.accounts().team()::show);
        routes.post("/admin/team/invitations", f.accounts().team()::invite);
        routes.post("/admin/team/{id}/role", f.accounts().team()::changeRole);
        routes.post("/admin/team/{id}/removal", f.accounts().team()::remove);
        routes.get("/admin/audit", f.audit().log()::show);
        routes.get("/admin/account", f.accounts().account()::show);
        routes.post("/admin/account/name", f.accounts().account()::rename);
        routes.post("/admin/account/password", f.accounts().account()::changePassword);
        routes.get("/admin/settings/store", f.accounts().store()::show);
        routes.post("/admin/settings/store", f.accounts().store()::save);
        routes.get("/admin/integrations", f.api().integrations()::show);
        routes.post("/admin/integrations/api-keys", f.api().integrations()::createKey);
        routes.post("/admin/integrations/api-keys/{id}/revocation", f.api().integrations()::revokeKey);
        routes.post("/admin/integrations/webhooks/{provider}", f.api().integrations()::setSecret);
        routes.post("/admin/integrations/import", f.api().integrations()::importCsv);
        routes.post("/admin/integrations/easypost", f.api().integrations()::saveEasyPost);
        routes.post("/admin/integrations/easypost/removal", f.api().integrations()::disconnectEasyPost);
        routes.post("/admin/integrations/endpoints", f.api().integrations()::addEndpoint);
        routes.post("/admin/integrations/endpoints/{id}/test", f.api().integrations()::testEndpoint);
        routes.post("/admin/integrations/endpoints/{id}/removal", f.api().integrations()::removeEndpoint);

        // public: a shopper's email preferences (the link in every shopper email; also RFC 8058 one-click unsubscribe)
        routes.get("/m/{code}", f.notifications().clicks()::follow);
        routes.get("/u/{token}", f.notifications().preferences()::show);
        routes.post("/u/{token}", f.notifications().preferences()::unsubscribe);
        routes.post("/u/{token}/subscription", f.notifications().preferences()::subscribe);
        routes.post("/u/{token}/order", f.notifications().preferences()::choose);
        // public: confirming updates asked for on a tracking page (the link in the confirmation message)
        routes.get("/s/{token}", f.notifications().confirmations()::show);
        routes.post("/s/{token}", f.notifications().confirmations()::confirm);

        // public: tracking links, the lookup, and an order's packages
        routes.get("/", f.home()::show);
        routes.get("/t/{token}", f.tracking().pages()::show);
        routes.get("/t/{token}/go/{n}", f.tracking().pages()::follow);
        routes.get("/t/{token}/return", f.tracking().pages()::startReturn);
        routes.get("/t/{token}/subscriptions", f.tracking().updates()::show);
        routes.post("/t/{token}/subscriptions", f.tracking().updates()::subscribe);
        routes.get("/{merchant}/track", f.tracking().lookup()::showForm);
        routes.post("/{merchant}/track", f.tracking().lookup()::lookUp);
        routes.get("/{merchant}/track/order/{link}", f.tracking().lookup()::showOrder);
        routes.get("/{merchant}/track/{number}", f.tracking().lookup()::showByNumber);
        routes.get("/{merchant}/track/{number}/go/{n}", f.tracking().lookup()::followByNumber);
        // the same on a merchant's own domain (the Host header names the merchant)
        routes.get("/track", f.tracking().lookup()::showForm);
        routes.post("/track", f.tracking().lookup()::lookUp);
        routes.get("/track/order/{link}", f.tracking().lookup()::showOrder);
        routes.get("/track/{number}", f.tracking().lookup()::showByNumber);
        routes.get("/track/{number}/go/{n}", f.tracking().lookup()::followByNumber);

        // shoppers: a return's own page, its drop-off code and papers
        routes.get("/r/{token}", f.returns().pages()::show);
        routes.get("/r/{token}/qr.svg", f.returns().pages()::qr);
        routes.get("/r/{token}/label.pdf", f.returns().pages()::label);
        routes.get("/r/{token}/label.png", f.returns().pages()::label);
        routes.get("/r/{token}/packing-slip.pdf", f.returns().pages()::packingSlip);
        routes.get("/r/{token}/cancel", f.returns().pages()::confirmCancel);
        routes.post("/r/{token}/cancel", f.returns().pages()::cancel);
        routes.get("/{merchant}/returns", f.returns().start()::showForm);
        routes.post("/{merchant}/returns", f.returns().start()::start);
        routes.get("/{merchant}/returns/o/{link}", f.returns().flow()::choose);
        routes.post("/{merchant}/returns/o/{link}", f.returns().flow()::proceed);
        routes.get("/returns", f.returns().start()::showForm);
        routes.post("/returns", f.returns().start()::start);
        routes.get("/returns/o/{link}", f.returns().flow()::choose);
        routes.post("/returns/o/{link}", f.returns().flow()::proceed);

        // api (merchants' systems; Authorization: Bearer <key>; POSTs honour Idempotency-Key)
        routes.beforeMatched("/api/v1/*", f.api().authentication()::authenticate);
        routes.post("/api/v1/orders", f.api().idempotency().around(f.api().orders()::upsert));
        routes.post("/api/v1/shipments", f.api().idempotency().around(f.api().shipments()::create));
        routes.get("/api/v1/shipments", f.api().shipments()::list);
        routes.get("/api/v1/shipments/{id}", f.api().shipments()::show);
        routes.get("/api/v1/shipments/{id}/return-qr.svg", f.api().shipmentPapers()::qrSvg);
        routes.get("/api/v1/shipments/{id}/return-qr.png", f.api().shipmentPapers()::qrPng);
        routes.get("/api/v1/shipments/{id}/packing-slip.pdf", f.api().shipmentPapers()::packingSlip);
        routes.post("/api/v1/shipments/{id}/events", f.api().idempotency().around(f.api().shipments()::appendEvents));
        routes.post("/api/v1/events/batch", f.api().idempotency().around(f.api().shipments()::appendBatch));

        // hooks (providers' deliveries, signed with the merchant's secret for that provider)
        routes.post("/hooks/aftership/{merchant}", ctx -> f.hooks().webhooks().receive(ctx, Provider.AFTERSHIP));
        routes.post("/hooks/easypost/{merchant}", ctx -> f.hooks().webhooks().receive(ctx, Provider.EASYPOST));
        routes.post("/hooks/shopify/{merchant}", ctx -> f.hooks().webhooks().receive(ctx, Provider.SHOPIFY));
        // replies to a store's texts (STOP, START), signed by Twilio with the account's auth token
        routes.post("/hooks/twilio/{merchant}/inbound", f.notifications().replies()::receive);
    }
}
