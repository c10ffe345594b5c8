package app.landfall.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.landfall.notifications.TextSegments.Encoding;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextSegmentsTest {

    @ParameterizedTest(name = "{0} × {1}: {2}, {3} units, {4} segments")
    @CsvSource(delimiter = '|', value = {
            // GSM-7: 160 in one, 153 per part
            "a         | 1   | GSM_7 | 1   | 1",
            "a         | 160 | GSM_7 | 160 | 1",
            "a         | 161 | GSM_7 | 161 | 2",
            "a         | 306 | GSM_7 | 306 | 2",
            "a         | 307 | GSM_7 | 307 | 3",
            // German and French letters of the GSM alphabet stay GSM-7
            "Rücksendung für Sie, accepté à | 1 | GSM_7 | 30 | 1",
            // the extension table takes two places each
            "€         | 80  | GSM_7 | 160 | 1",
            "€         | 81  | GSM_7 | 162 | 2",
            "[         | 80  | GSM_7 | 160 | 1",
            // any other character makes it UCS-2: 70 in one, 67 per part
            "ó         | 70  | UCS_2 | 70  | 1",
            "ó         | 71  | UCS_2 | 71  | 2",
            "ó         | 134 | UCS_2 | 134 | 2",
            "ó         | 135 | UCS_2 | 135 | 3",
            "ç         | 1   | UCS_2 | 1   | 1",
            // an emoji is two UTF-16 units
            "📦        | 35  | UCS_2 | 70  | 1",
            "📦        | 36  | UCS_2 | 72  | 2",
    })
    void counts_segments(String piece, int times, Encoding encoding, int units, int segments) {
        assertEquals(new TextSegments(encoding, units, segments), TextSegments.of(piece.repeat(times)));
    }

    @ParameterizedTest(name = "{0} letters, a € and {1} more: {2} segments")
    @CsvSource(delimiter = '|', value = {
            // the € fits at the end of the first part (151 + 2 = 153): two parts of 153
            "151 | 153 | 2",
            // it would straddle the first part's end (152 + 2): it opens the second, which then overflows
            "152 | 152 | 3",
    })
    void an_extension_character_is_never_split_between_parts(int before, int after, int segments) {
        TextSegments count = TextSegments.of("a".repeat(before) + "€" + "b".repeat(after));
        assertEquals(new TextSegments(Encoding.GSM_7, 306, segments), count);
    }

    @ParameterizedTest(name = "{0} letters, an emoji and {1} more: {2} segments")
    @CsvSource(delimiter = '|', value = {
            "65 | 67 | 2",
            "66 | 66 | 3",
    })
    void a_surrogate_pair_is_never_split_between_parts(int before, int after, int segments) {
        TextSegments count = TextSegments.of("ó".repeat(before) + "📦" + "ó".repeat(after));
        assertEquals(new TextSegments(Encoding.UCS_2, 134, segments), count);
    }
}
