package app.landfall.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MimeBytesTest {
    private static final String[] PIECES = {"a", "Z", " ", "\t", "=", ".", "ü", "€", "😀", "\n", "\r\n", "  \n", "=\n", "<td style=\"x\">",
        "Straße", "ç", "_", "?", "=_landfall_", "\u00a0", "\u202f"};

    private static String decodeQp(byte[] encoded) throws Exception {
        return new String(MimeUtility.decode(new ByteArrayInputStream(encoded), "quoted-printable").readAllBytes(), StandardCharsets.UTF_8);
    }

    private static byte[] qp(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MimeBytes.quotedPrintable(text.getBytes(StandardCharsets.UTF_8), out);
        return out.toByteArray();
    }

    @Test
    void quoted_printable_decodes_back_to_the_same_text_with_no_line_longer_than_76_and_no_bare_equals_sign() throws Exception {
        Random random = new Random(16);
        for (int run = 0; run < 2000; run++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(400);
            for (int i = 0; i < pieces; i++) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            byte[] encoded = qp(text.toString());
            String expected = text.toString().replace("\r\n", "\n").replace("\n", "\r\n");
            assertEquals(expected, decodeQp(encoded), "run " + run);
            for (String line : new String(encoded, StandardCharsets.US_ASCII).split("\r\n", -1)) {
                assertTrue(line.length() <= 76, line.length() + ": " + line);
                assertTrue(!line.endsWith(" ") && !line.endsWith("\t"), "trailing white space: [" + line + "]");
                assertTrue(line.replaceAll("=[0-9A-F]{2}", "").replaceAll("=$", "").indexOf('=') < 0, line);
            }
            for (byte b : encoded) {
                assertTrue(b == '\r' || b == '\n' || b == '\t' || (b >= 32 && b <= 126), "only ASCII goes out: " + b);
            }
        }
    }

    @Test
    void a_long_line_is_broken_softly_and_spaces_at_a_line_end_are_encoded() throws Exception {
        assertEquals("a=20\r\nb=09", new String(qp("a \nb\t"), StandardCharsets.US_ASCII));
        String encoded = new String(qp("x".repeat(200)), StandardCharsets.US_ASCII);
        assertEquals("x".repeat(75) + "=\r\n" + "x".repeat(75) + "=\r\n" + "x".repeat(50), encoded);
        assertEquals("x".repeat(76), new String(qp("x".repeat(76)), StandardCharsets.US_ASCII), "76 fit when the line ends there");
        assertEquals("=C3=BC", new String(qp("ü"), StandardCharsets.US_ASCII));
    }

    @Test
    void a_whole_message_parses_back_with_its_headers_parts_and_encoded_names() throws Exception {
        String subject = "Ihre Bestellung #1234 ist unterwegs – Zustellung am Dienstag, 8. Dezember, zwischen 10 und 14 Uhr 😀";
        MimeBytes bytes = new MimeBytes().date(Instant.parse("2026-12-07T10:00:00Z"))
                .addressHeader("From", "Bäckerei \"Müller\" & Söhne", "notices@mail.example")
                .header("To", "ann@example.com").header("Message-ID", "<notice.1.2@mail.example>")
                .textHeader("Subject", subject).header("Content-Language", "de");
        byte[] raw = bytes.alternative("=_landfall_1", "Hallo Ann,\n\nIhr Paket ist unterwegs.", "<p>Hallo <b>Ann</b> – ü</p>");
        for (String line : new String(raw, StandardCharsets.US_ASCII).split("\r\n")) {
            assertTrue(line.length() <= 78, line);
        }
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        assertEquals(subject, message.getSubject());
        InternetAddress from = (InternetAddress) message.getFrom()[0];
        assertEquals("notices@mail.example", from.getAddress());
        assertEquals("Bäckerei \"Müller\" & Söhne", from.getPersonal());
        assertEquals("<notice.1.2@mail.example>", message.getMessageID());
        assertEquals(Instant.parse("2026-12-07T10:00:00Z"), message.getSentDate().toInstant());
        Multipart parts = (Multipart) message.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertEquals("Hallo Ann,\r\n\r\nIhr Paket ist unterwegs.", parts.getBodyPart(0).getContent());
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
        assertEquals("<p>Hallo <b>Ann</b> – ü</p>", parts.getBodyPart(1).getContent());

        MimeMessage plain = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(new MimeBytes()
                .addressHeader("From", "Harbour \"Goods\"", "n@x.example").textHeader("Subject", "Plain").alternative("=_b", "t", "h")));
        assertEquals("Harbour \"Goods\"", ((InternetAddress) plain.getFrom()[0]).getPersonal());
        assertEquals("Plain", plain.getSubject());
    }
}
