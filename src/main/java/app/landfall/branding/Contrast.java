package app.landfall.branding;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * WCAG 2.2 colour contrast (success criteria 1.4.3 and 1.4.11), so that a merchant's brand colours
 * stay readable on our pages. Colours are {@code #rrggbb} strings.
 */
public final class Contrast {
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final int BLACK = 0x000000;
    private static final int WHITE = 0xffffff;
    private static final int NEAR_BLACK = 0x1a1a1a;
    // 1/500 of the lightness range: finer than 8-bit channels can show, and at most 500 tries
    private static final double STEP = 0.002;

    private Contrast() {
    }

    /** The contrast ratio of two colours, from 1 (the same) to 21 (black and white); order does not matter. */
    public static double ratio(String a, String b) {
        return ratio(parse(a), parse(b));
    }

    /**
     * {@code color} if it contrasts at least {@code minimum} with {@code against}; otherwise the colour of
     * the same hue and saturation, made darker or lighter (away from {@code against}) just enough.
     */
    public static String readable(String color, String against, double minimum) {
        int rgb = parse(color);
        int background = parse(against);
        if (Double.isNaN(minimum)) {
            throw new IllegalArgumentException("minimum contrast is not a number");
        }
        if (ratio(rgb, background) >= minimum) {
            return hex(rgb);
        }
        // Walking toward whichever of black and white contrasts more with the background: if even that
        // end falls short, the other direction cannot do better, so the best end is the answer.
        boolean light = isLight(background);
        Integer found = adjust(Hsl.of(rgb), background, minimum, light ? -1 : 1);
        return hex(found != null ? found : light ? BLACK : WHITE);
    }

    /** White or near-black text, whichever reads better on {@code background}. */
    public static String textOn(String background) {
        int rgb = parse(background);
        return ratio(WHITE, rgb) >= ratio(NEAR_BLACK, rgb) ? hex(WHITE) : hex(NEAR_BLACK);
    }

    /** The first colour reaching {@code minimum} when walking the lightness toward 0 or 1, or null. */
    private static Integer adjust(Hsl hsl, int background, double minimum, int direction) {
        double end = direction < 0 ? 0 : 1;
        int steps = (int) Math.ceil(Math.abs(end - hsl.lightness()) / STEP);
        for (int i = 1; i <= steps; i++) {
            double lightness = i == steps ? end : hsl.lightness() + direction * i * STEP;
            int candidate = hsl.withLightness(lightness).toRgb();
            if (ratio(candidate, background) >= minimum) {
                return candidate;
            }
        }
        return null;
    }

    // light means black contrasts with it at least as much as white does
    private static boolean isLight(int rgb) {
        return ratio(rgb, BLACK) >= ratio(rgb, WHITE);
    }

    private static double ratio(int a, int b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(int rgb) {
        return 0.2126 * linear((rgb >> 16) & 0xff) + 0.7152 * linear((rgb >> 8) & 0xff) + 0.0722 * linear(rgb & 0xff);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static int parse(String color) {
        if (color == null || !HEX.matcher(color).matches()) {
            throw new IllegalArgumentException("not a #rrggbb colour: " + color);
        }
        return Integer.parseInt(color.substring(1), 16);
    }

    private static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb);
    }
}
