package app.landfall.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonFieldsTest {
    private static final JsonFields.Format<OffsetDateTime> TIME = new JsonFields.Format<>(40, OffsetDateTime::parse, "must be a time");
    private static final JsonFields.Format<LocalDate> DATE = new JsonFields.Format<>(12, LocalDate::parse, "must be a date");

    private static JsonNode json(String text) throws JsonProcessingException {
        return Json.mapper().readTree(text);
    }

    @Test
    void a_control_character_or_a_lone_surrogate_in_any_string_member_is_an_error_with_its_path() throws Exception {
        JsonFields in = new JsonFields();
        JsonNode body = json("""
                {"a": "x\\u0000", "b": "x\\ud800", "c": "ok\\ttab", "d": "\\u001b[31m", "tags": ["fine", "bad\\u0000"], "id": "7\\u0000"}""");
        assertNull(in.text(body, "a", "", 100));
        assertNull(in.freeText(body, "b", "order", 100));
        assertEquals("ok\ttab", in.text(body, "c", "", 100));
        assertNull(in.requiredText(body, "d", "", 100));
        assertEquals(List.of("fine"), in.strings(body, "tags", "", 5, 20));
        assertNull(in.id(body, "id", "", 20));
        String problem = StorableText.PROBLEM;
        assertEquals(List.of(Map.of("field", "a", "message", problem), Map.of("field", "order.b", "message", problem),
                Map.of("field", "d", "message", problem), Map.of("field", "tags[1]", "message", problem),
                Map.of("field", "id", "message", problem)), in.errors());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            2000-01-01T00:00:00Z,      true
            1999-12-31T23:59:59Z,      false
            1999-12-31T20:00:00-05:00, true
            2099-12-31T23:59:59Z,      true
            2100-01-01T00:00:00Z,      false
            0000-01-01T00:00:00Z,      false
            +10000-01-01T00:00:00Z,    false
            +99999-01-01T00:00:00Z,    false
            """)
    void times_are_taken_from_2000_up_to_2100(String time, boolean accepted) throws Exception {
        JsonFields in = new JsonFields();
        OffsetDateTime read = in.value(json("{\"at\": \"" + time + "\"}"), "at", "", TIME);
        assertEquals(accepted, read != null);
        assertEquals(accepted ? List.of() : List.of(Map.of("field", "at", "message", AcceptedDates.PROBLEM)), in.errors());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            2000-01-01,  true
            1999-12-31,  false
            2099-12-31,  true
            2100-01-01,  false
            0000-01-01,  false
            +99999-01-01, false
            """)
    void dates_are_taken_from_2000_up_to_2100(String date, boolean accepted) throws Exception {
        JsonFields in = new JsonFields();
        assertEquals(accepted, in.value(json("{\"on\": \"" + date + "\"}"), "on", "", DATE) != null);
        assertEquals(accepted, in.ok());
    }

    @Test
    void json_followed_by_anything_but_white_space_is_not_json() throws Exception {
        assertTrue(json("{\"a\": 1}  \n").isObject());
        for (String text : List.of("{\"a\": 1} garbage", "{\"a\": 1}{\"b\": 2}", "{} 1", "[1] ]")) {
            assertThrows(JsonProcessingException.class, () -> json(text), text);
        }
    }
}
