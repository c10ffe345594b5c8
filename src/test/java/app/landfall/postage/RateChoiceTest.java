package app.landfall.postage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateChoiceTest {
    private static EasyPostApi.Rate rate(String id, String carrier, String amount) {
        return new EasyPostApi.Rate(id, carrier, "Ground", new BigDecimal(amount), "USD");
    }

    private static final List<EasyPostApi.Rate> OFFERED = List.of(rate("ups", "UPS", "9.10"), rate("usps", "USPS", "5.57"),
            rate("fedex", "FedEx", "4.20"), rate("usps2", "USPS", "5.57"));

    @Test
    void the_cheapest_rate_of_the_allowed_carriers_is_chosen_and_a_tie_goes_to_the_first_offered() {
        record Case(List<String> allowed, String expected) {
        }
        for (Case c : List.of(new Case(List.of(), "fedex"), new Case(List.of("USPS", "UPS"), "usps"), new Case(List.of("ups"), "ups"),
                new Case(List.of("DHLExpress"), null))) {
            assertEquals(Optional.ofNullable(c.expected()), RateChoice.cheapest(OFFERED, c.allowed()).map(EasyPostApi.Rate::id),
                    c.allowed().toString());
        }
        assertEquals(Optional.empty(), RateChoice.cheapest(List.of(), List.of()), "no rates, no choice");
    }
}
