package app.landfall.images;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes an uploaded image (shoppers' photos, merchants' logos) without trusting it: the size is
 * read from the header first, so a small file claiming a huge picture is refused before decoding,
 * and a big picture is read at every n-th pixel when it will be drawn smaller anyway.
 */
public final class ImageDecoder {
    private ImageDecoder() {
    }

    /** More pixels than the caller accepts. */
    public static final class TooManyPixels extends Exception {
        TooManyPixels() {
            super(null, null, false, false);
        }
    }

    /** The picture, or null when no reader knows the format; subsampled to about {@code maxSide} × 2 on its long side. */
    public static BufferedImage read(byte[] upload, long maxPixels, int maxSide) throws IOException, TooManyPixels {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                if ((long) reader.getWidth(0) * reader.getHeight(0) > maxPixels) {
                    throw new TooManyPixels();
                }
                int longSide = Math.max(reader.getWidth(0), reader.getHeight(0));
                ImageReadParam param = reader.getDefaultReadParam();
                int step = longSide / (2 * maxSide);
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }
}
