package app.landfall.carriers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

// Valid and invalid numbers are the published test numbers of jkeen/tracking_number_data,
// plus copies of valid ones with one digit changed.
class TrackingNumbersTest {

    @ParameterizedTest(name = "{1} is {0}")
    @CsvSource({
            "ups, 1Z5R89390357567127", "ups, 1Z879E930346834440", "ups, 1Z410E7W0392751591", "ups, 1Z8V92A70367203024",
            "fedex, 986578788855", "fedex, 477179081230", "fedex, 799531274483", "fedex, 974367662710",
            "fedex, 1001921334250001000300779017972697", "fedex, 1002297871540001000300790695517286",
            "fedex, 9622001900000000000000776632517510", "fedex, 9632001560123456789900794808390594",
            "fedex, 61299998820821171811", "fedex, 9261292700768711948021",
            "fedex, 041441760228964", "fedex, 568283610012000", "fedex, 568283610012734",
            "fedex, 000123450000000027", "fedex, 9611020987654312345672",
            "usps, 03071790000523483741", "usps, 71123456789123456787",
            "usps, 4201002334249200190132607600833457", "usps, 4201028200009261290113185417468510",
            "usps, 420221539101026837331000039521", "usps, 71969010756003077385", "usps, 9505511069605048600624",
            "usps, 9101123456789000000013", "usps, 92748931507708513018050063", "usps, 9400111201080805483016",
            "usps, 9361289878700317633795", "usps, 9405803699300124287899",
            "upu, RB123456785GB", "upu, RB123456785US", "upu, RB123456785CV",
            "dhl, 3318810025", "dhl, 73891051146", "dhl, 8487135506", "dhl, 1099255990", "dhl, 3821724944",
            "amazon, TBA000000000000", "amazon, TBA502887274000",
            "ontrac, C11031500001879", "ontrac, C10999911320231", "ontrac, C11121552953069",
            "ontrac, D10011354453707", "ontrac, D10011345983010", "ontrac, D10011342332145",
    })
    void detects_a_published_valid_number_as_its_carrier(String carrier, String number) {
        assertTrue(carriersOf(number).contains(carrier), () -> number + " gave " + carriersOf(number));
    }

    @ParameterizedTest(name = "{1} is not {0}")
    @CsvSource({
            "ups, 1Z5R89390357567128", "ups, 1Z1111111111111111", "ups, 2Z5R89390357567127", "ups, 1A5R89390357567127",
            "fedex, 996578788855", "fedex, 986578788856",
            "fedex, 1001901781990001000300617767839438", "fedex, 9622001560001234567100794808390595",
            "fedex, 9261292700768711948020", "fedex, 568283610012732", "fedex, 568283610012735",
            "fedex, 000000000000000001", "fedex, 9600000000000000000001", "fedex, 9611020987654312345673",
            "usps, 03071790000523483742", "usps, 4201028200009261290113185417468511",
            "usps, 9200000000000000000000", "usps, 9400111201080805483017",
            "upu, RB123456786US", "upu, RB123456785XX",
            "dhl, 3318810010", "dhl, 3318810034", "dhl, 3318810011",
            "amazon, TBA50288727400A", "amazon, TBB000000000000", "amazon, 000000000000",
            "ontrac, C10000000000000", "ontrac, C11031500001889", "ontrac, D10011345983012", "ontrac, D10011342332144",
    })
    void does_not_detect_a_number_with_a_wrong_check_digit_or_shape_as_that_carrier(String carrier, String number) {
        assertFalse(carriersOf(number).contains(carrier), () -> number + " gave " + carriersOf(number));
    }

    @ParameterizedTest(name = "\"{0}\" becomes {1}")
    @CsvSource(delimiter = '|', value = {
            "1z5r 8939 0357 5671 27| 1Z5R89390357567127| ups",
            "1Z-5R8-939-035-756-7127| 1Z5R89390357567127| ups",
            "' 0414 4176 0228 964 '| 041441760228964| fedex",
            "rb 123 456 785 gb| RB123456785GB| upu",
            "tba-502887274000| TBA502887274000| amazon",
            "c 110 31 500 00187 9| C11031500001879| ontrac",
    })
    void normalises_spaces_dashes_and_lower_case(String raw, String normalized, String carrier) {
        TrackingNumbers.Detection detection = TrackingNumbers.detect(raw);
        assertEquals(normalized, detection.normalized());
        assertEquals(List.of(carrier), carriersOf(raw));
    }

    @ParameterizedTest(name = "{0} is UPS {1}")
    @CsvSource({
            "1Z5R89390357567127, Ground",
            "1Z5R89390157567121, Next Day Air",
            "1Z5R89391257567128, 3 Day Select",
            "1Z5R89391357567126, Next Day Air Saver",
    })
    void names_the_ups_service_encoded_in_the_number(String number, String service) {
        TrackingNumbers.Candidate candidate = TrackingNumbers.detect(number).candidates().get(0);
        assertEquals("ups", candidate.carrierCode());
        assertEquals(service, candidate.service());
    }

    @ParameterizedTest(name = "{0} could be {1}")
    @CsvSource(delimiter = '|', value = {
            "9261292700768711948021| fedex usps",
            "9274899991234567890128| fedex usps",
    })
    void returns_every_carrier_a_number_is_valid_for_instead_of_guessing(String number, String carriers) {
        assertEquals(List.of(carriers.split(" ")), carriersOf(number));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"hello", "12345", "1Z", "TBA123", "not a tracking number", "!!!", "1Z5R8939035756712@"})
    void says_so_when_a_number_matches_no_format(String raw) {
        assertTrue(TrackingNumbers.detect(raw).unknown());
    }

    @Test
    void gives_each_candidate_the_carriers_public_tracking_url() {
        TrackingNumbers.Candidate candidate = TrackingNumbers.detect("1z5r 8939 0357 5671 27").candidates().get(0);
        assertEquals("https://www.ups.com/track?tracknum=1Z5R89390357567127", candidate.trackingUrl());
    }

    private static List<String> carriersOf(String number) {
        return TrackingNumbers.detect(number).candidates().stream().map(TrackingNumbers.Candidate::carrierCode).toList();
    }
}
