package app.landfall.images;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Draws a decoded upload anew into a fresh image, no larger than the caller shows it: only the
 * pixels of the original are kept, never its metadata or anything else in its file.
 */
public final class ImageScaler {
    private ImageScaler() {
    }

    /**
     * The picture at most {@code maxSide} pixels on its long side (never enlarged, never below one
     * pixel), drawn bicubically into an image of {@code imageType} ({@code BufferedImage.TYPE_INT_ARGB}, ...).
     */
    public static BufferedImage fit(BufferedImage image, int maxSide, int imageType) {
        double scale = Math.min(1.0, (double) maxSide / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage copy = new BufferedImage(width, height, imageType);
        Graphics2D g = copy.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return copy;
    }
}
