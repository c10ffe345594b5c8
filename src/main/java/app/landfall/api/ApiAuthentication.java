package app.landfall.api;

import app.landfall.web.Problem;
import io.javalin.http.Context;

/** Every /api/v1 request names its merchant by its API key: {@code Authorization: Bearer lf_...}. */
public final class ApiAuthentication {
    private static final String MERCHANT = "landfall.api.merchant";
    private final ApiKeys keys;

    public ApiAuthentication(ApiKeys keys) {
        this.keys = keys;
    }

    public void authenticate(Context ctx) {
        // a store's data, for its key only: no browser or proxy keeps it (the 401s neither)
        ctx.header("Cache-Control", "no-store");
        String header = ctx.header("Authorization");
        String key = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        var merchant = keys.merchantFor(key);
        if (merchant.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"landfall\"");
            Problem.of(401, "Unauthorized", key == null
                            ? "Send your API key as: Authorization: Bearer <key>."
                            : "This API key is not valid, or it was revoked.")
                    .respond(ctx);
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute(MERCHANT, merchant.get());
    }

    static long merchantId(Context ctx) {
        Long id = ctx.attribute(MERCHANT);
        if (id == null) {
            throw new IllegalStateException("an /api/v1 handler ran without authentication");
        }
        return id;
    }
}
