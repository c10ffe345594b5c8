package app.landfall.notifications;

import static app.landfall.db.schema.Tables.MERCHANTS;

import app.landfall.branding.BrandedPages;
import app.landfall.merchants.Merchants;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * A shopper's email preferences, {@code /u/{token}}, in the store's brand: stop the store's emails,
 * then subscribe again. No CSRF check on its POSTs, deliberately: CSRF guards authority a browser
 * adds by itself (a cookie), and here the only authority is the signed token in the URL, which a
 * forging site cannot know; the RFC 8058 one-click POST comes from the mail provider, with no cookie.
 */
public final class EmailPreferences {
    private final DSLContext dsl;
    private final Clock clock;
    private final Unsubscribes unsubscribes;
    private final Suppressions suppressions;
    private final BrandedPages pages;
    private final Merchants merchants;

    private final OrderChoices choices;

    EmailPreferences(DSLContext dsl, Clock clock, Unsubscribes unsubscribes, Suppressions suppressions, BrandedPages pages,
            Merchants merchants, OrderSubscriptions subscriptions) {
        this.choices = new OrderChoices(subscriptions);
        this.dsl = dsl;
        this.clock = clock;
        this.unsubscribes = unsubscribes;
        this.suppressions = suppressions;
        this.pages = pages;
        this.merchants = merchants;
    }

    /** GET /u/{token}: the page, as things stand. */
    public void show(Context ctx) {
        target(ctx).ifPresent(t -> render(ctx, t, suppressions.isSuppressed(dsl, t.merchantId(), Notice.Channel.EMAIL, t.address()), false,
                false));
    }

    /** POST /u/{token}: the page's button, or the mail provider's one-click POST. */
    public void unsubscribe(Context ctx) {
        target(ctx).ifPresent(t -> {
            suppressions.suppress(dsl, t.merchantId(), Notice.Channel.EMAIL, t.address(), "Unsubscribed with the link in an email",
                    OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
            render(ctx, t, true, false, false);
        });
    }

    /** POST /u/{token}/subscription: subscribe again. */
    public void subscribe(Context ctx) {
        target(ctx).ifPresent(t -> {
            suppressions.lift(dsl, t.merchantId(), Notice.Channel.EMAIL, t.address());
            render(ctx, t, false, true, false);
        });
    }

    /** POST /u/{token}/order: which channels this recipient gets for the order the email was about. */
    public void choose(Context ctx) {
        target(ctx).ifPresent(t -> {
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            dsl.transaction(cfg -> choices.save(org.jooq.impl.DSL.using(cfg), t, code -> ctx.formParams("channel").contains(code), now));
            render(ctx, t, suppressions.isSuppressed(dsl, t.merchantId(), Notice.Channel.EMAIL, t.address()), false, true);
        });
    }

    /** The link's store and address; a wrong, changed or expired link gets the same 404 and nothing is written. */
    private Optional<Unsubscribes.Target> target(Context ctx) {
        Optional<Unsubscribes.Target> target = unsubscribes.verify(ctx.pathParam("token"));
        if (target.isEmpty()) {
            pages.render(ctx, Optional.empty(), 404, "notifications/preferences", Map.of());
        }
        return target;
    }

    private void render(Context ctx, Unsubscribes.Target target, boolean unsubscribed, boolean resubscribed, boolean saved) {
        Optional<Merchants.Site> site = dsl.select(MERCHANTS.SLUG).from(MERCHANTS).where(MERCHANTS.ID.eq(target.merchantId()))
                .fetchOptional(MERCHANTS.SLUG).flatMap(merchants::bySlug).map(m -> new Merchants.Site(m, "/" + m.slug()));
        Optional<OrderChoices.Choices> order = choices.of(dsl, target);
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("target", target);
        model.put("address", target.address());
        model.put("store", site.map(s -> s.merchant().displayName()).orElse(""));
        model.put("unsubscribed", unsubscribed);
        model.put("resubscribed", resubscribed);
        model.put("saved", saved);
        model.put("order", order.orElse(null));
        model.put("action", "/u/" + ctx.pathParam("token"));
        pages.render(ctx, site, 200, "notifications/preferences", model);
    }
}
