package app.landfall.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguagesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        # case                                         | query | cookie | Accept-Language                    | enabled  | default | chosen
        the query wins over everything                 | fr    | de     | es                                 | en de fr es | en   | fr
        the query is case-insensitive and trimmed      | ' DE '| -      | -                                  | en de    | en      | de
        a query for a disabled language is ignored     | fr    | de     | es                                 | en de es | en      | de
        a query for an unknown language is ignored     | xx    | -      | es                                 | en es    | en      | es
        an empty query is ignored                      | ''    | es     | -                                  | en es    | en      | es
        the cookie comes next                          | -     | de     | fr                                 | en de fr | en      | de
        a cookie for a disabled language is ignored    | -     | fr     | de                                 | en de    | en      | de
        the header comes next                          | -     | -      | de                                 | en de    | en      | de
        a region matches its language                  | -     | -      | de-CH                              | en de    | en      | de
        the header is case-insensitive                 | -     | -      | DE-ch                              | en de    | en      | de
        the highest q-value wins                       | -     | -      | fr;q=0.5, de;q=0.9, en;q=0.1       | en de fr | es      | de
        no q-value means 1                             | -     | -      | fr;q=0.9, de                       | en de fr | en      | de
        equal q-values keep header order               | -     | -      | fr;q=0.8, de;q=0.8                 | en de fr | en      | fr
        languages we lack are skipped                  | -     | -      | ja, zh-Hant;q=0.9, fr;q=0.5        | en fr    | en      | fr
        the wildcard is ignored                        | -     | -      | *, fr;q=0.5                        | en de fr | de      | fr
        a wildcard alone falls to the default          | -     | -      | *                                  | en de fr | de      | de
        q=0 means not acceptable                       | -     | -      | fr;q=0, de;q=0.1                   | en de fr | en      | de
        q=0.000 means not acceptable too               | -     | -      | fr;q=0.000                         | en fr    | en      | en
        q=1.000 is allowed                             | -     | -      | fr;q=1.000                         | en fr    | en      | fr
        a q-value above 1 is malformed                 | -     | -      | fr;q=1.5, de;q=0.2                 | en de fr | en      | de
        a q-value with four decimals is malformed      | -     | -      | fr;q=0.5555, de;q=0.2              | en de fr | en      | de
        a q-value that is not a number is malformed    | -     | -      | fr;q=high, de;q=0.2                | en de fr | en      | de
        a negative q-value is malformed                | -     | -      | fr;q=-1, de;q=0.2                  | en de fr | en      | de
        an unknown parameter is malformed              | -     | -      | fr;level=1, de;q=0.2               | en de fr | en      | de
        two q-values are malformed                     | -     | -      | fr;q=0.9;q=0.8, de;q=0.2           | en de fr | en      | de
        a range with bad characters is malformed       | -     | -      | f_r, d e, de;q=0.2                 | en de fr | en      | de
        a subtag longer than 8 letters is malformed    | -     | -      | francaise, de;q=0.2                | en de fr | en      | de
        whitespace around entries is fine              | -     | -      | '  fr ;q=0.2 ,  de ; q=0.3 '       | en de fr | en      | de
        empty list elements are skipped                | -     | -      | ',, ,fr'                           | en de fr | en      | fr
        an empty header falls to the default           | -     | -      | ''                                 | en de    | de      | de
        garbage falls to the default                   | -     | -      | ';;;===,,'                         | en de    | de      | de
        then the merchant default                      | -     | -      | -                                  | en de fr | fr      | fr
        a disabled default falls to the first enabled  | -     | -      | -                                  | de fr    | en      | de
        nothing at all gives the first enabled         | -     | -      | -                                  | es en    | -       | es
        """)
    void chooses_the_page_language(String description, String query, String cookie, String acceptLanguage,
            String enabled, String merchantDefault, String expected) {
        assertEquals(expected, Languages.choose(query, cookie, acceptLanguage, list(enabled), merchantDefault));
    }

    @Test
    void with_no_enabled_languages_chooses_english() {
        assertEquals("en", Languages.choose("de", "de", "de", List.of(), "de"));
        assertEquals("en", Languages.choose("de", "de", "de", null, "de"));
    }

    @Test
    void ignores_a_header_longer_than_1000_characters() {
        String tooLong = "de," + " ".repeat(998);
        assertEquals("fr", Languages.choose(null, null, tooLong, List.of("en", "de", "fr"), "fr"));
        String justFits = "de," + " ".repeat(997);
        assertEquals("de", Languages.choose(null, null, justFits, List.of("en", "de", "fr"), "fr"));
    }

    @Test
    void reads_only_the_first_30_entries() {
        String thirty = "ja, ".repeat(29) + "de";
        assertEquals("de", Languages.choose(null, null, thirty, List.of("en", "de"), "en"));
        String thirtyOne = "ja, ".repeat(30) + "de";
        assertEquals("en", Languages.choose(null, null, thirtyOne, List.of("en", "de"), "en"));
    }

    @Test
    void counts_malformed_entries_toward_the_30() {
        String header = "!!, ".repeat(30) + "de";
        assertEquals("en", Languages.choose(null, null, header, List.of("en", "de"), "en"));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "ar, true", "he, true", "fa, true", "ur, true", "AR, true", "ar-EG, true",
        "en, false", "de, false", "arn, false", "'', false", "-, false",
    })
    void knows_which_languages_are_written_right_to_left(String language, boolean rightToLeft) {
        assertEquals(rightToLeft, Languages.isRightToLeft(language));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "en, English", "de, Deutsch", "fr, Français", "es, Español", "DE, Deutsch",
        "ja, ja", "pt-BR, pt-BR", "'', ''", "-, ''",
    })
    void names_languages_in_themselves(String language, String name) {
        assertEquals(name, Languages.nativeName(language));
    }

    @Test
    void every_supported_language_has_a_native_name() {
        for (String language : Languages.SUPPORTED) {
            assertNotEquals(language, Languages.nativeName(language));
        }
    }

    private static List<String> list(String spaceSeparated) {
        return Arrays.asList(spaceSeparated.trim().split("\\s+"));
    }
}
