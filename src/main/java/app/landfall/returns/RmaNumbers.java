package app.landfall.returns;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Return numbers people can read aloud over the phone: {@code R-} and six characters from an
 * alphabet without look-alikes or sound-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B). 25⁶ ≈ 244 million
 * per merchant, so a random pick rarely collides; the database's unique key catches the rare one
 * and the caller draws again.
 */
public final class RmaNumbers {
    static final String ALPHABET = "34679ACDEFGHJKMNPQRTUVWXY";
    static final int LENGTH = 6;

    private final RandomGenerator random;

    public RmaNumbers() {
        this(new SecureRandom());
    }

    RmaNumbers(RandomGenerator random) {
        this.random = random;
    }

    public String next() {
        StringBuilder rma = new StringBuilder("R-");
        for (int i = 0; i < LENGTH; i++) {
            rma.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return rma.toString();
    }

    /** The {@code n}th number in a fixed order (the demo store's returns are numbered this way, the same every time). */
    public static String numbered(long n) {
        char[] code = new char[LENGTH];
        long rest = n;
        for (int i = LENGTH - 1; i >= 0; i--) {
            code[i] = ALPHABET.charAt((int) (rest % ALPHABET.length()));
            rest /= ALPHABET.length();
        }
        return "R-" + new String(code);
    }

    /** A number as a shopper may type it ("r 7k3p9q", "R7K3P9Q") in the form it is stored in. */
    public static String normalize(String typed) {
        if (typed == null) {
            return "";
        }
        String s = typed.trim().toUpperCase(java.util.Locale.ROOT).replace(" ", "").replace("-", "");
        return s.startsWith("R") ? "R-" + s.substring(1) : "R-" + s;
    }
}
