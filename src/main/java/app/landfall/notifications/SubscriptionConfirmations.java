package app.landfall.notifications;

import static app.landfall.db.schema.Tables.MERCHANTS;
import static app.landfall.db.schema.Tables.ORDERS;

import app.landfall.auth.SignedLinks;
import app.landfall.branding.BrandedPages;
import app.landfall.merchants.Merchants;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The link in a confirmation message, {@code /s/{token}}: GET shows what would be confirmed with one
 * button, and only the POST confirms, because mail scanners open every link in a message and must not
 * subscribe anyone by looking. No CSRF field, as on the preferences page: the signed token in the URL
 * is the only authority. A changed, foreign or expired link is a 404 page that says what to do, and
 * writes nothing.
 */
public final class SubscriptionConfirmations {
    private final DSLContext dsl;
    private final Clock clock;
    private final SignedLinks links;
    private final OrderSubscriptions subscriptions;
    private final BrandedPages pages;
    private final Merchants merchants;

    SubscriptionConfirmations(DSLContext dsl, Clock clock, SignedLinks links, OrderSubscriptions subscriptions, BrandedPages pages,
            Merchants merchants) {
        this.dsl = dsl;
        this.clock = clock;
        this.links = links;
        this.subscriptions = subscriptions;
        this.pages = pages;
        this.merchants = merchants;
    }

    /** GET /s/{token} */
    public void show(Context ctx) {
        request(ctx).ifPresent(s -> render(ctx, s, s.confirmed() && !s.stopped()));
    }

    /** POST /s/{token} */
    public void confirm(Context ctx) {
        request(ctx).ifPresent(s -> {
            long merchantId = merchantId(ctx.pathParam("token"));
            dsl.transaction(cfg -> subscriptions.confirm(DSL.using(cfg), merchantId, s.id(), OffsetDateTime.now(clock)));
            render(ctx, s, true);
        });
    }

    private Optional<OrderSubscriptions.Subscription> request(Context ctx) {
        String token = ctx.pathParam("token");
        long merchantId = merchantId(token);
        Optional<OrderSubscriptions.Subscription> found = merchantId < 0 ? Optional.empty()
                : links.verify(Signups.PURPOSE, merchantId, token.substring(token.indexOf('.') + 1))
                        .flatMap(id -> subscriptions.byId(dsl, merchantId, id)).filter(s -> !s.customer());
        if (found.isEmpty()) {
            pages.render(ctx, Optional.empty(), 404, "notifications/confirm", Map.of());
        }
        return found;
    }

    private static long merchantId(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        return dot < 1 || dot > 18 || !token.substring(0, dot).matches("\\d+") ? -1 : Long.parseLong(token.substring(0, dot));
    }

    private void render(Context ctx, OrderSubscriptions.Subscription s, boolean confirmed) {
        long merchantId = merchantId(ctx.pathParam("token"));
        Optional<Merchants.Site> site = dsl.select(MERCHANTS.SLUG).from(MERCHANTS).where(MERCHANTS.ID.eq(merchantId))
                .fetchOptional(MERCHANTS.SLUG).flatMap(merchants::bySlug).map(m -> new Merchants.Site(m, "/" + m.slug()));
        String order = dsl.select(ORDERS.ORDER_NUMBER).from(ORDERS).where(ORDERS.MERCHANT_ID.eq(merchantId))
                .and(ORDERS.ID.eq(s.orderId())).fetchOptional(ORDERS.ORDER_NUMBER).orElse("");
        Map<String, Object> model = new HashMap<>();
        model.put("subscription", s);
        model.put("order", order);
        model.put("store", site.map(x -> x.merchant().displayName()).orElse(""));
        model.put("confirmed", confirmed);
        model.put("action", "/s/" + ctx.pathParam("token"));
        pages.render(ctx, site, 200, "notifications/confirm", model);
    }
}
