package app.landfall.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShopperLookupTest {
    @ParameterizedTest(name = "stored {0} / {1}, typed {2} -> {3}")
    @CsvSource({
            "ann@example.com, SW1A 1AA, ann@example.com, true",
            "ann@example.com, SW1A 1AA, ANN@Example.COM, true",
            "ann@example.com, SW1A 1AA, sw1a1aa, true",
            "ann@example.com, SW1A 1AA, SW1A-1AA, true",
            "ann@example.com, SW1A 1AA, bob@example.com, false",
            "ann@example.com, SW1A 1AA, SW1A 1AB, false",
            ", , nobody@invalid, false",
            "ann@example.com, , '', false",
    })
    void an_order_matches_its_email_in_any_case_or_its_postal_code_in_any_spacing(String email, String postal, String typed, boolean matches) {
        ShopperLookup.OrderMatch order = new ShopperLookup.OrderMatch(1, email, postal);
        assertEquals(matches, ShopperLookup.matches(order, typed));
    }

    @ParameterizedTest
    @CsvSource({"nobody@invalid", "someone@example.com", "12345"})
    void no_order_never_matches(String typed) {
        assertEquals(false, ShopperLookup.matches(null, typed));
    }
}
