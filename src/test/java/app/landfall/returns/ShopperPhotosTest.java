package app.landfall.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.landfall.images.ImageType;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ShopperPhotosTest {
    static byte[] encode(BufferedImage image, String format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    static BufferedImage picture(int w, int h, int type) {
        BufferedImage image = new BufferedImage(w, h, type);
        var g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return image;
    }

    static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    @Test
    void a_jpeg_is_redrawn_without_its_metadata() throws Exception {
        byte[] jpeg = encode(picture(640, 480, BufferedImage.TYPE_INT_RGB), "jpg");
        byte[] exif = "Exif\0\0GPSLatitude 45.52 N; camera serial 12345".getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer withExif = ByteBuffer.allocate(jpeg.length + 4 + exif.length);
        withExif.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE1).putShort((short) (exif.length + 2)).put(exif).put(jpeg, 2, jpeg.length - 2);
        var checked = ShopperPhotos.check(withExif.array());
        assertNull(checked.problem());
        assertEquals("image/jpeg", checked.photo().contentType());
        assertEquals(640, checked.photo().width());
        assertFalse(contains(checked.photo().body(), "GPSLatitude"), "the metadata is gone");
        assertFalse(contains(checked.photo().body(), "Exif"));
        assertNotNull(ImageIO.read(new java.io.ByteArrayInputStream(checked.photo().body())), "the result is a real JPEG");
    }

    @Test
    void a_large_picture_is_scaled_down_and_transparency_stays_png() throws Exception {
        var big = ShopperPhotos.check(encode(picture(3000, 1500, BufferedImage.TYPE_INT_RGB), "png"));
        assertEquals(2000, big.photo().width());
        assertEquals(1000, big.photo().height());
        assertEquals("image/jpeg", big.photo().contentType(), "no transparency: JPEG");
        var transparent = ShopperPhotos.check(encode(picture(50, 40, BufferedImage.TYPE_INT_ARGB), "png"));
        assertEquals("image/png", transparent.photo().contentType());
        assertEquals(ImageType.PNG, ImageType.of(transparent.photo().body()).orElseThrow());
    }

    @Test
    void a_webp_photo_is_accepted_and_stored_as_jpeg() {
        byte[] webp = Base64.getDecoder().decode("UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA");
        var checked = ShopperPhotos.check(webp);
        assertNull(checked.problem(), checked.problem());
        assertEquals("image/jpeg", checked.photo().contentType());
        assertEquals(1, checked.photo().width());
    }

    @Test
    void what_is_not_a_photo_is_refused_whatever_it_is_called() throws Exception {
        assertEquals("return.photo.not_an_image", ShopperPhotos.check("%PDF-1.7\n1 0 obj".getBytes(StandardCharsets.US_ASCII)).problem(),
                "a PDF renamed .jpg");
        assertEquals("return.photo.not_an_image", ShopperPhotos.check("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.US_ASCII)).problem());
        assertEquals("return.photo.not_an_image", ShopperPhotos.check(encode(picture(4, 4, BufferedImage.TYPE_INT_RGB), "gif")).problem(),
                "GIF is not offered");
        byte[] truncated = Arrays.copyOf(encode(picture(64, 64, BufferedImage.TYPE_INT_RGB), "jpg"), 40);
        assertEquals("return.photo.not_an_image", ShopperPhotos.check(truncated).problem());
        assertEquals("return.photo.empty", ShopperPhotos.check(new byte[0]).problem());
    }

    @Test
    void a_fifty_megabyte_file_and_a_picture_claiming_a_billion_pixels_are_refused() throws Exception {
        byte[] huge = new byte[50_000_000];
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        huge[2] = (byte) 0xFF;
        assertEquals("return.photo.too_large", ShopperPhotos.check(huge).problem());

        byte[] png = encode(picture(8, 8, BufferedImage.TYPE_INT_RGB), "png");
        ByteBuffer header = ByteBuffer.wrap(png);
        header.putInt(16, 40_000).putInt(20, 40_000); // IHDR width and height: 1.6 billion pixels in a few hundred bytes
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17); // "IHDR" and its 13 bytes
        header.putInt(29, (int) crc.getValue());
        assertEquals("return.photo.too_many_pixels", ShopperPhotos.check(png).problem());
    }
}
