package app.landfall.web;

/**
 * Text Landfall takes from outside and keeps: no NUL or other C0 control character except tab, line
 * feed and carriage return, and no half of a surrogate pair. PostgreSQL refuses NUL (which turned
 * such input into a 500), a lone surrogate would be stored as "?", and the other controls have no
 * place on a page or in an email.
 */
public final class StorableText {
    /** The error for a field (after its name or path): "order_number must not contain …". */
    public static final String PROBLEM = "must not contain control characters (such as a NUL byte) or broken Unicode";

    private StorableText() {
    }

    /** True for null and for text as described above. */
    public static boolean isStorable(CharSequence text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
