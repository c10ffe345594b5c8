package app.landfall.testing;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Reads QR codes back from what Landfall serves (PNG, SVG, PDF), as a phone's camera would, to check what they open. */
public final class QrDecoding {
    private static final Pattern SQUARE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");

    private QrDecoding() {
    }

    public static String fromPng(byte[] png) {
        try {
            return decode(ImageIO.read(new ByteArrayInputStream(png)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws the SVG's unit squares (the only shapes it has) at 6 px a module, then reads the picture. */
    public static String fromSvg(String svg) {
        Matcher box = VIEW_BOX.matcher(svg);
        if (!box.find()) {
            throw new AssertionError("no viewBox in " + svg);
        }
        int scale = 6;
        BufferedImage image = new BufferedImage(Integer.parseInt(box.group(1)) * scale, Integer.parseInt(box.group(2)) * scale,
                BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(java.awt.Color.BLACK);
        Matcher squares = SQUARE.matcher(svg);
        while (squares.find()) {
            g.fillRect(Integer.parseInt(squares.group(1)) * scale, Integer.parseInt(squares.group(2)) * scale, scale, scale);
        }
        g.dispose();
        return decode(image);
    }

    /** Renders a page of the PDF at 150 dpi, as a printer and a phone would see it. */
    public static String fromPdf(byte[] pdf, int page) {
        try (var doc = Loader.loadPDF(pdf)) {
            return decode(new PDFRenderer(doc).renderImageWithDPI(page, 150));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String decode(BufferedImage image) {
        try {
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            var source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                    Map.of(DecodeHintType.TRY_HARDER, true)).getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("no QR code could be read", e);
        }
    }
}
