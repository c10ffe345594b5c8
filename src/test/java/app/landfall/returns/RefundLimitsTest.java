package app.landfall.returns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.landfall.returns.ReturnPolicy.Resolution;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RefundLimitsTest {
    /** 72.00 paid for the returned units, 5.95 return shipping kept: 66.05 suggested as a refund. */
    static final RefundLimits REFUND = new RefundLimits("USD", new BigDecimal("72.00"), BigDecimal.ZERO, new BigDecimal("66.05"), Resolution.REFUND);
    /** The same items as store credit with a 10 % bonus: 79.20 suggested. */
    static final RefundLimits CREDIT = new RefundLimits("USD", new BigDecimal("72.00"), new BigDecimal("7.20"), new BigDecimal("79.20"),
            Resolution.STORE_CREDIT);
    /** A return from before the rules priced returns: nothing says what was paid. */
    static final RefundLimits UNKNOWN = new RefundLimits("USD", null, BigDecimal.ZERO, null, Resolution.REFUND);

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("the suggested refund, by support", REFUND, Resolution.REFUND, "66.05", false, null, null),
                Arguments.of("less than suggested, by support", REFUND, Resolution.REFUND, "10.00", false, null, null),
                Arguments.of("nothing at all", REFUND, Resolution.REFUND, "0", false, null, null),
                Arguments.of("more than suggested needs an owner or admin", REFUND, Resolution.REFUND, "66.06", false, null,
                        "Only an owner or admin can pay more than the suggested 66.05."),
                Arguments.of("an admin must say why", REFUND, Resolution.REFUND, "72.00", true, " ",
                        "Say why you pay more than the suggested 66.05: it is kept in the audit log."),
                Arguments.of("an admin with a reason may waive the fee", REFUND, Resolution.REFUND, "72.00", true, "Our label failed", null),
                Arguments.of("never more than was paid, even for an owner", REFUND, Resolution.REFUND, "72.01", true, "Goodwill",
                        "At most 72.00 can be refunded: what was paid for the returned items."),
                Arguments.of("a million is refused", REFUND, Resolution.REFUND, "1000000", true, "Goodwill",
                        "At most 72.00 can be refunded: what was paid for the returned items."),
                Arguments.of("credit may include the bonus", CREDIT, Resolution.STORE_CREDIT, "79.20", false, null, null),
                Arguments.of("but not more", CREDIT, Resolution.STORE_CREDIT, "79.21", true, "Goodwill",
                        "At most 79.20 can be credited: what was paid for the returned items plus the store-credit bonus."),
                Arguments.of("refunding a credit request loses the bonus", CREDIT, Resolution.REFUND, "79.20", true, "Goodwill",
                        "At most 72.00 can be refunded: what was paid for the returned items."),
                Arguments.of("its suggested refund is what was paid, without the bonus", CREDIT, Resolution.REFUND, "72.00", false, null,
                        null),
                Arguments.of("an exchange has no amount", REFUND, Resolution.EXCHANGE, "0", false, null, null),
                Arguments.of("unknown price: support may not pay", UNKNOWN, Resolution.REFUND, "1.00", false, null,
                        "Only an owner or admin can pay more than the suggested 0.00."),
                Arguments.of("unknown price: an owner may, with a reason", UNKNOWN, Resolution.REFUND, "30.00", true, "Checked the order", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void caps_refunds_at_what_was_paid_and_above_the_suggestion_asks_an_owner_or_admin_and_a_reason(String name, RefundLimits limits,
            Resolution how, String amount, boolean mayExceed, String reason, String problem) {
        assertEquals(problem, limits.problem(how, new BigDecimal(amount), mayExceed, reason).orElse(null), name);
    }
}
