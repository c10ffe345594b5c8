package app.landfall.returns;

import app.landfall.admin.AdminAccess;
import app.landfall.admin.AdminPages;
import app.landfall.admin.AdminUser;
import app.landfall.admin.Role;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The admin's downloads of what goes in a parcel: a shipment's return QR code and packing slip, a
 * day's slips in one PDF, and the store-wide returns QR code (image and printable sign).
 */
public final class ParcelPapersDesk {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);
    private final ParcelPapers papers;
    private final IntFunction<String> baseUrl;
    private final Clock clock;

    ParcelPapersDesk(ParcelPapers papers, IntFunction<String> baseUrl, Clock clock) {
        this.papers = papers;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    /** GET /admin/shipments/{id}/return-qr.svg */
    public void qrSvg(Context ctx) {
        ParcelPapers.Parcel p = outbound(ctx);
        download(ctx, "image/svg+xml", "return-qr-" + p.id() + ".svg");
        ctx.result(QrCodes.svg(p.returnStartUrl(), "Start a return of parcel " + p.trackingNumber()));
    }

    /** GET /admin/shipments/{id}/return-qr.png */
    public void qrPng(Context ctx) {
        ParcelPapers.Parcel p = outbound(ctx);
        download(ctx, "image/png", "return-qr-" + p.id() + ".png");
        ctx.result(QrCodes.png(p.returnStartUrl(), QrCodes.DOWNLOAD_SCALE));
    }

    /** GET /admin/shipments/{id}/packing-slip.pdf */
    public void packingSlip(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.SUPPORT);
        ParcelPapers.Parcel p = outbound(ctx);
        download(ctx, "application/pdf", "packing-slip-" + p.id() + ".pdf");
        papers.packingSlips(user.merchantId(), List.of(p.id()), site(ctx), "Packing slip " + p.trackingNumber(), ctx.outputStream());
    }

    /** GET /admin/shipments/packing-slips.pdf?date=2026-12-07&part=1: a day's outbound parcels, one page each. */
    public void daySlips(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.SUPPORT);
        Map<String, Object> model = new HashMap<>();
        String raw = ctx.queryParam("date");
        model.put("date", raw == null ? LocalDate.now(clock.withZone(user.zone())).toString() : raw.strip());
        model.put("limit", ParcelPapers.DAY_LIMIT);
        if (raw == null) {
            AdminPages.render(ctx, user, "shipments", "admin/packing-slips", model);
            return;
        }
        LocalDate date;
        int part;
        try {
            date = LocalDate.parse(raw.strip());
            part = ctx.queryParam("part") == null ? 1 : Integer.parseInt(ctx.queryParam("part").strip());
        } catch (DateTimeParseException | NumberFormatException e) {
            model.put("error", "Enter a date like 2026-12-07.");
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
            AdminPages.render(ctx, user, "shipments", "admin/packing-slips", model);
            return;
        }
        ParcelPapers.Day day = papers.day(user.merchantId(), user.zone(), date, Math.max(1, part));
        model.put("day", DAY.format(date));
        model.put("parcels", day.parcels());
        boolean chosePart = ctx.queryParam("part") != null;
        if (day.ids().isEmpty() || (day.parts() > 1 && !chosePart)) {
            // nothing to print, or more than one PDF should hold: say so on a page rather than send an empty or giant file
            model.put("parts", IntStream.rangeClosed(1, day.parts()).mapToObj(n -> Map.of("n", n,
                    "from", (n - 1) * ParcelPapers.DAY_LIMIT + 1, "to", Math.min(n * ParcelPapers.DAY_LIMIT, day.parcels()))).toList());
            if (day.ids().isEmpty() && day.parcels() > 0) {
                ctx.status(HttpStatus.NOT_FOUND);
            }
            AdminPages.render(ctx, user, "shipments", "admin/packing-slips", model);
            return;
        }
        download(ctx, "application/pdf", "packing-slips-" + date + (day.parts() > 1 ? "-part-" + part : "") + ".pdf");
        papers.packingSlips(user.merchantId(), day.ids(), site(ctx), "Packing slips " + date, ctx.outputStream());
    }

    /** GET /admin/settings/returns/qr.svg */
    public void storeQrSvg(Context ctx) {
        ParcelPapers.Store store = store(ctx);
        download(ctx, "image/svg+xml", "returns-qr.svg");
        ctx.result(QrCodes.svg(store.returnsUrl(), "Start a return at " + store.name()));
    }

    /** GET /admin/settings/returns/qr.png */
    public void storeQrPng(Context ctx) {
        ParcelPapers.Store store = store(ctx);
        download(ctx, "image/png", "returns-qr.png");
        ctx.result(QrCodes.png(store.returnsUrl(), QrCodes.DOWNLOAD_SCALE));
    }

    /** GET /admin/settings/returns/qr-sign.pdf */
    public void storeSign(Context ctx) {
        ParcelPapers.Store store = store(ctx);
        download(ctx, "application/pdf", "returns-sign.pdf");
        ReturnsSign.write(store, ctx.outputStream());
    }

    /** The signed-in store's outbound parcel named in the path; another store's, or a return parcel, is not found. */
    private ParcelPapers.Parcel outbound(Context ctx) {
        AdminUser user = AdminAccess.require(ctx, Role.SUPPORT);
        long id = AdminAccess.id(ctx.pathParam("id"));
        return papers.parcel(user.merchantId(), id, site(ctx)).filter(p -> p.returnStartUrl() != null)
                .orElseThrow(AdminAccess::notFound);
    }

    private ParcelPapers.Store store(Context ctx) {
        return papers.store(AdminAccess.require(ctx, Role.ADMIN).merchantId(), site(ctx));
    }

    private String site(Context ctx) {
        return baseUrl.apply(ctx.port());
    }

    /** Shown in the browser when it can (the admin's "open"), saved under a useful name when it cannot. */
    private static void download(Context ctx, String type, String filename) {
        ctx.contentType(type);
        ctx.header("Content-Disposition", "inline; filename=\"" + filename + "\"");
    }
}
