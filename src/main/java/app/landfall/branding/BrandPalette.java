package app.landfall.branding;

import java.util.Map;

/**
 * A brand's colours made safe to read: each is checked against what it is drawn on and darkened or
 * lightened just enough to meet WCAG 2.2 AA (4.5:1 for text, 3:1 for bars, borders and focus rings).
 */
record BrandPalette(String brand, String onBrand, String accent, String background, String text, String surface,
        String muted, String border, String fieldBorder, String focus, String font) {

    /** System fonts only: a brand font never costs a download or a request to a font host. */
    static final Map<String, String> FONTS = Map.of(
            "system", "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, sans-serif",
            "serif", "\"Iowan Old Style\", \"Palatino Linotype\", Palatino, \"URW Palladio L\", P052, Georgia, serif",
            "rounded", "ui-rounded, \"SF Pro Rounded\", \"Hiragino Maru Gothic ProN\", Quicksand, Comfortaa, Manjari, \"Arial Rounded MT\", Calibri, sans-serif",
            "mono", "ui-monospace, \"Cascadia Code\", \"Source Code Pro\", Menlo, Consolas, \"DejaVu Sans Mono\", monospace",
            "humanist", "Seravek, \"Gill Sans Nova\", Ubuntu, Calibri, \"DejaVu Sans\", source-sans-pro, sans-serif",
            "geometric", "Avenir, Montserrat, Corbel, \"URW Gothic\", source-sans-pro, sans-serif");

    static BrandPalette of(Brand.Palette p) {
        String background = p.background();
        String text = Contrast.readable(p.text(), background, 4.5);
        String surface = mix(background, text, 0.04);
        String brand = Contrast.readable(p.primary(), surface, 4.5);
        String onBrand = Contrast.textOn(brand);
        brand = Contrast.readable(brand, onBrand, 4.5);
        String accent = Contrast.readable(p.accent(), background, 3.0);
        String muted = Contrast.readable(mix(text, background, 0.3), surface, 4.5);
        String border = mix(background, text, 0.18);
        String fieldBorder = Contrast.readable(mix(background, text, 0.45), background, 3.0);
        String focus = Contrast.readable(brand, background, 3.0);
        return new BrandPalette(brand, onBrand, accent, background, text, surface, muted, border, fieldBorder, focus,
                FONTS.getOrDefault(p.font(), FONTS.get("system")));
    }

    String customProperties() {
        return customProperties(":root");
    }

    /** The same properties on another selector (the admin's preview box, which must not restyle the admin). */
    String customProperties(String selector) {
        return selector + " {\n"
                + "  --brand: " + brand + ";\n"
                + "  --on-brand: " + onBrand + ";\n"
                + "  --accent: " + accent + ";\n"
                + "  --bg: " + background + ";\n"
                + "  --text: " + text + ";\n"
                + "  --surface: " + surface + ";\n"
                + "  --muted: " + muted + ";\n"
                + "  --border: " + border + ";\n"
                + "  --field-border: " + fieldBorder + ";\n"
                + "  --focus: " + focus + ";\n"
                + "  --font: " + font + ";\n"
                + "}\n";
    }

    /** a moved toward b by the fraction t, channel by channel. */
    static String mix(String a, String b, double t) {
        StringBuilder out = new StringBuilder("#");
        for (int i = 1; i < 7; i += 2) {
            int x = Integer.parseInt(a.substring(i, i + 2), 16);
            int y = Integer.parseInt(b.substring(i, i + 2), 16);
            out.append(String.format("%02x", Math.round(x + (y - x) * t)));
        }
        return out.toString();
    }
}
