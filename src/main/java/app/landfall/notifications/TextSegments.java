package app.landfall.notifications;

/**
 * How many SMS a text is billed as. A text of GSM-7 characters holds 160 of them in one message,
 * 153 in each part of a longer one (the rest is the header that joins the parts); the extension
 * characters ({@code ^ { } \ [ ~ ] | €}) take two places, never split across parts. Any other
 * character makes the whole text UCS-2: 70 UTF-16 units in one message, 67 in each part, a
 * character outside the Basic Multilingual Plane (an emoji) taking two, never split.
 */
record TextSegments(Encoding encoding, int units, int segments) {
    enum Encoding { GSM_7, UCS_2 }

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

    static TextSegments of(String text) {
        boolean gsm = text.chars().allMatch(c -> GSM_BASIC.indexOf(c) >= 0 || GSM_EXTENSION.indexOf(c) >= 0);
        return gsm ? gsm7(text) : ucs2(text);
    }

    private static TextSegments gsm7(String text) {
        int units = 0;
        for (int i = 0; i < text.length(); i++) {
            units += GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        if (units <= 160) {
            return new TextSegments(Encoding.GSM_7, units, 1);
        }
        int segments = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int size = GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
            if (used + size > 153) {
                segments++;
                used = 0;
            }
            used += size;
        }
        return new TextSegments(Encoding.GSM_7, units, segments);
    }

    private static TextSegments ucs2(String text) {
        int units = text.length();
        if (units <= 70) {
            return new TextSegments(Encoding.UCS_2, units, 1);
        }
        int segments = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int size = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() ? 2 : 1;
            if (used + size > 67) {
                segments++;
                used = 0;
            }
            used += size;
            i += size - 1;
        }
        return new TextSegments(Encoding.UCS_2, units, segments);
    }
}
