package app.landfall.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.landfall.testing.QrDecoding;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodesTest {
    private static final String URL = "https://track.example.com/t/Ab3_dEf-GhIjKlMnOpQrStUvWxYz0123/return";

    @Test
    void the_png_reads_back_as_the_url() {
        assertEquals(URL, QrDecoding.fromPng(QrCodes.png(URL, 8)));
    }

    @Test
    void the_svg_reads_back_as_the_url() {
        assertEquals(URL, QrDecoding.fromSvg(QrCodes.svg(URL, "Start a return")));
    }

    @Test
    void each_module_of_the_png_is_a_square_of_whole_pixels_in_pure_black_or_white() throws Exception {
        var matrix = QrCodes.matrix(URL);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(QrCodes.png(URL, 5)));
        assertEquals(matrix.getWidth() * 5, png.getWidth());
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                int expected = matrix.get(x / 5, y / 5) ? 0x000000 : 0xFFFFFF;
                assertEquals(expected, png.getRGB(x, y) & 0xFFFFFF, "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void a_scale_of_no_pixels_or_a_poster_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> QrCodes.png(URL, 0));
        assertThrows(IllegalArgumentException.class, () -> QrCodes.png(URL, 41));
    }
}
