package app.landfall.returns;

import app.landfall.images.ImageDecoder;
import app.landfall.images.ImageScaler;
import app.landfall.images.ImageType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Photos a shopper attaches to a return. Only JPEG, PNG and WebP, recognised by their bytes (a
 * renamed PDF or an SVG is refused whatever its name or type says), at most 5 MB and 40
 * megapixels. The picture is decoded and drawn anew: what is stored is a fresh JPEG (PNG when it
 * has transparency) at most 2,000 pixels on its long side, so no metadata (location, camera
 * serial) and nothing hidden in the original file reaches the merchant.
 */
public final class ShopperPhotos {
    public static final int MAX_BYTES = 5_000_000;
    static final long MAX_PIXELS = 40_000_000;
    static final int MAX_SIDE = 2_000;
    /** Photos decoded at once: each can take tens of megabytes while it is read. */
    private static final Semaphore DECODERS = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);

    private ShopperPhotos() {
    }

    /** A photo that passed, or the reason it did not (a message key for the shopper). */
    public record Checked(ReturnSubmissions.Photo photo, String problem) {
        static Checked refused(String problem) {
            return new Checked(null, problem);
        }
    }

    public static Checked check(byte[] upload) {
        if (upload == null || upload.length == 0) {
            return Checked.refused("return.photo.empty");
        }
        if (upload.length > MAX_BYTES) {
            return Checked.refused("return.photo.too_large");
        }
        Optional<ImageType> type = ImageType.of(upload);
        if (type.isEmpty() || type.get() == ImageType.GIF) {
            return Checked.refused("return.photo.not_an_image");
        }
        try {
            DECODERS.acquireUninterruptibly();
            try {
                BufferedImage image = ImageDecoder.read(upload, MAX_PIXELS, MAX_SIDE);
                if (image == null) {
                    return Checked.refused("return.photo.not_an_image");
                }
                return new Checked(reencode(image), null);
            } finally {
                DECODERS.release();
            }
        } catch (ImageDecoder.TooManyPixels e) {
            return Checked.refused("return.photo.too_many_pixels");
        } catch (IOException | RuntimeException e) { // a truncated or corrupt file: the decoders say so in many ways
            return Checked.refused("return.photo.not_an_image");
        }
    }

    private static ReturnSubmissions.Photo reencode(BufferedImage original) throws IOException {
        boolean alpha = original.getColorModel().hasAlpha();
        BufferedImage copy = ImageScaler.fit(original, MAX_SIDE, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (alpha) {
            ImageIO.write(copy, "png", out);
            return new ReturnSubmissions.Photo("image/png", out.toByteArray(), copy.getWidth(), copy.getHeight());
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(copy, null, null), param);
        } finally {
            writer.dispose();
        }
        return new ReturnSubmissions.Photo("image/jpeg", out.toByteArray(), copy.getWidth(), copy.getHeight());
    }
}
