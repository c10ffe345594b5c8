package app.landfall.returns;

import static app.landfall.returns.ReturnDocuments.BOLD;
import static app.landfall.returns.ReturnDocuments.INCH;
import static app.landfall.returns.ReturnDocuments.REGULAR;
import static app.landfall.returns.ReturnDocuments.qr;
import static app.landfall.returns.ReturnDocuments.text;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;

/**
 * The packing slip a merchant puts in an outbound parcel, one page per parcel, in the order's
 * language: the store, the order, where it goes, what is in it, the return policy in brief and a
 * QR code that opens the return of this very order. The drawing helpers are the return papers'.
 */
final class OutboundSlips {
    private static final PDRectangle PAGE = PDRectangle.LETTER;
    private static final float MARGIN = 0.75f * INCH;
    private static final float QR_SIZE = 1.6f * INCH;
    /** Where the returns box starts: items stop above it. */
    private static final float RETURNS_TOP = 0.6f * INCH + QR_SIZE + 0.55f * INCH;

    private OutboundSlips() {
    }

    record Line(String title, String variant, String sku, int quantity) {
    }

    /** One parcel's slip. {@code returnUrl} is what the QR code holds (null: no QR code, as for a closed policy). */
    record Slip(String storeName, String orderNumber, LocalDate orderedOn, ReturnDocuments.Address shipTo, List<Line> items,
            Locale language, List<String> policy, String returnUrl) {
    }

    /** All slips in one document, written to {@code out} as it is saved. */
    static void write(List<Slip> slips, String title, String author, OutputStream out) {
        try (PDDocument doc = new PDDocument()) {
            ReturnDocuments.info(doc, title, author);
            for (Slip slip : slips) {
                page(doc, slip);
            }
            doc.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void page(PDDocument doc, Slip s) throws IOException {
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        float width = PAGE.getWidth() - 2 * MARGIN;
        Locale l = s.language();
        try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
            float y = PAGE.getHeight() - 0.7f * INCH;
            y = text(out, REGULAR, 10, MARGIN, y, PolicySummary.text(l, "slip.title").toUpperCase(l));
            y = Headline.draw(out, s.storeName(), MARGIN, y - 2, width);
            String ordered = s.orderedOn() == null ? ""
                    : "  ·  " + PolicySummary.text(l, "slip.ordered", DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(l)
                            .format(s.orderedOn()));
            y = text(out, BOLD, 13, MARGIN, y - 6, PolicySummary.text(l, "slip.order", s.orderNumber()) + ordered);

            y = text(out, REGULAR, 9, MARGIN, y - 14, PolicySummary.text(l, "slip.ship_to").toUpperCase(l)) - 1;
            for (String line : s.shipTo().lines()) {
                y = text(out, REGULAR, 11, MARGIN, y, Headline.cut(REGULAR, 11, line, width));
            }

            y -= 18;
            float skuX = MARGIN + width - 2.4f * INCH;
            float qtyX = MARGIN + width - 0.5f * INCH;
            text(out, BOLD, 9, MARGIN, y, PolicySummary.text(l, "slip.item").toUpperCase(l));
            text(out, BOLD, 9, skuX, y, PolicySummary.text(l, "slip.sku").toUpperCase(l));
            y = text(out, BOLD, 9, qtyX, y, PolicySummary.text(l, "slip.quantity").toUpperCase(l));
            rule(out, y, 0.5f); // under the headings' descenders
            y -= 4;
            for (int i = 0; i < s.items().size(); i++) {
                if (y - 30 < RETURNS_TOP) { // the returns box is never covered: say how many did not fit
                    text(out, REGULAR, 10, MARGIN, y - 4, PolicySummary.text(l, "slip.more_items", s.items().size() - i));
                    break;
                }
                Line item = s.items().get(i);
                float rowTop = y - 4;
                float next = text(out, REGULAR, 11, MARGIN, rowTop, Headline.cut(REGULAR, 11, item.title(), skuX - MARGIN - 12));
                if (item.variant() != null && !item.variant().isBlank()) {
                    next = text(out, REGULAR, 9, MARGIN, next, Headline.cut(REGULAR, 9, item.variant(), skuX - MARGIN - 12));
                }
                text(out, REGULAR, 10, skuX, rowTop, Headline.cut(REGULAR, 10, item.sku() == null ? "–" : item.sku(), qtyX - skuX - 8));
                text(out, BOLD, 11, qtyX, rowTop, Integer.toString(item.quantity()));
                y = next - 2;
            }
            returnsBox(out, s, width);
        }
    }

    /** The bottom of the page: the policy in brief on the left, the QR code on the right. */
    private static void returnsBox(PDPageContentStream out, Slip s, float width) throws IOException {
        Locale l = s.language();
        float top = RETURNS_TOP;
        rule(out, top, 1.5f);
        float textWidth = s.returnUrl() == null ? width : width - QR_SIZE - 0.3f * INCH;
        float y = text(out, BOLD, 14, MARGIN, top - 12, PolicySummary.text(l, "slip.returns"));
        for (String line : s.policy()) {
            for (String part : Headline.wrap(REGULAR, 10.5f, line, textWidth)) {
                y = text(out, REGULAR, 10.5f, MARGIN, y, part);
            }
            y -= 3;
        }
        if (s.returnUrl() == null) {
            return;
        }
        float qrX = MARGIN + width - QR_SIZE;
        float qrY = 0.6f * INCH;
        qr(out, s.returnUrl(), qrX, qrY, QR_SIZE);
        List<String> scan = Headline.wrap(BOLD, 10, PolicySummary.text(l, "slip.scan"), QR_SIZE + 0.2f * INCH);
        // just above the code (its own white margin is the gap), never over it: a line over the modules spoils the scan
        float scanY = qrY + QR_SIZE + scan.size() * 12.5f;
        for (String part : scan) {
            scanY = text(out, BOLD, 10, qrX - 0.1f * INCH, scanY, part);
        }
        // the address printed too, for a phone that cannot scan; a long one is broken, never cut
        y -= 6;
        for (String part : Headline.wrap(REGULAR, 9, PolicySummary.text(l, "slip.or_visit", s.returnUrl()), textWidth)) {
            y = text(out, REGULAR, 9, MARGIN, y, part);
        }
    }

    private static void rule(PDPageContentStream out, float y, float weight) throws IOException {
        out.setLineWidth(weight);
        out.moveTo(MARGIN, y);
        out.lineTo(PAGE.getWidth() - MARGIN, y);
        out.stroke();
    }

}
