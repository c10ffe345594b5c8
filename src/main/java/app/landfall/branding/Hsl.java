package app.landfall.branding;

/** A colour as hue (degrees, 0–360), saturation and lightness (0–1), converted to and from 0xrrggbb. */
record Hsl(double hue, double saturation, double lightness) {

    static Hsl of(int rgb) {
        double r = ((rgb >> 16) & 0xff) / 255.0;
        double g = ((rgb >> 8) & 0xff) / 255.0;
        double b = (rgb & 0xff) / 255.0;
        double max = Math.max(r, Math.max(g, b));
        double min = Math.min(r, Math.min(g, b));
        double lightness = (max + min) / 2;
        double delta = max - min;
        if (delta == 0) {
            return new Hsl(0, 0, lightness);
        }
        double saturation = lightness > 0.5 ? delta / (2 - max - min) : delta / (max + min);
        double hue;
        if (max == r) {
            hue = (g - b) / delta + (g < b ? 6 : 0);
        } else if (max == g) {
            hue = (b - r) / delta + 2;
        } else {
            hue = (r - g) / delta + 4;
        }
        return new Hsl(hue * 60, saturation, lightness);
    }

    Hsl withLightness(double value) {
        return new Hsl(hue, saturation, Math.max(0, Math.min(1, value)));
    }

    int toRgb() {
        if (saturation == 0) {
            int grey = channel(lightness);
            return grey << 16 | grey << 8 | grey;
        }
        double q = lightness < 0.5 ? lightness * (1 + saturation) : lightness + saturation - lightness * saturation;
        double p = 2 * lightness - q;
        double h = hue / 360;
        return channel(fromHue(p, q, h + 1.0 / 3)) << 16 | channel(fromHue(p, q, h)) << 8
                | channel(fromHue(p, q, h - 1.0 / 3));
    }

    private static double fromHue(double p, double q, double t) {
        t = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
        if (t < 1.0 / 6) {
            return p + (q - p) * 6 * t;
        }
        if (t < 1.0 / 2) {
            return q;
        }
        if (t < 2.0 / 3) {
            return p + (q - p) * (2.0 / 3 - t) * 6;
        }
        return p;
    }

    private static int channel(double value) {
        return (int) Math.round(Math.max(0, Math.min(1, value)) * 255);
    }
}
