package app.landfall.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} in {1} is {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            // national formats, read in the order's country
            "(415) 555-2671       | US   | +14155552671",
            "415.555.2671         | US   | +14155552671",
            "0151 23456789        | DE   | +4915123456789",
            "06 12 34 56 78       | FR   | +33612345678",
            "612 34 56 78         | ES   | +34612345678",
            "07400 123456         | GB   | +447400123456",
            // written with its country code: the order's country does not matter
            "+1 415 555 2671      | DE   | +14155552671",
            "+49 151 2345 6789    | US   | +4915123456789",
            "+44 7400 123456      | null | +447400123456",
            // the international prefix of the order's country
            "0049 151 23456789    | FR   | +4915123456789",
            "011 44 7400 123456   | US   | +447400123456",
    })
    void a_number_as_people_write_it_becomes_e164(String raw, String region, String e164) {
        assertEquals(e164, PhoneNumbers.e164(raw, region));
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "call me maybe            | US   | is not a phone number",
            "''                       | US   | is not a phone number",
            "+1 415 555 2671 Bcc: x   | US   | is not a phone number",
            "+1 415 555 2671%0A       | US   | is not a phone number",
            "12                       | US   | is not a valid number",
            "0151 2345                | DE   | is not a valid number",
            "415 555 2671             | null | has no country code",
            "+99 123 456 789          | US   | a country code that does not exist",
            "+1 415 555 2671 1234 567 | US   | is not a valid number in US",
            "030 1234567              | DE   | is a landline number",
            "01 42 68 53 00           | FR   | is a landline number",
    })
    void a_number_that_cannot_take_a_text_is_refused_with_a_reason(String raw, String region, String reason) {
        PhoneNumbers.Invalid e = assertThrows(PhoneNumbers.Invalid.class, () -> PhoneNumbers.e164(raw, region));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
