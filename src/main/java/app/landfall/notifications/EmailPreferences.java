package app.landfall.notifications;

import static app.landfall.db.schema.Tables.MERCHANTS;

import app.landfall.branding.BrandedPages;
import app.landfall.merchants.Merchants;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * A shopper's email preferences, {@code /u/{token}}: which address and store, a button to stop the
 * store's emails about their orders, and after it one to subscribe again. In the store's brand, no
 * login, no cookie needed.
 *
 * <p>No CSRF check on its POSTs, deliberately. CSRF protects requests whose authority is ambient (a
 * cookie the browser adds by itself); here the only authority is the signed token in the URL, which
 * a forging site cannot know. And the RFC 8058 one-click POST ({@code List-Unsubscribe=One-Click})
 * comes from the mail provider's servers, with no cookie and no form field to echo: it must work, so
 * a CSRF check on the page's own button would add nothing but a way for it to fail.
 */
public final class EmailPreferences {
    private static final String REASON = "Unsubscribed with the link in an email";

    private final DSLContext dsl;
    private final Clock clock;
    private final Unsubscribes unsubscribes;
    private final Suppressions suppressions;
    private final BrandedPages pages;
    private final Merchants merchants;

    EmailPreferences(DSLContext dsl, Clock clock, Unsubscribes unsubscribes, Suppressions suppressions, BrandedPages pages,
            Merchants merchants) {
        this.dsl = dsl;
        this.clock = clock;
        this.unsubscribes = unsubscribes;
        this.suppressions = suppressions;
        this.pages = pages;
        this.merchants = merchants;
    }

    /** GET /u/{token}: the page, as things stand. */
    public void show(Context ctx) {
        Optional<Unsubscribes.Target> target = unsubscribes.verify(ctx.pathParam("token"));
        if (target.isEmpty()) {
            missing(ctx);
            return;
        }
        boolean off = suppressions.isSuppressed(dsl, target.get().merchantId(), Notice.Channel.EMAIL, target.get().address());
        render(ctx, target.get(), off, false);
    }

    /** POST /u/{token}: the page's button, or the mail provider's one-click POST (RFC 8058). */
    public void unsubscribe(Context ctx) {
        Optional<Unsubscribes.Target> target = unsubscribes.verify(ctx.pathParam("token"));
        if (target.isEmpty()) {
            missing(ctx);
            return;
        }
        suppressions.suppress(dsl, target.get().merchantId(), Notice.Channel.EMAIL, target.get().address(), REASON,
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        render(ctx, target.get(), true, false);
    }

    /** POST /u/{token}/subscription: subscribe again. */
    public void subscribe(Context ctx) {
        Optional<Unsubscribes.Target> target = unsubscribes.verify(ctx.pathParam("token"));
        if (target.isEmpty()) {
            missing(ctx);
            return;
        }
        suppressions.lift(dsl, target.get().merchantId(), Notice.Channel.EMAIL, target.get().address());
        render(ctx, target.get(), false, true);
    }

    private void render(Context ctx, Unsubscribes.Target target, boolean unsubscribed, boolean resubscribed) {
        Optional<Merchants.Site> site = dsl.select(MERCHANTS.SLUG).from(MERCHANTS).where(MERCHANTS.ID.eq(target.merchantId()))
                .fetchOptional(MERCHANTS.SLUG).flatMap(merchants::bySlug).map(m -> new Merchants.Site(m, "/" + m.slug()));
        if (site.isEmpty()) {
            missing(ctx);
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("target", target);
        model.put("address", target.address());
        model.put("store", site.get().merchant().displayName());
        model.put("unsubscribed", unsubscribed);
        model.put("resubscribed", resubscribed);
        model.put("action", "/u/" + ctx.pathParam("token"));
        pages.render(ctx, site, 200, "notifications/preferences", model);
    }

    /** A wrong, changed or expired link: the same 404 whatever is wrong with it, and nothing written. */
    private void missing(Context ctx) {
        pages.render(ctx, Optional.empty(), 404, "notifications/preferences", Map.of());
    }
}
