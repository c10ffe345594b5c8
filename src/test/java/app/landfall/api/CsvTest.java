package app.landfall.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV files the order import accepts, as spreadsheets export them. */
class CsvTest {
    @Test
    void reads_quoted_fields_with_commas_quotes_and_line_breaks_any_line_ending_and_a_byte_order_mark() throws Exception {
        String text = "\uFEFFa,b,c\r\n1,\"x, y\",\"she said \"\"hi\"\"\"\n2,\"two\nlines\",\r\n\n3,,z";
        assertEquals(List.of(List.of("a", "b", "c"), List.of("1", "x, y", "she said \"hi\""), List.of("2", "two\nlines", ""),
                List.of("3", "", "z")), CsvImport.rows(text));
    }

    @Test
    void a_trailing_line_break_adds_no_row_and_an_empty_file_has_none() throws Exception {
        assertEquals(List.of(List.of("a")), CsvImport.rows("a\n"));
        assertEquals(List.of(), CsvImport.rows(""));
    }

    @Test
    void a_quote_inside_an_unquoted_field_is_kept_as_written() throws Exception {
        assertEquals(List.of(List.of("a"), List.of("12\" pizza")), CsvImport.rows("a\n12\" pizza"));
    }

    @Test
    void broken_quoting_is_refused_with_the_row_a_spreadsheet_would_show() {
        String unclosed = assertThrows(CsvImport.Malformed.class, () -> CsvImport.rows("a\n\"open\nb\nc")).getMessage();
        assertTrue(unclosed.startsWith("Row 2: a quoted field is not closed properly"), unclosed);
        String textAfterQuote = assertThrows(CsvImport.Malformed.class, () -> CsvImport.rows("a\nb\n\"c\"d")).getMessage();
        assertTrue(textAfterQuote.startsWith("Row 3: "), textAfterQuote);
        // a quoted line break is inside its row: the third row starts on the fourth line
        String afterTwoLines = assertThrows(CsvImport.Malformed.class, () -> CsvImport.rows("a\n\"two\nlines\"\n\"x\"y")).getMessage();
        assertTrue(afterTwoLines.startsWith("Row 3: "), afterTwoLines);
    }
}
