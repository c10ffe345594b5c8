package app.landfall.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ReturnDocumentsTest {
    static final ReturnDocuments.Papers PAPERS = new ReturnDocuments.Papers("Alder & Ash", "R-7K3P9Q", "AA-10410",
            ReturnDocuments.Address.of("Zoë Müller", "12 Elm Street", null, "Springfield, OR 97477", "US"),
            ReturnDocuments.Address.of("Alder & Ash Returns", "400 Warehouse Way", "Portland, OR 97201", "US"),
            "7QX2M4K9TZ", "QR drop-off at a UPS location",
            List.of(new ReturnDocuments.Item("Merino Hiker Socks, 3 Pack", "L / Charcoal", 1, "Too small"),
                    new ReturnDocuments.Item("Rain jacket", null, 2, "Damaged")));

    static String decode(BufferedImage image) throws Exception {
        int w = image.getWidth();
        int h = image.getHeight();
        RGBLuminanceSource pixels = new RGBLuminanceSource(w, h, image.getRGB(0, 0, w, h, null, 0, w));
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(pixels)),
                Map.of(DecodeHintType.TRY_HARDER, true)).getText();
    }

    /** For people to look at: target/screenshots/, next to the browser tests' screenshots. */
    static void save(BufferedImage image, String name) throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
        java.nio.file.Files.createDirectories(dir);
        javax.imageio.ImageIO.write(image, "png", dir.resolve(name).toFile());
    }

    @Test
    void without_a_carrier_account_the_paper_is_a_return_authorisation_that_says_it_is_no_label() throws Exception {
        try (PDDocument doc = Loader.loadPDF(ReturnDocuments.authorisation(PAPERS))) {
            assertEquals(1, doc.getNumberOfPages());
            assertEquals(612, doc.getPage(0).getMediaBox().getWidth(), 0.1, "a letter page, not a 4 × 6 label");
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.startsWith("Return authorisation"), text);
            assertTrue(text.contains("This is not a shipping label.") && text.contains("your own postage"), text);
            for (String expected : List.of("R-7K3P9Q", "AA-10410", "Zoë Müller", "12 Elm Street", "Alder & Ash Returns",
                    "400 Warehouse Way", "Portland, OR 97201", "2 × Rain jacket")) {
                assertTrue(text.contains(expected), expected + " missing from:\n" + text);
            }
            assertFalse(text.toLowerCase(java.util.Locale.ROOT).contains("return label"), text);
            assertEquals("Return authorisation R-7K3P9Q", doc.getDocumentInformation().getTitle());
            save(new PDFRenderer(doc).renderImageWithDPI(0, 100), "return-authorisation.png");
        }
    }

    @Test
    void a_60_character_store_name_is_printed_whole_on_the_authorisation_and_the_packing_slip() throws Exception {
        String name = "Alder & Ash Outfitters of the Pacific Northwest Trading Co.";
        name = name + "x".repeat(60 - name.length());
        assertEquals(60, name.length());
        var papers = new ReturnDocuments.Papers(name, PAPERS.rma(), PAPERS.orderNumber(), PAPERS.from(), PAPERS.to(), PAPERS.code(),
                PAPERS.method(), PAPERS.items());
        for (byte[] pdf : List.of(ReturnDocuments.authorisation(papers), ReturnDocuments.packingSlip(papers))) {
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
                assertTrue(text.contains(name), "the whole name, wrapped onto lines that fit:\n" + text);
                PDFTextStripper positions = new PDFTextStripper() {
                    @Override
                    protected void writeString(String s, List<org.apache.pdfbox.text.TextPosition> letters) {
                        for (var letter : letters) {
                            assertTrue(letter.getXDirAdj() + letter.getWidthDirAdj() <= 612 - 0.5 * 72 + 0.5, "inside the margin: " + s);
                        }
                    }
                };
                positions.getText(doc);
            }
        }
    }

    @Test
    void the_packing_slip_lists_the_items_and_reasons() throws Exception {
        try (PDDocument doc = Loader.loadPDF(ReturnDocuments.packingSlip(PAPERS))) {
            String text = new PDFTextStripper().getText(doc);
            for (String expected : List.of("R-7K3P9Q", "Merino Hiker Socks, 3 Pack (L / Charcoal)", "Too small", "Rain jacket", "Damaged")) {
                assertTrue(text.contains(expected), expected + " missing from:\n" + text);
            }
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150);
            assertEquals("7QX2M4K9TZ", decode(page));
            save(page, "return-packing-slip.png");
        }
    }

    @Test
    void text_the_standard_fonts_cannot_show_becomes_a_question_mark_instead_of_failing() throws Exception {
        var papers = new ReturnDocuments.Papers("店", "R-AAAAAA", "1", ReturnDocuments.Address.of("王小明 😀", "Line\u0007"),
                ReturnDocuments.Address.of("Shop"), "CODE123456", "In store", List.of());
        try (PDDocument doc = Loader.loadPDF(ReturnDocuments.authorisation(papers))) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("??? ?"), text);
        }
    }

    @Test
    void the_svg_qr_code_decodes_to_its_text() throws Exception {
        String svg = QrCodes.svg("7QX2M4K9TZ", "Drop-off code");
        assertTrue(svg.startsWith("<svg ") && !svg.contains("<script") && !svg.contains("style"), svg.substring(0, 120));
        assertEquals("7QX2M4K9TZ", decodeSvg(svg));
    }

    /** Paints the SVG's unit squares and decodes them as a camera would. */
    static String decodeSvg(String svg) throws Exception {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertTrue(box.find());
        int size = Integer.parseInt(box.group(1));
        int scale = 8;
        BufferedImage image = new BufferedImage(size * scale, size * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        Matcher module = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        while (module.find()) {
            g.fillRect(Integer.parseInt(module.group(1)) * scale, Integer.parseInt(module.group(2)) * scale, scale, scale);
        }
        return decode(image);
    }
}
