package app.landfall.notifications;

import java.text.Normalizer;

/**
 * The text an SMS carries. One character outside the GSM-7 alphabet (an ó, a ç, a curly quote) makes
 * the whole message UCS-2, which holds less than half as much per segment; when writing such letters
 * without their accents saves a segment, the SMS is sent that way ("devolución" as "devolucion"), as
 * phones and people read it without trouble. Otherwise the text goes as written. WhatsApp is not
 * billed in segments and always gets the text as written.
 */
final class SmsText {
    private SmsText() {
    }

    static String fit(String text) {
        TextSegments written = TextSegments.of(text);
        if (written.encoding() == TextSegments.Encoding.GSM_7) {
            return text;
        }
        String plain = plain(text);
        return TextSegments.of(plain).segments() < written.segments() ? plain : text;
    }

    private static String plain(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            String ch = Character.toString(c);
            String replaced = switch (c) {
                case '\u2018', '\u2019', '\u201a', '\u2032' -> "'";
                case '\u201c', '\u201d', '\u201e', '\u2033' -> "\"";
                case '\u2013', '\u2014', '\u2212' -> "-";
                case '\u00a0', '\u202f', '\u2009' -> " ";
                case '\u2026' -> "...";
                default -> null;
            };
            if (replaced != null) {
                out.append(replaced);
            } else if (TextSegments.of(ch).encoding() == TextSegments.Encoding.GSM_7) {
                out.append(ch);
            } else {
                String bare = Normalizer.normalize(ch, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                out.append(!bare.isEmpty() && TextSegments.of(bare).encoding() == TextSegments.Encoding.GSM_7 ? bare : ch);
            }
        });
        return out.toString();
    }
}
