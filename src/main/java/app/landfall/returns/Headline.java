package app.landfall.returns;

import static app.landfall.returns.ReturnDocuments.BOLD;
import static app.landfall.returns.ReturnDocuments.text;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;

/**
 * Text that must fit a width on paper: a store's name shrinks, then wraps, and is never cut;
 * other lines wrap at spaces (a long word or address is broken where it must) or are shortened
 * with an ellipsis where one line is all there is room for.
 */
final class Headline {
    private static final float LARGEST = 24;
    private static final float SMALLEST = 14;

    private Headline() {
    }

    /** Draws the name as large as fits on one line, down to 14 pt, then wrapped; returns the next baseline. */
    static float draw(PDPageContentStream out, String name, float x, float y, float width) throws IOException {
        float size = LARGEST;
        while (size > SMALLEST && width(BOLD, size, name) > width) {
            size -= 1;
        }
        for (String line : wrap(BOLD, size, name, width)) {
            y = text(out, BOLD, size, x, y, line);
        }
        return y;
    }

    static List<String> wrap(PDType1Font font, float size, String s, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.strip().split("\\s+")) {
            String tried = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, tried) <= width) {
                line.setLength(0);
                line.append(tried);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            while (width(font, size, word) > width) { // a word longer than the line: broken
                int fits = fitting(font, size, word, width);
                lines.add(word.substring(0, fits));
                word = word.substring(fits);
            }
            line.append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The text on one line, shortened with "…" when it is wider. */
    static String cut(PDType1Font font, float size, String s, float width) throws IOException {
        if (width(font, size, s) <= width) {
            return s;
        }
        return s.substring(0, Math.max(1, fitting(font, size, s, width - width(font, size, "…")))).stripTrailing() + "…";
    }

    /** How wide the text is in points, as it will be printed (characters the font lacks replaced). */
    static float width(PDType1Font font, float size, String s) throws IOException {
        return font.getStringWidth(ReturnDocuments.printable(s)) / 1000 * size;
    }

    /** How many leading characters fit (at least one, so breaking always moves on). */
    private static int fitting(PDType1Font font, float size, String s, float width) throws IOException {
        int n = 1;
        while (n < s.length() && width(font, size, s.substring(0, n + 1)) <= width) {
            n++;
        }
        return n;
    }
}
