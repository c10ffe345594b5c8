package app.landfall.api;

import app.landfall.returns.ParcelPapers;
import app.landfall.returns.QrCodes;
import app.landfall.web.Problem;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * GET /api/v1/shipments/{id}/return-qr.svg and .png: the QR code of the shipment's
 * {@code return_start_url}; GET /api/v1/shipments/{id}/packing-slip.pdf: the slip to put in the box.
 */
public final class ShipmentPapersApi {
    private final ParcelPapers papers;
    private final IntFunction<String> baseUrl;

    ShipmentPapersApi(ParcelPapers papers, IntFunction<String> baseUrl) {
        this.papers = papers;
        this.baseUrl = baseUrl;
    }

    public void qrSvg(Context ctx) {
        outbound(ctx).ifPresent(p -> ctx.contentType("image/svg+xml")
                .result(QrCodes.svg(p.returnStartUrl(), "Start a return of parcel " + p.trackingNumber())));
    }

    public void qrPng(Context ctx) {
        outbound(ctx).ifPresent(p -> ctx.contentType("image/png").result(QrCodes.png(p.returnStartUrl(), QrCodes.DOWNLOAD_SCALE)));
    }

    public void packingSlip(Context ctx) {
        outbound(ctx).ifPresent(p -> {
            ctx.contentType("application/pdf").header("Content-Disposition", "inline; filename=\"packing-slip-" + p.id() + ".pdf\"");
            papers.packingSlips(ApiAuthentication.merchantId(ctx), List.of(p.id()), baseUrl.apply(ctx.port()),
                    "Packing slip " + p.trackingNumber(), ctx.outputStream());
        });
    }

    /** The merchant's outbound shipment, or empty after answering with a problem. */
    private Optional<ParcelPapers.Parcel> outbound(Context ctx) {
        long merchantId = ApiAuthentication.merchantId(ctx);
        Long id = Requests.id(ctx, "shipment");
        if (id == null) {
            return Optional.empty();
        }
        Optional<ParcelPapers.Parcel> parcel = papers.parcel(merchantId, id, baseUrl.apply(ctx.port()));
        if (parcel.isEmpty()) {
            // another merchant's shipment looks exactly like one that does not exist
            Problem.of(404, "Not Found", "No shipment with id " + id + ".").respond(ctx);
            return Optional.empty();
        }
        if (parcel.get().returnStartUrl() == null) {
            Problem.of(409, "Conflict", "Shipment " + id + " is a return parcel: it has no return_start_url, so no return QR code"
                    + " or packing slip. Use them on the outbound parcel of the same order.").respond(ctx);
            return Optional.empty();
        }
        return parcel;
    }
}
