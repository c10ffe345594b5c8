package app.landfall.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DemoTrackingNumbersTest {

    // published examples: UPS's developer docs and the tracking_number_data test sets
    @ParameterizedTest
    @CsvSource({
            "ups, 1Z999AA10123456784",
            "ups, 1Z5R89390357567127",
            "ups, 1Z879E930346834440",
            "ups, 1Z410E7W0392751591",
            "fedex, 986578788855",
            "fedex, 477179081230",
            "fedex, 799531274483",
            "fedex, 974367662710",
            "usps, 9400111201080805483016",
            "usps, 9405803699300124287899",
            "usps, 9505511069605048600624",
            "dhl, 3318810025",
            "dhl, 8487135506",
            "dhl, 1099255990",
            "dhl, 3821724944"})
    void accepts_published_valid_numbers(String carrier, String number) {
        assertTrue(DemoTrackingNumbers.isValid(carrier, number), number);
    }

    @ParameterizedTest
    @CsvSource({
            "ups, 1Z999AA10123456785",
            "ups, 1Z1111111111111111",
            "fedex, 996578788855",
            "usps, 9400111201080805483017",
            "usps, 9200000000000000000000",
            "dhl, 3318810010",
            "dhl, 3318810034"})
    void rejects_numbers_with_a_wrong_check_digit(String carrier, String number) {
        assertFalse(DemoTrackingNumbers.isValid(carrier, number), number);
    }

    @Test
    void computes_the_check_digit_of_the_ups_example_with_letters() {
        assertEquals(4, DemoTrackingNumbers.upsCheckDigit("999AA1012345678"));
    }

    @ParameterizedTest
    @CsvSource({"ups, false", "ups, true", "fedex, false", "usps, false", "usps, true", "dhl, false"})
    void issues_valid_numbers_in_each_carriers_shape(String carrier, boolean express) {
        DemoTrackingNumbers numbers = new DemoTrackingNumbers(new Random(7));
        String service = DemoTrackingNumbers.service(carrier, express);
        for (int i = 0; i < 200; i++) {
            String number = numbers.next(carrier, service);
            assertTrue(DemoTrackingNumbers.isValid(carrier, number), number);
        }
    }

    @Test
    void starts_usps_numbers_with_the_prefix_of_the_service() {
        DemoTrackingNumbers numbers = new DemoTrackingNumbers(new Random(7));
        assertTrue(numbers.next("usps", "USPS Ground Advantage").startsWith("9400"));
        assertTrue(numbers.next("usps", "Priority Mail").startsWith("9205"));
        assertTrue(numbers.next("ups", "UPS 2nd Day Air").startsWith("1ZA8W61702"));
    }

    @Test
    void never_issues_the_same_number_twice() {
        DemoTrackingNumbers numbers = new DemoTrackingNumbers(new Random(1));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            assertTrue(seen.add(numbers.next("dhl", "DHL Express Worldwide")));
        }
    }
}
