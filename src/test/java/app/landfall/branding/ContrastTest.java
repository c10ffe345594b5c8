package app.landfall.branding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContrastTest {

    @ParameterizedTest
    @CsvSource({
        // a,      b,       ratio (WebAIM's contrast checker)
        "#000000, #ffffff, 21.0",
        "#ffffff, #000000, 21.0",
        "#777777, #ffffff, 4.48",
        "#767676, #ffffff, 4.54",
        "#ff0000, #ffffff, 4.00",
        "#0000ff, #ffffff, 8.59",
        "#00ff00, #000000, 15.3",
        "#1a1a1a, #ffffff, 17.4",
        "#123456, #123456, 1.0",
        "#FFFFFF, #000000, 21.0",
    })
    void computes_known_ratios(String a, String b, double expected) {
        assertEquals(expected, Contrast.ratio(a, b), 0.01);
    }

    @ParameterizedTest
    @CsvSource({
        "#1a73e8, #ffffff, 4.5, #1a73e8",
        "#000000, #ffffff, 7.0, #000000",
        "#FFDD00, #000000, 4.5, #ffdd00",
        "#777777, #ffffff, 3.0, #777777",
    })
    void leaves_readable_colours_alone_but_lowercased(String color, String against, double minimum, String expected) {
        assertEquals(expected, Contrast.readable(color, against, minimum));
    }

    @ParameterizedTest
    @CsvSource({
        // colour, background, minimum, darker?
        "#fff176, #ffffff, 4.5, true",
        "#ffeb3b, #ffffff, 4.5, true",
        "#ff6600, #ffffff, 4.5, true",
        "#777777, #ffffff, 4.5, true",
        "#001f3f, #000000, 4.5, false",
        "#0000aa, #000000, 3.0, false",
        "#3a1c71, #111111, 7.0, false",
        "#33ccff, #ffffff, 3.0, true",
    })
    void fixes_an_unreadable_colour_by_moving_it_away_from_the_background(
            String color, String against, double minimum, boolean darker) {
        String fixed = Contrast.readable(color, against, minimum);
        assertTrue(Contrast.ratio(fixed, against) >= minimum, fixed);
        double before = Hsl.of(rgb(color)).lightness();
        double after = Hsl.of(rgb(fixed)).lightness();
        assertTrue(darker ? after < before : after > before, color + " became " + fixed);
    }

    @ParameterizedTest
    @CsvSource({
        "#fff176, #ffffff",
        "#ff6600, #ffffff",
        "#33ccff, #ffffff",
        "#e91e63, #ffffff",
        "#001f3f, #000000",
        "#0000aa, #000000",
        "#8b0000, #000000",
    })
    void keeps_the_hue_of_a_saturated_colour(String color, String against) {
        String fixed = Contrast.readable(color, against, 4.5);
        assertEquals(Hsl.of(rgb(color)).hue(), Hsl.of(rgb(fixed)).hue(), 3.0, color + " became " + fixed);
    }

    @Test
    void moves_only_as_far_as_needed() {
        String fixed = Contrast.readable("#777777", "#ffffff", 4.5);
        assertTrue(Contrast.ratio(fixed, "#ffffff") < 4.7, fixed);
    }

    @Test
    void on_a_mid_grey_goes_toward_whichever_of_black_and_white_contrasts_more() {
        // black reaches 4.69 on #777777, white only 4.48
        String fixed = Contrast.readable("#ff8080", "#777777", 4.6);
        assertTrue(Contrast.ratio(fixed, "#777777") >= 4.6, fixed);
        assertTrue(Hsl.of(rgb(fixed)).lightness() < Hsl.of(0xff8080).lightness(), fixed);
    }

    @Test
    void falls_back_to_black_or_white_when_nothing_reaches_the_minimum() {
        assertEquals("#000000", Contrast.readable("#ff6600", "#ffffff", 25));
        assertEquals("#ffffff", Contrast.readable("#ff6600", "#000000", 25));
        assertEquals("#000000", Contrast.readable("#ff6600", "#777777", 7));
    }

    @Property
    void any_colour_is_made_readable_at_aa_on_any_background(
            @ForAll @IntRange(max = 0xffffff) int color, @ForAll @IntRange(max = 0xffffff) int background) {
        String fixed = Contrast.readable(hex(color), hex(background), 4.5);
        assertTrue(Contrast.ratio(fixed, hex(background)) >= 4.5, hex(color) + " on " + hex(background) + " gave " + fixed);
    }

    @ParameterizedTest
    @CsvSource({
        "#003366, #ffffff",
        "#1a237e, #ffffff",
        "#000000, #ffffff",
        "#ffeb3b, #1a1a1a",
        "#ffffff, #1a1a1a",
        "#7fdbff, #1a1a1a",
    })
    void picks_white_or_near_black_text(String background, String expected) {
        assertEquals(expected, Contrast.textOn(background));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "#fff", "ffffff", "#fffffff", "#gggggg", "red", " #ffffff", "#ffffff ", "rgb(0,0,0)"})
    void rejects_a_bad_colour(String bad) {
        assertThrows(IllegalArgumentException.class, () -> Contrast.ratio(bad, "#ffffff"));
        assertThrows(IllegalArgumentException.class, () -> Contrast.ratio("#ffffff", bad));
        assertThrows(IllegalArgumentException.class, () -> Contrast.readable(bad, "#ffffff", 4.5));
        assertThrows(IllegalArgumentException.class, () -> Contrast.readable("#000000", bad, 4.5));
        assertThrows(IllegalArgumentException.class, () -> Contrast.textOn(bad));
    }

    @Test
    void rejects_a_minimum_that_is_not_a_number() {
        assertThrows(IllegalArgumentException.class, () -> Contrast.readable("#000000", "#ffffff", Double.NaN));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x000000, 0xffffff, 0xff0000, 0x00ff00, 0x0000ff, 0x123456, 0xfff176, 0x808080})
    void converts_to_hsl_and_back_without_loss(int rgb) {
        assertEquals(rgb, Hsl.of(rgb).toRgb());
    }

    private static int rgb(String hex) {
        return Integer.parseInt(hex.substring(1), 16);
    }

    private static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb);
    }
}
