package app.landfall.returns;

import com.google.zxing.common.BitMatrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The papers of a return, as PDF: a 4 × 6 inch label for the parcel (from, to, the RMA number
 * large, and a QR code of the drop-off code or RMA) and a packing slip to put inside (the items
 * and why they come back). The label is Landfall's own: it tells the warehouse whose parcel this
 * is; postage comes from the carrier's drop-off or account, which no carrier API here provides.
 */
public final class ReturnDocuments {
    static final float INCH = 72;
    static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private ReturnDocuments() {
    }

    /** An address as printed: name first, then lines; empty lines are left out. */
    public record Address(List<String> lines) {
        public static Address of(String... lines) {
            List<String> kept = new ArrayList<>();
            for (String line : lines) {
                if (line != null && !line.isBlank()) {
                    kept.add(line.strip());
                }
            }
            return new Address(List.copyOf(kept));
        }
    }

    public record Item(String title, String variant, int quantity, String reason) {
    }

    /** Everything printed on either paper. {@code code} is what the QR code holds. */
    public record Papers(String storeName, String rma, String orderNumber, Address from, Address to, String code,
            String method, List<Item> items) {
    }

    public static byte[] label(Papers p) {
        try (PDDocument doc = new PDDocument()) {
            info(doc, "Return label " + p.rma(), p.storeName());
            PDPage page = new PDPage(new PDRectangle(4 * INCH, 6 * INCH));
            doc.addPage(page);
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                float left = 0.25f * INCH;
                float y = 6 * INCH - 0.45f * INCH;
                y = text(out, BOLD, 16, left, y, "RETURN TO " + p.storeName().toUpperCase(java.util.Locale.ROOT));
                y -= 6;
                y = text(out, REGULAR, 8, left, y, "FROM");
                for (String line : p.from().lines()) {
                    y = text(out, REGULAR, 10, left, y, line);
                }
                y -= 8;
                y = text(out, REGULAR, 8, left, y, "TO");
                for (int i = 0; i < p.to().lines().size(); i++) {
                    y = text(out, i == 0 ? BOLD : REGULAR, i == 0 ? 13 : 12, left, y, p.to().lines().get(i));
                }
                out.setLineWidth(1.5f);
                out.moveTo(left, y - 6);
                out.lineTo(4 * INCH - left, y - 6);
                out.stroke();
                y -= 30;
                y = text(out, REGULAR, 9, left, y, "RMA");
                y = text(out, BOLD, 28, left, y - 6, p.rma());
                text(out, REGULAR, 9, left, y - 2, "Order " + p.orderNumber());
                qr(out, p.code(), 4 * INCH - left - 1.6f * INCH, 0.3f * INCH, 1.6f * INCH);
                text(out, REGULAR, 8, left, 0.5f * INCH, p.method());
                text(out, REGULAR, 8, left, 0.35f * INCH, "Code " + p.code());
            }
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] packingSlip(Papers p) {
        try (PDDocument doc = new PDDocument()) {
            info(doc, "Packing slip " + p.rma(), p.storeName());
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            float width = PDRectangle.LETTER.getWidth();
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                float left = 0.75f * INCH;
                float y = PDRectangle.LETTER.getHeight() - 0.9f * INCH;
                y = text(out, BOLD, 20, left, y, p.storeName() + " return " + p.rma());
                y = text(out, REGULAR, 11, left, y - 4, "Order " + p.orderNumber() + "  ·  put this slip in the parcel");
                qr(out, p.code(), width - left - 1.3f * INCH, PDRectangle.LETTER.getHeight() - 0.6f * INCH - 1.3f * INCH, 1.3f * INCH);
                y -= 24;
                float column = left + 3.4f * INCH;
                text(out, REGULAR, 9, left, y, "FROM");
                y = text(out, REGULAR, 9, column, y, "RETURN TO") - 2;
                float fromY = y;
                for (String line : p.from().lines()) {
                    fromY = text(out, REGULAR, 11, left, fromY, line);
                }
                float toY = y;
                for (String line : p.to().lines()) {
                    toY = text(out, REGULAR, 11, column, toY, line);
                }
                y = Math.min(fromY, toY) - 24;
                text(out, BOLD, 10, left, y, "ITEM");
                text(out, BOLD, 10, left + 4.1f * INCH, y, "QTY");
                y = text(out, BOLD, 10, left + 4.6f * INCH, y, "REASON") - 4;
                for (Item item : p.items()) {
                    String title = item.variant() == null ? item.title() : item.title() + " (" + item.variant() + ")";
                    float next = text(out, REGULAR, 11, left, y, fit(title, 58));
                    text(out, REGULAR, 11, left + 4.1f * INCH, y, Integer.toString(item.quantity()));
                    text(out, REGULAR, 11, left + 4.6f * INCH, y, fit(item.reason() == null ? "" : item.reason(), 22));
                    y = next - 2;
                    if (y < INCH) {
                        text(out, REGULAR, 10, left, y, "… and " + (p.items().size() - p.items().indexOf(item) - 1) + " more");
                        break;
                    }
                }
                text(out, REGULAR, 9, left, 0.75f * INCH, p.method() + "  ·  Code " + p.code());
            }
            return bytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void info(PDDocument doc, String title, String author) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(printable(title));
        info.setAuthor(printable(author));
        info.setCreator("Landfall");
    }

    /** Writes one line and returns the baseline for the next. */
    static float text(PDPageContentStream out, PDType1Font font, float size, float x, float y, String s) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y - size);
        out.showText(printable(s));
        out.endText();
        return y - size * 1.25f;
    }

    /** Draws the QR code's modules as filled squares: sharp at any printer resolution. */
    static void qr(PDPageContentStream out, String code, float x, float y, float size) throws IOException {
        BitMatrix m = QrCodes.matrix(code);
        float module = size / m.getWidth();
        for (int row = 0; row < m.getHeight(); row++) {
            for (int col = 0; col < m.getWidth(); col++) {
                if (m.get(col, row)) {
                    out.addRect(x + col * module, y + size - (row + 1) * module, module, module);
                }
            }
        }
        out.fill();
    }

    static String fit(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /**
     * The standard PDF fonts cover Western European letters (WinAnsi); anything else (another
     * script, an emoji in a name) prints as "?" rather than failing the whole label.
     */
    static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            boolean ok;
            try {
                REGULAR.encode(ch);
                ok = !Character.isISOControl(cp);
            } catch (IOException | IllegalArgumentException e) {
                ok = false;
            }
            out.append(ok ? ch : "?");
        });
        return out.toString();
    }

    static byte[] bytes(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }
}
