package app.landfall.carriers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CarrierDirectoryTest {

    @Test
    void knows_the_carriers_landfall_detects() {
        assertEquals(List.of("ups", "fedex", "usps", "dhl", "upu", "amazon", "ontrac"),
                CarrierDirectory.all().stream().map(CarrierDirectory.Carrier::code).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ups", "fedex", "usps", "dhl", "upu", "amazon", "ontrac"})
    void every_carrier_links_to_an_https_page_with_the_encoded_number(String code) {
        String url = CarrierDirectory.byCode(code).orElseThrow().trackingUrl("AB 12/3&x");
        assertTrue(url.startsWith("https://"), url);
        assertTrue(url.contains("AB%2012%2F3%26x"), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ups", "fedex", "usps", "dhl", "upu", "amazon", "ontrac"})
    void every_carrier_has_a_name_and_a_badge(String code) {
        CarrierDirectory.Carrier carrier = CarrierDirectory.byCode(code).orElseThrow();
        assertFalse(carrier.displayName().isBlank());
        assertFalse(carrier.badgeText().isBlank());
        assertTrue(carrier.badgeColor().matches("#[0-9A-F]{6}"), carrier.badgeColor());
    }

    @ParameterizedTest
    @CsvSource({"dhl, DHL Express", "upu, Postal service", "amazon, Amazon Logistics", " FedEx , FedEx"})
    void finds_a_carrier_by_its_code(String code, String displayName) {
        assertEquals(displayName, CarrierDirectory.byCode(code).orElseThrow().displayName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "royalmail", "u p s"})
    void finds_nothing_for_an_unknown_code(String code) {
        assertTrue(CarrierDirectory.byCode(code).isEmpty());
    }

    @Test
    void finds_nothing_for_a_missing_code() {
        assertTrue(CarrierDirectory.byCode(null).isEmpty());
    }
}
