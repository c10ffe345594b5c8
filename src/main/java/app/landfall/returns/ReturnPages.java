package app.landfall.returns;

import app.landfall.branding.Brand;
import app.landfall.branding.BrandedPage;
import app.landfall.branding.Brands;
import app.landfall.branding.PageLanguage;
import app.landfall.carriers.CarrierDirectory;
import app.landfall.hooks.Hooks;
import app.landfall.web.Csrf;
import app.landfall.web.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The shopper's page of a return, {@code /r/{token}} (the link in their confirmation): where the
 * return is, the drop-off QR code, the label and packing slip, the amounts, and a way to cancel
 * until the parcel ships. The token is the only key, so every response is private and unindexed.
 */
public final class ReturnPages {
    private final ReturnRecords records;
    private final ReturnActions actions;
    private final ReturnLabels labels;
    private final Brands brands;
    private final Templates templates;

    ReturnPages(ReturnRecords records, ReturnActions actions, ReturnLabels labels, Brands brands, Templates templates) {
        this.records = records;
        this.actions = actions;
        this.labels = labels;
        this.brands = brands;
        this.templates = templates;
    }

    /** GET /r/{token} */
    public void show(Context ctx) {
        Optional<ReturnRecords.Summary> found = records.byToken(ctx.pathParam("token"));
        if (found.isEmpty()) {
            notFound(ctx);
            return;
        }
        ReturnRecords.Summary r = found.get();
        Brand brand = brands.forPage(r.merchantId(), r.brandId(), r.merchantName());
        String lang = PageLanguage.of(ctx, brand);
        Locale locale = Locale.forLanguageTag(lang);
        String self = "/r/" + ctx.pathParam("token");
        Map<String, Object> model = new HashMap<>();
        model.put("page", BrandedPage.of(brand, lang, self, null));
        model.put("r", r);
        model.put("self", self);
        model.put("steps", steps(r.status(), r.resolution(), r.method()));
        model.put("amounts", amounts(r, locale));
        model.put("parcel", parcel(r, locale));
        model.put("label", label(r));
        model.put("stores", r.showStores() ? stores(records.locations(r.merchantId()), locale) : List.of());
        model.put("csrf", Csrf.token(ctx));
        model.put("notice", ctx.queryParam("cancelled") != null ? "return.cancelled_notice" : null);
        privateHeaders(ctx);
        ctx.contentType("text/html; charset=utf-8").result(templates.render("returns/show", model, locale));
    }

    /** The return's parcel once the carrier has it (before that the drop-off code or label is what matters). */
    private Map<String, Object> parcel(ReturnRecords.Summary r, Locale locale) {
        if (r.status() == ReturnStatus.REQUESTED || r.status() == ReturnStatus.REJECTED || r.status() == ReturnStatus.CANCELLED) {
            return null;
        }
        return records.parcel(r.merchantId(), r.id()).map(p -> {
            Map<String, Object> shown = new HashMap<>();
            shown.put("status", p.status().equals("Pending") ? "return.parcel.waiting" : "status." + p.status());
            shown.put("carrier", CarrierDirectory.byCode(p.carrier())
                    .map(CarrierDirectory.Carrier::displayName).orElse(null));
            shown.put("number", p.trackingNumber());
            shown.put("place", p.lastScanPlace());
            shown.put("tracking", p.lastScanAt() != null ? "/t/" + p.publicToken() : null);
            if (p.lastScanAt() != null) {
                java.time.ZoneId zone = p.lastScanZone() != null ? java.time.ZoneId.of(p.lastScanZone()) : java.time.ZoneId.of(r.timezone());
                java.time.ZonedDateTime at = p.lastScanAt().atZoneSameInstant(zone);
                shown.put("at", at.format(java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM,
                        java.time.format.FormatStyle.SHORT).withLocale(locale)));
                shown.put("datetime", p.lastScanAt().toInstant().toString());
            }
            return shown;
        }).orElse(null);
    }

    java.util.List<String> returnAddress(long merchantId) {
        return records.returnAddress(merchantId);
    }

    /** GET /r/{token}/qr.svg: the drop-off code as a QR code. */
    public void qr(Context ctx) {
        Optional<ReturnRecords.Summary> found = records.byToken(ctx.pathParam("token")).filter(ReturnRecords.Summary::showDropoff);
        if (found.isEmpty()) {
            notFound(ctx);
            return;
        }
        privateHeaders(ctx);
        ctx.contentType("image/svg+xml").result(QrCodes.svg(found.get().dropoffCode(), "Drop-off code " + found.get().dropoffCode()));
    }

    /**
     * The carrier label of a label return, when the store bought one: ready (to print, with its carrier
     * and number) or being prepared; null when there is none (the return authorisation slip is the paper then).
     */
    private Map<String, Object> label(ReturnRecords.Summary r) {
        if (!r.method().equals("printable_label") || !r.showPapers()) {
            return null;
        }
        return labels.find(r.merchantId(), r.id()).map(l -> {
            Map<String, Object> shown = new HashMap<>();
            shown.put("ready", l.bought());
            shown.put("extension", l.extension());
            shown.put("carrier", l.carrier() == null ? null : CarrierDirectory.byCode(
                    Hooks.carrierFromEasyPost(l.carrier())).map(CarrierDirectory.Carrier::displayName)
                    .orElse(l.carrier()));
            shown.put("tracking", l.trackingCode());
            return shown;
        }).orElse(null);
    }

    /**
     * GET /r/{token}/label.pdf and /label.png: the carrier label the store bought, as EasyPost made it;
     * without one, the return authorisation slip (PDF). Only label returns have either.
     */
    public void label(Context ctx) {
        boolean png = ctx.path().endsWith(".png");
        Optional<ReturnRecords.Summary> found = records.byToken(ctx.pathParam("token")).filter(ReturnRecords.Summary::showPapers)
                .filter(r -> r.method().equals("printable_label"));
        if (found.isEmpty()) {
            notFound(ctx);
            return;
        }
        ReturnRecords.Summary r = found.get();
        Optional<ReturnLabels.Label> bought = labels.find(r.merchantId(), r.id());
        if (bought.isEmpty() && !png) {
            papers(ctx, "authorisation", true);
            return;
        }
        Optional<ReturnLabels.File> file = bought.filter(l -> l.bought() && l.extension().equals(png ? "png" : "pdf"))
                .flatMap(l -> labels.file(r.merchantId(), r.id()));
        if (file.isEmpty()) {
            notFound(ctx);
            return;
        }
        privateHeaders(ctx);
        ctx.header("Content-Disposition", "inline; filename=\"" + r.rma() + "-label." + (png ? "png" : "pdf") + "\"");
        ctx.contentType(file.get().contentType()).result(file.get().bytes());
    }

    /** GET /r/{token}/packing-slip.pdf */
    public void packingSlip(Context ctx) {
        papers(ctx, "packing-slip", false);
    }

    private void papers(Context ctx, String name, boolean label) {
        // a QR drop-off or in-store return is never offered a label, not even by its address
        Optional<ReturnRecords.Summary> found = records.byToken(ctx.pathParam("token"))
                .filter(label ? ReturnRecords.Summary::showLabel : ReturnRecords.Summary::showPapers);
        if (found.isEmpty()) {
            notFound(ctx);
            return;
        }
        ReturnRecords.Summary r = found.get();
        byte[] pdf = label ? ReturnDocuments.authorisation(r.papers()) : ReturnDocuments.packingSlip(r.papers());
        privateHeaders(ctx);
        ctx.header("Content-Disposition", "inline; filename=\"" + r.rma() + "-" + name + ".pdf\"");
        ctx.contentType("application/pdf").result(pdf);
    }

    /**
     * GET /r/{token}/cancel: what cancelling does, with the button that does it and a way to keep the
     * return (a page of its own, so it asks without JavaScript and never with a browser dialog).
     */
    public void confirmCancel(Context ctx) {
        Optional<ReturnRecords.Summary> found = records.byToken(ctx.pathParam("token"));
        if (found.isEmpty()) {
            notFound(ctx);
            return;
        }
        ReturnRecords.Summary r = found.get();
        String self = "/r/" + ctx.pathParam("token");
        if (!r.cancellable()) {
            ctx.redirect(self, HttpStatus.SEE_OTHER); // nothing to confirm: the page says where it is
            return;
        }
        Brand brand = brands.forPage(r.merchantId(), r.brandId(), r.merchantName());
        String lang = PageLanguage.of(ctx, brand);
        Map<String, Object> model = new HashMap<>();
        model.put("page", BrandedPage.of(brand, lang, self + "/cancel", null));
        model.put("r", r);
        model.put("self", self);
        model.put("csrf", Csrf.token(ctx));
        privateHeaders(ctx);
        ctx.contentType("text/html; charset=utf-8").result(templates.render("returns/cancel", model, Locale.forLanguageTag(lang)));
    }

    /** POST /r/{token}/cancel */
    public void cancel(Context ctx) {
        Csrf.verify(ctx);
        Optional<ReturnRecords.Summary> found = records.byToken(ctx.pathParam("token"));
        if (found.isEmpty()) {
            notFound(ctx);
            return;
        }
        ReturnActions.Outcome outcome = actions.cancel(found.get().merchantId(), found.get().id());
        // done or not (a second click, or it shipped meanwhile), the page shows where the return is now
        ctx.redirect("/r/" + ctx.pathParam("token") + (outcome.done() ? "?cancelled" : ""), HttpStatus.SEE_OTHER);
    }

    /**
     * The way through a return, with where this one is: done, current, upcoming; or how it ended
     * early, in a tone of its own ("ended", never the colour of a finished return). An in-store
     * return has no parcel, so no "on its way back".
     */
    static List<Map<String, Object>> steps(ReturnStatus status, String resolution, String method) {
        List<ReturnStatus> path = "in_store".equals(method)
                ? List.of(ReturnStatus.REQUESTED, ReturnStatus.APPROVED, ReturnStatus.RECEIVED)
                : List.of(ReturnStatus.REQUESTED, ReturnStatus.APPROVED, ReturnStatus.IN_TRANSIT, ReturnStatus.RECEIVED);
        List<Map<String, Object>> steps = new ArrayList<>();
        int reached = switch (status) {
            case REQUESTED, CANCELLED, EXPIRED, REJECTED -> 0;
            case APPROVED -> 1;
            case IN_TRANSIT -> path.indexOf(ReturnStatus.IN_TRANSIT) < 0 ? 1 : 2;
            case RECEIVED -> path.indexOf(ReturnStatus.RECEIVED);
            case REFUNDED, CREDITED, EXCHANGED -> path.size();
        };
        boolean endedEarly = status == ReturnStatus.CANCELLED || status == ReturnStatus.EXPIRED || status == ReturnStatus.REJECTED;
        if (endedEarly) {
            // what happened before it ended, then how it ended; the steps it never took are left out
            steps.add(Map.of("key", "return.status." + ReturnStatus.REQUESTED.code(), "state", "done", "current", false));
            steps.add(Map.of("key", "return.status." + status.code(), "state", "ended " + status.code(), "current", true));
            return steps;
        }
        for (int i = 0; i < path.size(); i++) {
            String state = i < reached ? "done" : i == reached ? "current" : "upcoming";
            steps.add(Map.of("key", "return.status." + path.get(i).code(), "state", state, "current", state.equals("current")));
        }
        // the last step is the one this return is heading for: refunded, credited or exchanged
        ReturnStatus last = status.isFinal() ? status : switch (resolution) {
            case "store_credit" -> ReturnStatus.CREDITED;
            case "exchange" -> ReturnStatus.EXCHANGED;
            default -> ReturnStatus.REFUNDED;
        };
        steps.add(Map.of("key", "return.status." + last.code(), "state", status.isFinal() ? "current" : "upcoming", "current", status.isFinal()));
        return steps;
    }

    /** A shop as the page lists it: the address line by line, its country named in the page's language. */
    public record Store(String name, List<String> address, List<String> hours) {
    }

    static List<Store> stores(List<ReturnRecords.Location> locations, Locale locale) {
        return locations.stream().map(l -> new Store(l.name(),
                Stream.of(l.line1(), l.line2(), l.cityLine(), new Locale.Builder().setRegion(l.country()).build().getDisplayCountry(locale))
                        .filter(Objects::nonNull).filter(line -> !line.isBlank()).toList(),
                l.hours())).toList();
    }

    /** The amounts in the order's currency, written for the page's language. */
    static Map<String, String> amounts(ReturnRecords.Summary r, Locale locale) {
        return amounts(r.currency(), r.itemsValue(), r.restockingFee(), r.shippingFee(), r.bonus(), r.total(), locale);
    }

    static Map<String, String> amounts(String code, BigDecimal items, BigDecimal restocking, BigDecimal shipping, BigDecimal bonus,
            BigDecimal total, Locale locale) {
        ShopperMoney money = new ShopperMoney(code, locale);
        Map<String, String> out = new HashMap<>();
        put(out, "items", items, money);
        put(out, "restocking", restocking, money);
        put(out, "shipping", shipping, money);
        put(out, "bonus", bonus, money);
        put(out, "total", total, money);
        return out;
    }

    private static void put(Map<String, String> out, String key, BigDecimal amount, ShopperMoney money) {
        if (amount != null && (amount.signum() != 0 || key.equals("total") || key.equals("items"))) {
            out.put(key, money.format(amount));
        }
    }

    private static void privateHeaders(Context ctx) {
        ctx.header("Cache-Control", "private, no-store");
        ctx.header("X-Robots-Tag", "noindex");
    }

    /** The shared error page (branded, with a title and a language), not a bare text. */
    private static void notFound(Context ctx) {
        privateHeaders(ctx);
        throw new io.javalin.http.NotFoundResponse();
    }
}
