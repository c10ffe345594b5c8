package app.landfall.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecipientZonesTest {
    private static final ZoneId STORE = ZoneId.of("Europe/Lisbon");

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(nullValues = "-", value = {
            "DE, -,     Europe/Berlin",
            "de, Bayern, Europe/Berlin",
            "GB, -,     Europe/London",
            "JP, -,     Asia/Tokyo",
            // a country of several zones by its state or province, written as people do
            "US, CA,    America/Los_Angeles",
            "US, ny,    America/New_York",
            "US, US-TX, America/Chicago",
            "US, AZ,    America/Phoenix",
            "CA, BC,    America/Vancouver",
            "AU, WA,    Australia/Perth",
            "BR, AM,    America/Manaus",
            // unknown: the store's own zone
            "US, -,     Europe/Lisbon",
            "US, California, Europe/Lisbon",
            "RU, -,     Europe/Lisbon",
            "-,  -,     Europe/Lisbon",
    })
    void the_shipping_address_names_the_recipients_zone_else_the_stores(String country, String region, String zone) {
        assertEquals(ZoneId.of(zone), RecipientZones.of(country, region, STORE));
    }
}
