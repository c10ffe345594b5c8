package app.landfall.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.landfall.i18n.Languages;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordsTemplateTest {
    private static final Placeholder.Kind PARCEL = Placeholder.Kind.SHIPMENT;
    private static final Map<String, String> VALUES = Map.of("customer_first_name", "Alex", "order_number", "#1042",
            "store_name", "Northwind", "tracking_link", "https://example.test/t/abc", "estimated_delivery", "");

    @Test
    void fills_each_placeholder_and_keeps_the_words_around_it() throws Exception {
        var t = WordsTemplate.body("Hi {{customer_first_name}}, order {{ order_number }} from {{store_name}}.", PARCEL);
        assertEquals("Hi Alex, order #1042 from Northwind.", t.render(VALUES));
    }

    @Test
    void splits_paragraphs_on_blank_lines_and_leaves_out_one_whose_placeholders_are_all_empty() throws Exception {
        var t = WordsTemplate.body("Hi {{customer_first_name}},\n\nEstimated delivery: {{estimated_delivery}}\n \nTrack it: {{tracking_link}}"
                + "\n\nThanks!", PARCEL);
        assertEquals(List.of("Hi Alex,", "Track it: https://example.test/t/abc", "Thanks!"), t.paragraphs(VALUES));
    }

    @Test
    void keeps_braces_that_are_not_a_placeholder_as_written() throws Exception {
        assertEquals("Use code {SAVE10} or }", WordsTemplate.body("Use code {SAVE10} or }", PARCEL).render(VALUES));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Order {{oder_number}} is here   | {{oder_number}} is not a placeholder. Did you mean {{order_number}}? (line 1, column 7)",
            "Hi {{Customer First Name}}      | {{Customer First Name}} is not a placeholder. Did you mean {{customer_first_name}}?",
            "Order {{order_number is here     | \"{{\" is never closed: end the placeholder with \"}}\", as in {{order_number}}. (line 1, column 7)",
            "Order {{order_number {{store_name}} | \"{{\" is never closed",
            "Order order_number}} is here     | \"}}\" closes no placeholder: remove it, or open the placeholder with \"{{\". (line 1, column 19)",
            "Order {{}} is here               | An empty placeholder {{}}",
            "Your return {{return_number}}    | {{return_number}} is not available in parcel messages. (line 1, column 13)",
            "Totally {{xyzzy}}                | {{xyzzy}} is not a placeholder. (line 1, column 9)",
    })
    void refuses_a_mistake_naming_the_placeholder_and_where_it_is(String source, String expected) {
        var e = assertThrows(WordsTemplate.Invalid.class, () -> WordsTemplate.body(source, PARCEL));
        assertTrue(e.problems().get(0).message().startsWith(expected.strip()), e.problems().get(0).message());
    }

    @Test
    void counts_lines_and_columns_from_one_on_the_line_of_the_mistake() {
        var e = assertThrows(WordsTemplate.Invalid.class, () -> WordsTemplate.body("Hello,\n\nYour {{trackin_link}}", PARCEL));
        assertEquals(3, e.problems().get(0).line());
        assertEquals(6, e.problems().get(0).column());
    }

    @Test
    void lists_every_mistake_not_only_the_first() {
        var e = assertThrows(WordsTemplate.Invalid.class, () -> WordsTemplate.body("{{a}} and {{b}}", PARCEL));
        assertEquals(2, e.problems().size());
    }

    @Test
    void a_return_message_may_not_use_a_parcels_tracking_link() {
        var e = assertThrows(WordsTemplate.Invalid.class, () -> WordsTemplate.body("{{tracking_link}}", Placeholder.Kind.RETURN));
        assertTrue(e.getMessage().contains("not available in return messages"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"line\\r\\nBcc: evil@example.test", "line\\nBcc: evil@example.test", "line\\rX-Header: 1",
            "line\\u2028next"})
    void a_subject_with_a_line_break_is_refused_so_it_cannot_add_a_header(String escaped) {
        String subject = escaped.replace("\\r", "\r").replace("\\n", "\n").replace("\\u2028", "\u2028");
        var e = assertThrows(WordsTemplate.Invalid.class, () -> WordsTemplate.subject(subject, PARCEL));
        assertTrue(e.getMessage().startsWith("A subject is one line"), e.getMessage());
    }

    @Test
    void a_subject_longer_than_150_characters_is_refused() throws Exception {
        WordsTemplate.subject("a".repeat(150), PARCEL);
        var e = assertThrows(WordsTemplate.Invalid.class, () -> WordsTemplate.subject("a".repeat(151), PARCEL));
        assertTrue(e.getMessage().contains("at most 150 characters; this one has 151"), e.getMessage());
    }

    @Test
    void an_oversized_body_or_text_and_an_empty_one_are_refused() throws Exception {
        WordsTemplate.body("a".repeat(2000), PARCEL);
        assertThrows(WordsTemplate.Invalid.class, () -> WordsTemplate.body("a".repeat(2001), PARCEL));
        assertThrows(WordsTemplate.Invalid.class, () -> WordsTemplate.text("a".repeat(561), PARCEL));
        var e = assertThrows(WordsTemplate.Invalid.class, () -> WordsTemplate.body("  \n ", PARCEL));
        assertEquals("Write the message.", e.getMessage());
        assertThrows(WordsTemplate.Invalid.class, () -> WordsTemplate.subject("", PARCEL));
    }

    @Test
    void a_value_is_put_in_as_it_is_never_read_as_a_placeholder_again() throws Exception {
        var t = WordsTemplate.body("{{store_name}}", PARCEL);
        assertEquals("{{order_number}} <b>", t.render(Map.of("store_name", "{{order_number}} <b>", "order_number", "#1")));
    }

    @Test
    void the_built_in_words_of_every_message_parse_in_every_language() throws Exception {
        for (String template : DefaultWords.templates()) {
            Placeholder.Kind kind = Placeholder.Kind.of(template).orElseThrow();
            for (String language : Languages.SUPPORTED) {
                var email = DefaultWords.of(template, language, CustomWords.Channel.EMAIL);
                WordsTemplate.subject(email.subject(), kind);
                WordsTemplate.body(email.body(), kind);
                WordsTemplate.text(DefaultWords.of(template, language, CustomWords.Channel.TEXT).body(), kind);
                assertTrue(!email.body().contains("{0}") && !email.subject().contains("{1}"), template + " " + language);
            }
        }
    }

    @Test
    void the_built_in_words_say_what_the_bundles_say_with_placeholders_for_the_facts() {
        var delivered = DefaultWords.of("shipment.out_for_delivery", "en", CustomWords.Channel.EMAIL);
        assertEquals("Your order {{order_number}} is out for delivery", delivered.subject());
        assertTrue(delivered.body().startsWith("Your parcel is on the delivery vehicle and should arrive today.\n\n"), delivered.body());
        assertTrue(delivered.body().contains("Estimated delivery: {{estimated_delivery}}"), delivered.body());
        assertEquals("{{store_name}}: your order {{order_number}} is out for delivery today. {{tracking_link}}",
                DefaultWords.of("shipment.out_for_delivery", "en", CustomWords.Channel.TEXT).body());
        assertEquals("Ihre Rücksendung {{return_number}} ist genehmigt",
                DefaultWords.of("return.approved", "de", CustomWords.Channel.EMAIL).subject());
    }

    @Test
    void a_preview_link_carries_the_words_and_refuses_anything_else() {
        var words = new CustomWords.Words("Über {{order_number}}", "Grüße\n\n".repeat(300));
        assertEquals(words, PreviewLink.unpack(PreviewLink.pack(words)).orElseThrow());
        assertTrue(PreviewLink.pack(words).length() < 1000);
        assertTrue(PreviewLink.unpack("not-deflate").isEmpty());
        assertTrue(PreviewLink.unpack(null).isEmpty());
    }
}
