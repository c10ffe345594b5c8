package app.landfall.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PaidPricesTest {

    static List<BigDecimal> amounts(String... values) {
        return Arrays.stream(values).map(BigDecimal::new).toList();
    }

    /** name, currency, line values (price × quantity), the order's discount, what was paid per line. */
    static Stream<Arguments> allocations() {
        return Stream.of(
                Arguments.of("no discount: each line is its value", "USD", amounts("65.00", "15.00"), "0", amounts("65.00", "15.00")),
                Arguments.of("10 % off shared by value", "USD", amounts("65.00", "15.00"), "8.00", amounts("58.50", "13.50")),
                Arguments.of("an odd cent goes to the line with the largest remainder", "USD", amounts("20.00", "10.00"), "1.00",
                        amounts("19.33", "9.67")),
                Arguments.of("equal remainders: the earlier line takes the cent", "USD", amounts("10.00", "10.00", "10.00"), "10.00",
                        amounts("6.66", "6.67", "6.67")),
                Arguments.of("the cents always add up to the discount", "USD", amounts("0.01", "0.01", "99.98"), "0.03",
                        amounts("0.01", "0.01", "99.95")),
                Arguments.of("a discount larger than the items leaves nothing to pay, never less", "USD", amounts("5.00", "3.00"),
                        "20.00", amounts("0.00", "0.00")),
                Arguments.of("a free line takes no share", "USD", amounts("0.00", "40.00"), "4.00", amounts("0.00", "36.00")),
                Arguments.of("whole yen", "JPY", amounts("1999", "1001"), "301", amounts("1798", "901")),
                Arguments.of("three decimals for the dinar", "KWD", amounts("10.125", "5.000"), "1.000", amounts("9.456", "4.669")),
                Arguments.of("four-decimal prices are rounded to the cent first", "USD", amounts("3.3333", "6.6667"), "1.00",
                        amounts("3.00", "6.00")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allocations")
    void shares_the_order_discount_out_by_line_value(String name, String currency, List<BigDecimal> lines, String discount,
            List<BigDecimal> paid) {
        List<BigDecimal> got = PaidPrices.allocate(currency, lines, new BigDecimal(discount));
        assertEquals(paid, got, name);
        BigDecimal total = lines.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal shared = total.subtract(got.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        assertEquals(0, shared.compareTo(new BigDecimal(discount).min(total).setScale(got.get(0).scale(), java.math.RoundingMode.HALF_UP)),
                name + ": the shares add up to the discount");
    }

    @Test
    void units_returned_one_by_one_never_add_up_to_more_than_the_line_paid() {
        // 3 units, 10.00 paid for the line: 3.33 + 3.34 + 3.33, whatever returns they come back in
        BigDecimal paid = new BigDecimal("10.00");
        assertEquals(new BigDecimal("3.33"), PaidPrices.forUnits(paid, 3, 0, 1));
        assertEquals(new BigDecimal("3.34"), PaidPrices.forUnits(paid, 3, 1, 1));
        assertEquals(new BigDecimal("3.33"), PaidPrices.forUnits(paid, 3, 2, 1));
        assertEquals(new BigDecimal("6.67"), PaidPrices.forUnits(paid, 3, 0, 2));
        assertEquals(new BigDecimal("10.00"), PaidPrices.forUnits(paid, 3, 0, 3));
        assertEquals(new BigDecimal("3.33"), PaidPrices.forUnits(paid, 3, 2, 5), "never more units than are left");
    }
}
