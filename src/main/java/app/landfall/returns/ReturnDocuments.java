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
 * The papers of a return, as PDF: the return authorisation (where to send the parcel, when the store
 * has no carrier account to buy a prepaid label through; see {@link ReturnLabels}) and a packing slip
 * to put inside (the items and why they come back).
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

    /**
     * Without a carrier account there is no prepaid label, so the paper says what it is: a return
     * authorisation (US Letter, nothing like a 4 × 6 label) with the address to write on the parcel
     * and the return number the warehouse looks for. Every line wraps, so a long store name is never cut.
     */
    public static byte[] authorisation(Papers p) {
        try (PDDocument doc = new PDDocument()) {
            info(doc, "Return authorisation " + p.rma(), p.storeName());
            PDPage page = new PDPage(PDRectangle.LETTER);
            doc.addPage(page);
            float width = PDRectangle.LETTER.getWidth();
            float left = 0.75f * INCH;
            float measure = width - 2 * left;
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                float y = PDRectangle.LETTER.getHeight() - 0.75f * INCH;
                y = wrapped(out, BOLD, 24, left, y, measure, "Return authorisation");
                y = wrapped(out, REGULAR, 13, left, y - 2, measure, "for a return to " + p.storeName());
                y -= 14;
                float boxTop = y;
                float inner = measure - 24;
                float textY = wrapped(out, BOLD, 12, left + 12, y - 10, inner, "This is not a shipping label.");
                textY = wrapped(out, REGULAR, 12, left + 12, textY, inner, "Write the address below on your parcel (or tape this page to it) "
                        + "and send it with your own postage. Put the return number on the parcel too.");
                y = textY - 8;
                out.setLineWidth(1f);
                out.addRect(left, y, measure, boxTop - y);
                out.stroke();
                y -= 24;
                y = text(out, BOLD, 10, left, y, "SEND THE PARCEL TO");
                for (String line : p.to().lines()) {
                    y = wrapped(out, REGULAR, 16, left, y, measure, line);
                }
                y -= 16;
                y = text(out, BOLD, 10, left, y, "RETURN NUMBER");
                y = text(out, BOLD, 22, left, y - 2, p.rma());
                y = wrapped(out, REGULAR, 11, left, y, measure, "Order " + p.orderNumber());
                y -= 16;
                y = text(out, BOLD, 10, left, y, "FROM");
                for (String line : p.from().lines()) {
                    y = wrapped(out, REGULAR, 11, left, y, measure, line);
                }
                y -= 16;
                y = text(out, BOLD, 10, left, y, "WHAT IS IN THE PARCEL");
                for (Item item : p.items()) {
                    String title = item.variant() == null ? item.title() : item.title() + " (" + item.variant() + ")";
                    y = wrapped(out, REGULAR, 11, left, y, measure, item.quantity() + " × " + title);
                    if (y < INCH) {
                        break;
                    }
                }
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
                y = wrapped(out, BOLD, 20, left, y, width - 2 * left - 1.5f * INCH, p.storeName() + " return " + p.rma());
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

    /** Writes {@code s} in lines that fit {@code measure} points (a word longer than a line is broken) and returns the next baseline. */
    private static float wrapped(PDPageContentStream out, PDType1Font font, float size, float x, float y, float measure, String s)
            throws IOException {
        for (String line : Headline.wrap(font, size, printable(s), measure)) {
            y = text(out, font, size, x, y, line);
        }
        return y;
    }

    /**
     * Draws the QR code's dark modules as filled runs, one rectangle per run of a row, each reaching a
     * hair into the row below: squares that only touch leave anti-aliased seams when a PDF is rendered,
     * and a reader then misreads the code now and then (seen with the returns sign at 150 dpi).
     */
    static void qr(PDPageContentStream out, String code, float x, float y, float size) throws IOException {
        BitMatrix m = QrCodes.matrix(code);
        float module = size / m.getWidth();
        float bleed = module * 0.05f;
        for (int row = 0; row < m.getHeight(); row++) {
            int col = 0;
            while (col < m.getWidth()) {
                if (!m.get(col, row)) {
                    col++;
                    continue;
                }
                int run = col;
                while (run < m.getWidth() && m.get(run, row)) {
                    run++;
                }
                out.addRect(x + col * module, y + size - (row + 1) * module - bleed, (run - col) * module, module + bleed);
                col = run;
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
