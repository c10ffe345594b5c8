package app.landfall.branding;

import static app.landfall.db.schema.Tables.BRAND_LOGOS;

import app.landfall.images.ImageDecoder;
import app.landfall.images.ImageScaler;
import app.landfall.images.ImageType;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jooq.DSLContext;

/**
 * Logos: a PNG, JPEG or WebP (checked by its content, never by its name; no SVG, which can carry
 * script) of at most 1 MB, decoded, scaled to at most 512 pixels across and written again as PNG, so
 * nothing of the upload but its pixels is kept (no metadata, no trailing bytes). Served publicly
 * from this server, as tracking pages show them.
 */
public final class BrandLogos {
    static final int MAX_BYTES = 1_000_000;
    static final int MAX_SIDE = 512;
    private static final long MAX_PIXELS = 25_000_000;
    private static final Pattern PATH = Pattern.compile("(\\d{1,18})-(\\d{1,18})\\.png");
    private final DSLContext dsl;

    BrandLogos(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The re-encoded logo, or why the upload is refused (in words for the merchant). */
    record Checked(byte[] png, int width, int height, String problem) {
    }

    static Checked check(byte[] upload) {
        if (upload == null || upload.length == 0) {
            return refused("Choose an image file for the logo.");
        }
        if (upload.length > MAX_BYTES) {
            return refused("The logo is larger than 1 MB. A logo needs at most 512 pixels across: save it smaller and try again.");
        }
        Optional<ImageType> type = ImageType.of(upload);
        if (type.isEmpty() || type.get() == ImageType.GIF) {
            return refused("That file is not a PNG, JPEG or WebP image (SVG is not accepted: export the logo as PNG).");
        }
        try {
            BufferedImage image = ImageDecoder.read(upload, MAX_PIXELS, MAX_SIDE);
            if (image == null) {
                return refused("That file is not a PNG, JPEG or WebP image (SVG is not accepted: export the logo as PNG).");
            }
            BufferedImage copy = ImageScaler.fit(image, MAX_SIDE, BufferedImage.TYPE_INT_ARGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(copy, "png", out);
            return new Checked(out.toByteArray(), copy.getWidth(), copy.getHeight(), null);
        } catch (ImageDecoder.TooManyPixels e) {
            return refused("That image has too many pixels: a logo needs at most 512 across. Save it smaller and try again.");
        } catch (IOException | RuntimeException e) { // truncated or corrupt: decoders fail in many ways
            return refused("That image could not be read: it may be damaged. Export it again as PNG and try again.");
        }
    }

    private static Checked refused(String problem) {
        return new Checked(null, 0, 0, problem);
    }

    /** Stores a checked logo; returns the URL pages show it at. */
    static String store(DSLContext tx, long merchantId, Checked logo) {
        long id = tx.insertInto(BRAND_LOGOS).set(BRAND_LOGOS.MERCHANT_ID, merchantId).set(BRAND_LOGOS.PNG, logo.png())
                .set(BRAND_LOGOS.WIDTH, logo.width()).set(BRAND_LOGOS.HEIGHT, logo.height())
                .returning(BRAND_LOGOS.ID).fetchSingle(BRAND_LOGOS.ID);
        return "/brand/logo/" + merchantId + "-" + id + ".png";
    }

    /** GET /brand/logo/{merchant}-{id}.png: a logo never changes under its URL. */
    public void serve(Context ctx) {
        Matcher m = PATH.matcher(ctx.pathParam("file"));
        if (!m.matches()) {
            throw new NotFoundResponse();
        }
        byte[] png = dsl.select(BRAND_LOGOS.PNG).from(BRAND_LOGOS)
                .where(BRAND_LOGOS.MERCHANT_ID.eq(Long.parseLong(m.group(1)))).and(BRAND_LOGOS.ID.eq(Long.parseLong(m.group(2))))
                .fetchOptional(BRAND_LOGOS.PNG).orElseThrow(NotFoundResponse::new);
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType("image/png").result(png);
    }
}
