package app.landfall.lookup;

import static app.landfall.db.schema.Tables.ORDERS;
import static org.jooq.impl.DSL.upper;

import app.landfall.branding.BrandedPages;
import app.landfall.merchants.Merchants;
import app.landfall.web.ClientAddress;
import app.landfall.web.Csrf;
import app.landfall.web.RateLimiter;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * "Prove this order is yours", shared by the tracking lookup and the start of a return: the
 * lookup forms' CSRF check, the limits ({@link LookupLimits}: per address, per order, per store),
 * and the match of an order number with its email or postal code. An unknown order and wrong
 * details get the same answer after the same work. One instance serves both forms, so they share
 * the limits.
 */
public final class ShopperLookup {
    // compared against when no order matched, so both failures do the same work
    private static final byte[] NOBODY = "nobody@invalid".getBytes(StandardCharsets.UTF_8);

    private final DSLContext dsl;
    private final Merchants merchants;
    private final BrandedPages pages;
    private final ClientAddress clientAddress;
    private final LookupLimits limits;

    /** {@code dsl}: the pool the tracking pages' lookups use. */
    public ShopperLookup(DSLContext dsl, Merchants merchants, BrandedPages pages, ClientAddress clientAddress, Clock clock) {
        this.dsl = dsl;
        this.merchants = merchants;
        this.pages = pages;
        this.clientAddress = clientAddress;
        this.limits = new LookupLimits(clock);
    }

    /** The site a lookup form was posted to, after its CSRF check and the rate limits; empty when already answered. */
    public Optional<Merchants.Site> postedSite(Context ctx) {
        Optional<Merchants.Site> site = merchants.site(ctx);
        if (site.isEmpty()) {
            pages.show(ctx, site);
            return site;
        }
        Csrf.verify(ctx);
        return throttled(ctx, site.get()) ? Optional.empty() : site;
    }

    /** Whether this client has looked up too much; if so the answer (429) has been given. */
    public boolean throttled(Context ctx, Merchants.Site site) {
        RateLimiter.Decision decision = limits.admit(clientAddress.of(ctx), site.merchant().id());
        if (decision.allowed()) {
            return false;
        }
        tooMany(ctx, site, decision, false);
        return true;
    }

    /** A lookup that found nothing (an unknown tracking number): counted per store, see {@link LookupLimits}. */
    public void notFound(Merchants.Site site) {
        limits.failed(site.merchant().id());
    }

    private void tooMany(Context ctx, Merchants.Site site, RateLimiter.Decision decision, boolean orderLocked) {
        long seconds = Math.max(1, decision.retryAfter().toSeconds());
        ctx.header("Retry-After", String.valueOf(seconds));
        // minutes, rounded up, once the wait is long enough that a count of seconds is hard to read
        Map<String, Object> model = seconds < 120 ? Map.of("seconds", seconds, "order", orderLocked)
                : Map.of("seconds", seconds, "minutes", (seconds + 59) / 60, "order", orderLocked);
        pages.render(ctx, Optional.of(site), 429, "tracking/throttled", model);
    }

    /**
     * The order a visitor named and proved with its email or postal code; otherwise the form again
     * (422, what to fix) or the same not-found answer for an unknown order and wrong details.
     */
    public Optional<Long> provenOrder(Context ctx, Merchants.Site site, String orderNumber, String contact, String formView,
            String notFoundView) {
        String number = orderNumber == null ? "" : orderNumber.strip().replaceFirst("^#", "");
        String proof = contact == null ? "" : contact.strip();
        Map<String, String> errors = new HashMap<>();
        if (number.isEmpty() || number.length() > 64) {
            errors.put("order_number", "lookup.error.order_number.missing");
        }
        if (proof.isEmpty() || proof.length() > 254) {
            errors.put("contact", "lookup.error.contact.missing");
        }
        if (!errors.isEmpty()) {
            pages.render(ctx, Optional.of(site), 422, formView,
                    Map.of("form", Map.of("order_number", orderNumber == null ? "" : orderNumber, "contact", proof), "errors", errors));
            return Optional.empty();
        }
        long merchantId = site.merchant().id();
        String address = clientAddress.of(ctx);
        LookupLimits.Try attempt = limits.claimTry(address, merchantId, number);
        if (!attempt.decision().allowed()) {
            tooMany(ctx, site, attempt.decision(), attempt.orderLocked());
            return Optional.empty();
        }
        Optional<OrderMatch> order = orderByNumber(merchantId, number);
        if (!matches(order.orElse(null), proof)) {
            limits.failed(merchantId);
            pages.render(ctx, Optional.of(site), 404, notFoundView,
                    Map.of("form", Map.of("order_number", number, "contact", proof), "notFound", true));
            return Optional.empty();
        }
        limits.right(address, merchantId, number);
        return Optional.of(order.get().orderId());
    }

    record OrderMatch(long orderId, String email, String postalCode) {
    }

    /** An order by the number a shopper typed, in any letter case. */
    private Optional<OrderMatch> orderByNumber(long merchantId, String orderNumber) {
        return dsl.select(ORDERS.ID, ORDERS.CUSTOMER_EMAIL, ORDERS.SHIPPING_POSTAL_CODE)
                .from(ORDERS)
                .where(ORDERS.MERCHANT_ID.eq(merchantId)).and(upper(ORDERS.ORDER_NUMBER).eq(upper(orderNumber)))
                .orderBy(ORDERS.ID)
                .limit(1)
                .fetchOptional(r -> new OrderMatch(r.value1(), r.value2(), r.value3()));
    }

    /** Email in any case, or postal code without spaces or dashes; both compared in constant time. */
    static boolean matches(OrderMatch order, String proof) {
        boolean byEmail = proof.contains("@");
        byte[] given = (byEmail ? proof.toLowerCase(Locale.ROOT) : postal(proof)).getBytes(StandardCharsets.UTF_8);
        String stored = order == null ? null : byEmail ? order.email() : postal(order.postalCode());
        byte[] expected = stored == null || stored.isEmpty() ? NOBODY : stored.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given) && order != null && stored != null && !stored.isEmpty();
    }

    private static String postal(String code) {
        return code == null ? null : code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }
}
