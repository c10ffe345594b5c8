package app.landfall.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.landfall.testing.QrDecoding;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The printed returns sign: its QR code reads back as the store's returns page, whatever the address. */
class ReturnsSignTest {

    @Test
    void the_signs_qr_code_reads_back_for_many_addresses() {
        for (int port = 40000; port < 40060; port++) {
            String url = "http://localhost:" + port + "/demo/returns";
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            ReturnsSign.write(new ParcelPapers.Store("Alder & Ash Outfitters", url, Locale.ENGLISH), pdf);
            assertEquals(url, QrDecoding.fromPdf(pdf.toByteArray(), 0), url);
        }
    }
}
