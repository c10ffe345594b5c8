package app.landfall.images;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageTypeTest {
    private static byte[] encoded(String format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void recognises_real_png_jpeg_and_gif_files_by_their_bytes() throws Exception {
        assertEquals(Optional.of(ImageType.PNG), ImageType.of(encoded("png")));
        assertEquals(Optional.of(ImageType.JPEG), ImageType.of(encoded("jpg")));
        assertEquals(Optional.of(ImageType.GIF), ImageType.of(encoded("gif")));
    }

    @Test
    void recognises_webp_by_its_riff_header() {
        assertEquals(Optional.of(ImageType.WEBP), ImageType.of(ascii("RIFF\u0024\0\0\0WEBPVP8 ")));
        assertEquals(Optional.empty(), ImageType.of(ascii("RIFF\u0024\0\0\0WAVEfmt ")), "a RIFF file that is audio");
    }

    @Test
    void refuses_what_only_claims_to_be_an_image() {
        assertEquals(Optional.empty(), ImageType.of(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")));
        assertEquals(Optional.empty(), ImageType.of(ascii("<!DOCTYPE html><html>")));
        assertEquals(Optional.empty(), ImageType.of(ascii("%PDF-1.7")));
        assertEquals(Optional.empty(), ImageType.of(ascii("GIF8")), "cut short");
        assertEquals(Optional.empty(), ImageType.of(new byte[0]));
        assertEquals(Optional.empty(), ImageType.of(new byte[] {(byte) 0x89, 'P', 'N', 'G'}), "a PNG signature cut short");
    }
}
