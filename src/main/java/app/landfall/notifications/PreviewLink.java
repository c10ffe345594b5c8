package app.landfall.notifications;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The words being previewed, carried in the address of the preview frame ({@code ?w=}): the frame
 * is a page of its own (its policy lets the email's inline styles apply), so it gets the unsaved
 * words this way. Compressed, so a long message still fits in a URL.
 */
final class PreviewLink {
    private static final int MAX_BYTES = 16_000;

    private PreviewLink() {
    }

    static String pack(CustomWords.Words words) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput((words.subject() + "\u0000" + words.body()).getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /** The words of a link, or empty when it is not one this editor made (or would inflate beyond any message). */
    static Optional<CustomWords.Words> unpack(String packed) {
        if (packed == null || packed.length() > MAX_BYTES) {
            return Optional.empty();
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(Base64.getUrlDecoder().decode(packed));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return Optional.empty();
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_BYTES) {
                    return Optional.empty();
                }
            }
            String text = out.toString(StandardCharsets.UTF_8);
            int split = text.indexOf('\u0000');
            return split < 0 ? Optional.empty() : Optional.of(new CustomWords.Words(text.substring(0, split), text.substring(split + 1)));
        } catch (IllegalArgumentException | DataFormatException e) {
            return Optional.empty();
        } finally {
            inflater.end();
        }
    }
}
