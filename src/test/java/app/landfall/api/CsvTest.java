package app.landfall.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void reads_quoted_fields_with_commas_quotes_and_line_breaks_and_any_line_ending() throws Exception {
        String text = "\uFEFFa,b,c\r\n1,\"x, y\",\"she said \"\"hi\"\"\"\n2,\"two\nlines\",\r\n\n3,,z";
        assertEquals(List.of(List.of("a", "b", "c"), List.of("1", "x, y", "she said \"hi\""), List.of("2", "two\nlines", ""),
                List.of("3", "", "z")), Csv.parse(text));
    }

    @Test
    void a_trailing_line_break_adds_no_row_and_an_empty_file_has_none() throws Exception {
        assertEquals(List.of(List.of("a")), Csv.parse("a\n"));
        assertEquals(List.of(), Csv.parse(""));
    }

    @Test
    void broken_quoting_is_refused_with_its_line() {
        assertTrue(assertThrows(Csv.Malformed.class, () -> Csv.parse("a\n\"open")).getMessage().startsWith("Line 2"));
        assertTrue(assertThrows(Csv.Malformed.class, () -> Csv.parse("a\nab\"c\"")).getMessage().contains("middle of a field"));
        assertTrue(assertThrows(Csv.Malformed.class, () -> Csv.parse("\"a\"b")).getMessage().contains("after a closing quote"));
    }
}
