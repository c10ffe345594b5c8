package app.landfall.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.testing.QrDecoding;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class OutboundSlipsTest {
    private static final String URL = "https://shop.example/t/AAAAAAAAAAAAAAAAAAAAAAAA/return";

    private static OutboundSlips.Slip slip(String store, List<OutboundSlips.Line> items, Locale language) {
        return new OutboundSlips.Slip(store, "AA-1042", LocalDate.of(2026, 12, 7),
                ReturnDocuments.Address.of("Zoë Müller", "12 Elm Street", null, "Springfield, OR 97477", "US"), items, language,
                List.of("You can return items within 30 days of delivery.", "Returns are free."), URL);
    }

    private static byte[] pdf(OutboundSlips.Slip... slips) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutboundSlips.write(List.of(slips), "Packing slip", "Store", out);
        return out.toByteArray();
    }

    private static String text(byte[] pdf) throws Exception {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void the_slip_lists_the_order_the_address_and_each_item_with_its_variant_sku_and_quantity() throws Exception {
        String text = text(pdf(slip("Alder & Ash", List.of(new OutboundSlips.Line("Rain jacket", "Moss / M", "JKT-M", 2),
                new OutboundSlips.Line("Wool socks", null, null, 1)), Locale.ENGLISH)));
        assertTrue(text.contains("PACKING SLIP Alder & Ash Order AA-1042 · Ordered December 7, 2026"), text);
        assertTrue(text.contains("SHIP TO Zoë Müller 12 Elm Street Springfield, OR 97477 US"), text);
        assertTrue(text.contains("Rain jacket Moss / M JKT-M 2"), text);
        assertTrue(text.contains("Wool socks – 1"), text);
        assertTrue(text.contains("Returns You can return items within 30 days of delivery. Returns are free."), text);
        assertTrue(text.contains("Scan to start a return"), text);
        assertTrue(text.contains(URL), text);
    }

    @Test
    void the_qr_code_on_the_page_opens_the_return_at_150_dpi() {
        assertEquals(URL, QrDecoding.fromPdf(pdf(slip("Store", List.of(new OutboundSlips.Line("Cap", null, "C", 1)), Locale.ENGLISH)), 0));
    }

    @Test
    void a_store_name_too_long_for_one_line_is_wrapped_whole_never_cut() throws Exception {
        String name = "The Extraordinarily Long Named Mountaineering and Outdoor Clothing Company of the Pacific Northwest";
        String text = text(pdf(slip(name, List.of(new OutboundSlips.Line("Cap", null, "C", 1)), Locale.ENGLISH)));
        assertTrue(text.contains(name), text);
        assertFalse(text.contains("…"), text);
    }

    @Test
    void items_beyond_the_page_are_counted_and_the_returns_box_stays_readable() throws Exception {
        List<OutboundSlips.Line> many = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            many.add(new OutboundSlips.Line("Item number " + i, "Size " + i, "SKU-" + i, 1));
        }
        byte[] pdf = pdf(slip("Store", many, Locale.ENGLISH));
        String text = text(pdf);
        assertTrue(text.matches(".*… and \\d+ more.*"), text);
        assertTrue(text.contains("Item number 1 "), text);
        assertFalse(text.contains("Item number 40"), text);
        assertEquals(URL, QrDecoding.fromPdf(pdf, 0));
    }

    @Test
    void a_german_order_gets_german_headings_and_date() throws Exception {
        byte[] pdf = pdf(slip("Laden", List.of(new OutboundSlips.Line("Mütze", null, "M-1", 1)), Locale.GERMAN));
        String text = text(pdf);
        assertTrue(text.contains("LIEFERSCHEIN Laden Bestellung AA-1042 · Bestellt am 7. Dezember 2026"), text);
        assertTrue(text.contains("LIEFERADRESSE"), text);
        assertTrue(text.contains("ARTIKEL ART.-NR. MENGE"), text);
        assertTrue(text.contains("Scannen, um eine Rücksendung zu starten"), text);
        assertEquals(URL, QrDecoding.fromPdf(pdf, 0), "the longer German line above the code stays off it");
    }

    @Test
    void several_slips_are_one_page_each() throws Exception {
        var one = slip("Store", List.of(new OutboundSlips.Line("Cap", null, "C", 1)), Locale.ENGLISH);
        try (var doc = Loader.loadPDF(pdf(one, one, one))) {
            assertEquals(3, doc.getNumberOfPages());
        }
    }
}
