package app.landfall.branding;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GET /brand/{merchant}-{brand}-{version}.css: Landfall's stylesheet followed by the brand's colours
 * and font as custom properties, so a branded page still loads a single stylesheet and needs no
 * inline style (the CSP forbids it). The version is a hash of the palette and the base stylesheet.
 */
public final class BrandStyles {
    private static final String BASE = readBase();
    private static final Pattern PATH = Pattern.compile("(\\d{1,18})-(\\d{1,18})-([0-9a-f]{12})\\.css");
    private static final Map<Brand.Palette, String> CSS = new ConcurrentHashMap<>();

    private final Brands brands;

    BrandStyles(Brands brands) {
        this.brands = brands;
    }

    public void serve(Context ctx) {
        Matcher m = PATH.matcher(ctx.pathParam("file"));
        if (!m.matches()) {
            throw new NotFoundResponse();
        }
        Optional<Brand> brand = brands.latest(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        if (brand.isEmpty()) {
            throw new NotFoundResponse();
        }
        Brand.Palette palette = brand.get().palette();
        // an old version's URL gets today's colours, but only the current URL may be cached for long
        boolean current = version(palette).equals(m.group(3));
        ctx.header("Cache-Control", current ? "public, max-age=31536000, immutable" : "public, max-age=60");
        ctx.contentType("text/css; charset=utf-8").result(css(palette));
    }

    /**
     * A draft palette for the admin's live preview: the custom properties on {@code .brand-preview}
     * only, with the background, text and font applied there, and the colours the pages will really
     * use once each is made readable (WCAG 2.2 AA).
     */
    public static String previewCss(Brand.Palette palette) {
        BrandPalette made = BrandPalette.of(palette);
        return made.customProperties(".brand-preview")
                + ".brand-preview { background: var(--bg); color: var(--text); font-family: var(--font); }\n";
    }

    /** What each chosen colour becomes on the pages to stay readable (equal to the choice when it already is). */
    public record Readable(String primary, String onPrimary, String accent, String text) {
    }

    public static Readable readable(Brand.Palette palette) {
        BrandPalette made = BrandPalette.of(palette);
        return new Readable(made.brand(), made.onBrand(), made.accent(), made.text());
    }

    /** The fonts a brand may choose: system fonts only, so no page loads a font from anywhere. */
    public static java.util.Set<String> fonts() {
        return BrandPalette.FONTS.keySet();
    }

    static String css(Brand.Palette palette) {
        return CSS.computeIfAbsent(palette, p -> BASE + "\n" + BrandPalette.of(p).customProperties());
    }

    static String version(Brand.Palette palette) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(BASE.getBytes(StandardCharsets.UTF_8));
            digest.update(palette.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String readBase() {
        try (InputStream in = BrandStyles.class.getClassLoader().getResourceAsStream("static/css/landfall.css")) {
            if (in == null) {
                throw new IllegalStateException("static/css/landfall.css is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
