package app.landfall.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StorableTextTest {
    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("plain text", "Zoë Müller, 12 Elm St.", true),
                Arguments.of("tab, line feed, carriage return", "a\tb\nc\rd", true),
                Arguments.of("an emoji (a whole surrogate pair)", "parcel \uD83D\uDCE6 arrived", true),
                Arguments.of("empty", "", true),
                Arguments.of("null", null, true),
                Arguments.of("NUL", "A-1\u0000", false),
                Arguments.of("NUL alone", "\u0000", false),
                Arguments.of("bell", "ring\u0007", false),
                Arguments.of("unit separator", "a\u001Fb", false),
                Arguments.of("escape", "\u001B[31m", false),
                Arguments.of("lone high surrogate at the end", "x\uD83D", false),
                Arguments.of("lone high surrogate before a letter", "\uD83Dx", false),
                Arguments.of("lone low surrogate", "\uDCA6y", false),
                Arguments.of("a pair in the wrong order", "\uDCA6\uD83D", false));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("texts")
    void text_is_storable_without_controls_and_broken_pairs(String what, String text, boolean storable) {
        assertEquals(storable, StorableText.isStorable(text), what);
    }
}
