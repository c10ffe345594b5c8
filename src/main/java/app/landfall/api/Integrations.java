package app.landfall.api;

import app.landfall.admin.AdminAccess;
import app.landfall.admin.AdminPages;
import app.landfall.admin.AdminUser;
import app.landfall.admin.Role;
import app.landfall.hooks.Provider;
import app.landfall.hooks.WebhookSecrets;
import app.landfall.outbound.OutboundEndpoints;
import app.landfall.web.ClientAddress;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Owners connect their systems here: API keys (shown once, stored hashed, revocable, with when they
 * were last used) and the webhook address and secret to paste into AfterShip, EasyPost and Shopify.
 */
public final class Integrations {
    private final ApiKeys keys;
    private final WebhookSecrets secrets;
    private final ClientAddress clientAddress;
    private final IntFunction<String> baseUrl;
    private final OutboundEndpoints endpoints;
    private final CsvImport csvImport;
    private final EasyPostConnection easyPost;

    Integrations(ApiKeys keys, WebhookSecrets secrets, ClientAddress clientAddress, IntFunction<String> baseUrl, OutboundEndpoints endpoints,
            CsvImport csvImport, EasyPostConnection easyPost) {
        this.easyPost = easyPost;
        this.csvImport = csvImport;
        this.keys = keys;
        this.secrets = secrets;
        this.clientAddress = clientAddress;
        this.baseUrl = baseUrl;
        this.endpoints = endpoints;
    }

    /** POST /admin/integrations/import (multipart, field {@code csv}). */
    public void importCsv(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.OWNER);
        var file = ctx.uploadedFile("csv");
        byte[] bytes;
        try {
            bytes = file == null ? null : file.content().readAllBytes();
        } catch (java.io.IOException e) {
            bytes = null;
        }
        CsvImport.Result result = csvImport.run(user, bytes, clientAddress.of(ctx));
        ctx.status(result.imported() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT);
        render(ctx, user, Map.of("importResult", result));
    }

    /** POST /admin/integrations/easypost: connects the store's EasyPost account, or changes its carriers and parcel. */
    public void saveEasyPost(Context ctx) {
        AdminUser user = EasyPostConnection.owner(ctx);
        easyPost.save(ctx, user).ifPresent(errors -> {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, user, errors);
        });
    }

    /** POST /admin/integrations/easypost/removal */
    public void disconnectEasyPost(Context ctx) {
        easyPost.disconnect(ctx, EasyPostConnection.owner(ctx));
    }

    /** POST /admin/integrations/endpoints: the new endpoint's secret is on this response only. */
    public void addEndpoint(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.OWNER);
        String url = Optional.ofNullable(ctx.formParam("url")).orElse("").strip();
        var added = endpoints.add(user, url, clientAddress.of(ctx));
        if (added.problem() != null) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, user, Map.of("endpointError", added.problem(), "endpointUrl", url));
            return;
        }
        render(ctx, user, Map.of("newSecret", added.secret(), "newSecretUrl", url));
    }

    /** POST /admin/integrations/endpoints/{id}/test */
    public void testEndpoint(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.OWNER);
        endpoints.test(user, AdminAccess.id(ctx.pathParam("id")), clientAddress.of(ctx));
        AdminPages.flash(ctx, "A test event is on its way: see the delivery log below.");
        ctx.redirect("/admin/integrations#deliveries", HttpStatus.SEE_OTHER);
    }

    /** POST /admin/integrations/endpoints/{id}/removal */
    public void removeEndpoint(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.OWNER);
        endpoints.remove(user, AdminAccess.id(ctx.pathParam("id")), clientAddress.of(ctx));
        AdminPages.flash(ctx, "The endpoint is removed: it receives nothing more.");
        ctx.redirect("/admin/integrations", HttpStatus.SEE_OTHER);
    }

    public record Key(long id, String name, String prefix, String created, String lastUsed, String revoked) {
    }

    public record Hook(String code, String name, String url, boolean hasSecret, String secretEnd, String header) {
    }

    /** GET /admin/integrations */
    public void show(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.OWNER);
        render(ctx, user, Map.of());
    }

    /** POST /admin/integrations/api-keys: the new key is on this response and nowhere else, ever. */
    public void createKey(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.OWNER);
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        if (name.isEmpty() || name.length() > 100) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, user, Map.of("nameError", "Name the key (up to 100 characters), e.g. after the system that will use it.",
                    "name", name));
            return;
        }
        String key = keys.create(user.merchantId(), name, actor(ctx, user));
        render(ctx, user, Map.of("newKey", key, "newKeyName", name));
    }

    /** POST /admin/integrations/api-keys/{id}/revocation */
    public void revokeKey(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.OWNER);
        long id = AdminAccess.id(ctx.pathParam("id"));
        if (!keys.revoke(user.merchantId(), id, actor(ctx, user))) {
            throw AdminAccess.notFound();
        }
        AdminPages.flash(ctx, "The key is revoked: requests with it are refused.");
        ctx.redirect("/admin/integrations", HttpStatus.SEE_OTHER);
    }

    /** POST /admin/integrations/webhooks/{provider}: the secret pasted from the provider, or a new random one. */
    public void setSecret(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.OWNER);
        Provider provider = Provider.fromCode(ctx.pathParam("provider")).orElseThrow(AdminAccess::notFound);
        String pasted = Optional.ofNullable(ctx.formParam("secret")).orElse("").strip();
        if (!pasted.isEmpty() && (pasted.length() < 16 || pasted.length() > 200 || !pasted.matches("[\\x21-\\x7e]+"))) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            render(ctx, user, Map.of("secretError", provider.displayName() + ": a secret is 16 to 200 visible characters, without spaces.",
                    "secretProvider", provider.code()));
            return;
        }
        secrets.set(user.merchantId(), provider, pasted.isEmpty() ? null : pasted);
        AdminPages.flash(ctx, provider.displayName() + "'s secret is saved.");
        ctx.redirect("/admin/integrations", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, AdminUser user, Map<String, ?> extra) {
        ZoneId zone = user.zone();
        List<Key> listed = keys.list(user.merchantId()).stream().map(k -> new Key(k.id(), k.name(), k.prefix(),
                AdminPages.time(k.createdAt(), zone),
                k.lastUsedAt() == null ? "Never" : AdminPages.time(k.lastUsedAt(), zone),
                k.revokedAt() == null ? null : AdminPages.time(k.revokedAt(), zone))).toList();
        String site = baseUrl.apply(ctx.port());
        Map<Provider, String> set = secrets.all(user.merchantId());
        List<Hook> hooks = new ArrayList<>();
        for (Provider p : Provider.values()) {
            String secret = set.get(p);
            hooks.add(new Hook(p.code(), p.displayName(), site + "/hooks/" + p.code() + "/" + user.merchantSlug(), secret != null,
                    secret == null ? null : secret.substring(Math.max(0, secret.length() - 4)), p.signatureHeader()));
        }
        Map<String, Object> model = new HashMap<>(extra);
        model.putAll(easyPost.model(user.merchantId(), extra));
        model.put("keys", listed);
        model.put("hooks", hooks);
        model.put("site", site);
        model.put("endpoints", endpoints.list(user.merchantId(), zone));
        model.put("deliveries", endpoints.log(user.merchantId(), zone));
        AdminPages.render(ctx, user, "integrations", "admin/integrations", model);
    }

    private ApiKeys.Actor actor(Context ctx, AdminUser user) {
        return new ApiKeys.Actor("user", String.valueOf(user.userId()), clientAddress.of(ctx));
    }
}
