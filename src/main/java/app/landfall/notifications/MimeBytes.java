package app.landfall.notifications;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;

/**
 * Writes an email's bytes as it goes over SMTP: headers, then a multipart/alternative body with a
 * plain-text and an HTML part, both UTF-8 in quoted-printable. jakarta.mail builds the same message
 * from objects at several times the cost (each body part looks its stream provider up through the
 * ServiceLoader, and the text is written through a chain of per-byte streams twice, once only to
 * choose an encoding: jakartaee/mail-api#861); at hundreds of emails a second that was a good part
 * of a core (docs/benchmarks.md, "Notifications"). The message is parsed back in the tests
 * (GreenMail, jakarta.mail), which is what proves it well formed.
 */
final class MimeBytes {
    /** RFC 2045: encoded lines are at most 76 characters, the soft line break's "=" included. */
    private static final int QP_LINE = 76;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(8192);

    /** A header as it is; the caller has made sure it is ASCII without line breaks. */
    MimeBytes header(String name, String value) {
        return line(name + ": " + value);
    }

    /** A header whose value may hold any text (a subject): encoded words (RFC 2047) when it is not plain ASCII. */
    MimeBytes textHeader(String name, String value) {
        return header(name, plain(value) ? value : encodedWords(value));
    }

    /** An address header with a display name: {@code "Name" <address>}, the name encoded when it is not plain ASCII. */
    MimeBytes addressHeader(String name, String displayName, String address) {
        String shown;
        if (displayName == null || displayName.isBlank()) {
            shown = "<" + address + ">";
        } else if (plain(displayName)) {
            shown = "\"" + displayName.replace("\\", "\\\\").replace("\"", "\\\"") + "\" <" + address + ">";
        } else {
            shown = encodedWords(displayName) + "\r\n <" + address + ">";
        }
        return header(name, shown);
    }

    MimeBytes date(Instant at) {
        return header("Date", DATE.format(at.atOffset(ZoneOffset.UTC)));
    }

    /** The body: multipart/alternative, text first (RFC 2046: the richest last), then ends the message. */
    byte[] alternative(String boundary, String text, String html) {
        header("MIME-Version", "1.0");
        header("Content-Type", "multipart/alternative; boundary=\"" + boundary + "\"");
        line("");
        part(boundary, "text/plain", text);
        part(boundary, "text/html", html);
        line("--" + boundary + "--");
        return out.toByteArray();
    }

    private void part(String boundary, String type, String content) {
        line("--" + boundary);
        line("Content-Type: " + type + "; charset=UTF-8");
        line("Content-Transfer-Encoding: quoted-printable");
        line("");
        quotedPrintable(content.getBytes(StandardCharsets.UTF_8), out);
        line("");
    }

    private MimeBytes line(String ascii) {
        out.writeBytes(ascii.getBytes(StandardCharsets.US_ASCII));
        out.write('\r');
        out.write('\n');
        return this;
    }

    /** Printable ASCII only (a header value that needs no encoding). */
    static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /**
     * RFC 2047 "B" encoded words for {@code value}, each at most 75 characters and holding whole
     * characters, folded onto continuation lines so no header line passes 78 characters (the
     * header's name, "Subject: ", takes at most 9 of the first line's).
     */
    static String encodedWords(String value) {
        StringBuilder words = new StringBuilder();
        int maxBytes = 42; // 42 bytes are 56 base64 characters: "=?UTF-8?B?" + 56 + "?=" is 68
        int i = 0;
        while (i < value.length()) {
            int end = i;
            int bytes = 0;
            while (end < value.length()) {
                int cp = value.codePointAt(end);
                int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (bytes + size > maxBytes) {
                    break;
                }
                bytes += size;
                end += Character.charCount(cp);
            }
            if (words.length() > 0) {
                words.append("\r\n ");
            }
            words.append("=?UTF-8?B?")
                    .append(Base64.getEncoder().encodeToString(value.substring(i, end).getBytes(StandardCharsets.UTF_8)))
                    .append("?=");
            i = end;
        }
        return words.toString();
    }

    /**
     * Quoted-printable (RFC 2045 6.7): printable ASCII as it is except "=", every other byte as
     * {@code =XX}, spaces and tabs encoded at the end of a line, line breaks as CRLF, and soft line
     * breaks so that no line is longer than 76 characters. "=" never appears unencoded, so a
     * boundary holding "=_" cannot occur in the encoded text.
     */
    static void quotedPrintable(byte[] in, ByteArrayOutputStream sink) {
        // into a plain array first: ByteArrayOutputStream.write(int) is synchronized, per byte
        byte[] out = new byte[in.length * 3 + in.length / 25 * 3 + 16];
        int at = 0;
        int column = 0;
        for (int i = 0; i < in.length; i++) {
            int b = in[i] & 0xff;
            if (b == '\n' || (b == '\r' && i + 1 < in.length && in[i + 1] == '\n')) {
                if (b == '\r') {
                    i++;
                }
                out[at++] = '\r';
                out[at++] = '\n';
                column = 0;
                continue;
            }
            boolean lineEnds = i + 1 == in.length || in[i + 1] == '\n' || (in[i + 1] == '\r' && i + 2 < in.length && in[i + 2] == '\n');
            boolean literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !lineEnds);
            int width = literal ? 1 : 3;
            // room for the character and, unless the line ends with it, a soft break's "="
            if (column + width > (lineEnds ? QP_LINE : QP_LINE - 1)) {
                out[at++] = '=';
                out[at++] = '\r';
                out[at++] = '\n';
                column = 0;
            }
            if (literal) {
                out[at++] = (byte) b;
            } else {
                out[at++] = '=';
                out[at++] = HEX[b >> 4];
                out[at++] = HEX[b & 0xf];
            }
            column += width;
        }
        sink.write(out, 0, at);
    }
}
