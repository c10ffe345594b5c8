package app.landfall.returns;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * QR codes as the pages and documents need them: the module grid (the one place text is encoded),
 * as SVG for screens, as PNG for tools that take no SVG.
 */
public final class QrCodes {
    /** Pixels a module for downloads: a code of ~40 modules is ~330 px, sharp on screen and on a 203 dpi label printer. */
    public static final int DOWNLOAD_SCALE = 8;

    private QrCodes() {
    }

    /** The modules of a QR code for this text, with ZXing's quiet zone of 4 modules around it. */
    public static BitMatrix matrix(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode " + text.length() + " characters as a QR code", e);
        }
    }

    /**
     * An SVG image: one path of unit squares, black on white, scaled by the viewer. No script,
     * no style element, nothing the page's CSP would object to.
     */
    public static String svg(String text, String title) {
        BitMatrix m = matrix(text);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight()
                + "\" shape-rendering=\"crispEdges\" role=\"img\"><title>" + escape(title) + "</title>"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    /**
     * A black-and-white PNG, each module a square of {@code pixelsPerModule} pixels: whole pixels
     * only, so the edges stay sharp however the image is printed or scaled by whole factors.
     */
    public static byte[] png(String text, int pixelsPerModule) {
        if (pixelsPerModule < 1 || pixelsPerModule > 40) {
            throw new IllegalArgumentException("pixels per module must be 1 to 40, not " + pixelsPerModule);
        }
        BitMatrix m = matrix(text);
        int size = m.getWidth() * pixelsPerModule;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, m.get(x / pixelsPerModule, y / pixelsPerModule) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
