package app.landfall.returns;

import static app.landfall.returns.ReturnDocuments.BOLD;
import static app.landfall.returns.ReturnDocuments.INCH;
import static app.landfall.returns.ReturnDocuments.REGULAR;
import static app.landfall.returns.ReturnDocuments.qr;
import static app.landfall.returns.ReturnDocuments.text;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** A page to print for a counter or a box insert: the store, "Returns", one sentence, a large QR code of its returns page. */
final class ReturnsSign {
    private static final PDRectangle PAGE = PDRectangle.LETTER;
    private static final float MARGIN = 0.9f * INCH;

    private ReturnsSign() {
    }

    static void write(ParcelPapers.Store store, OutputStream out) {
        var l = store.language();
        try (PDDocument doc = new PDDocument()) {
            ReturnDocuments.info(doc, "Returns " + store.name(), store.name());
            PDPage page = new PDPage(PAGE);
            doc.addPage(page);
            float width = PAGE.getWidth() - 2 * MARGIN;
            try (PDPageContentStream sheet = new PDPageContentStream(doc, page)) {
                float y = PAGE.getHeight() - MARGIN;
                y = Headline.draw(sheet, store.name(), MARGIN, y, width);
                y = text(sheet, BOLD, 40, MARGIN, y - 10, PolicySummary.text(l, "slip.sign.heading")) - 4;
                for (String line : Headline.wrap(REGULAR, 15, PolicySummary.text(l, "slip.sign.lead"), width)) {
                    y = text(sheet, REGULAR, 15, MARGIN, y, line);
                }
                float size = 4.5f * INCH;
                qr(sheet, store.returnsUrl(), (PAGE.getWidth() - size) / 2, y - 24 - size, size);
                y -= 24 + size + 8;
                for (String line : Headline.wrap(REGULAR, 14, store.returnsUrl(), width)) { // centred under the code
                    y = text(sheet, REGULAR, 14, (PAGE.getWidth() - Headline.width(REGULAR, 14, line)) / 2, y, line);
                }
            }
            doc.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
